using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Microsoft.ML.Data;

namespace ChurnML.Model;

public class ModelInput
{
    [ColumnName("tenure"), LoadColumn(0)] public float Tenure { get; set; }
    [ColumnName("monthly_charges"), LoadColumn(1)] public float MonthlyCharges { get; set; }
    [ColumnName("total_charges"), LoadColumn(2)] public float TotalCharges { get; set; }
    [ColumnName("churn"), LoadColumn(3)] public bool Churn { get; set; }
}
