using Microsoft.ML.Data;

namespace PredictiveMaintenance
{
    public class SensorReading
    {
        // Every feature column was min-max scaled when the dataset was exported.
        [LoadColumn(0, 4), VectorType(5)]
        public float[] Features { get; set; }

        [LoadColumn(5)]
        public bool Label { get; set; }
    }
}
