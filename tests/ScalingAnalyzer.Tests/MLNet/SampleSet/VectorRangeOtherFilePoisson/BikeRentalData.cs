using Microsoft.ML.Data;

namespace BikeSharing.DataStructures
{
    public class BikeRentalData
    {
        // Season, hour, temperature, humidity, wind speed and the previous hour's rentals.
        [LoadColumn(0, 5)]
        [VectorType(6)]
        public float[] Features;

        [LoadColumn(6)]
        public float Label;
    }

    public class RentalPrediction
    {
        [ColumnName("Score")]
        public float PredictedCount;
    }
}
