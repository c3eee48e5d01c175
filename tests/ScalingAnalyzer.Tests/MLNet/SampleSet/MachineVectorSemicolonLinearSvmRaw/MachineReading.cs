using Microsoft.ML.Data;

namespace PredictiveMaintenance.DataModels
{
    public class MachineReading
    {
        [LoadColumn(0)]
        public string MachineId { get; set; }

        [LoadColumn(1, 5)]
        [VectorType(5)]
        [ColumnName("Features")]
        public float[] Sensors { get; set; }

        [LoadColumn(6)]
        [ColumnName("Label")]
        public bool Failed { get; set; }
    }
}
