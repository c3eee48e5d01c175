using Microsoft.ML.Data;

namespace HeartHealth.DataEntities;

public class HeartDiseaseData
{
    [LoadColumn(0)] public float Age { get; set; }
    [LoadColumn(1)] public float Sex { get; set; }
    [LoadColumn(2)] public float Cp { get; set; }
    [LoadColumn(3)] public float Trestbps { get; set; }
    [LoadColumn(4)] public float Chol { get; set; }
    [LoadColumn(5)] public float Fbs { get; set; }
    [LoadColumn(6)] public float Thalach { get; set; }
    [LoadColumn(7)] public float Oldpeak { get; set; }
    [LoadColumn(8), ColumnName("Label")] public bool Target { get; set; }
}
