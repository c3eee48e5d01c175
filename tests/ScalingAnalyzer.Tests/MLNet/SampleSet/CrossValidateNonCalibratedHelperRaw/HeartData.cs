using Microsoft.ML.Data;

namespace HeartDisease
{
    public class HeartData
    {
        [LoadColumn(0)] public float Age { get; set; }
        [LoadColumn(1)] public float RestingBloodPressure { get; set; }
        [LoadColumn(2)] public float Cholesterol { get; set; }
        [LoadColumn(3)] public float MaxHeartRate { get; set; }
        [LoadColumn(4)] public float StDepression { get; set; }
        [LoadColumn(5), ColumnName("Label")] public bool HasDisease { get; set; }
    }
}
