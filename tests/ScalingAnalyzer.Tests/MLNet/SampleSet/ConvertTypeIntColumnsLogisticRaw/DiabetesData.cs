using Microsoft.ML.Data;

// read diabetes.csv
// Pregnancies,Glucose,BloodPressure,SkinThickness,Insulin,BMI,DiabetesPedigreeFunction,Age,Outcome
public class DiabetesData
{
    [LoadColumn(0)] public int Pregnancies { get; set; }
    [LoadColumn(1)] public int Glucose { get; set; }
    [LoadColumn(2)] public int BloodPressure { get; set; }
    [LoadColumn(3)] public int SkinThickness { get; set; }
    [LoadColumn(4)] public int Insulin { get; set; }
    [LoadColumn(5)] public float BMI { get; set; }
    [LoadColumn(6)] public float DiabetesPedigreeFunction { get; set; }
    [LoadColumn(7)] public int Age { get; set; }
    [LoadColumn(8), ColumnName("Label")] public bool Outcome { get; set; }
}
