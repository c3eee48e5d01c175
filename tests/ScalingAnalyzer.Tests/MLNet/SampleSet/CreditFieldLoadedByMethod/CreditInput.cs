using Microsoft.ML.Data;

namespace CreditApproval.Models;

public class CreditInput
{
    [LoadColumn(0)]
    public float MonthlyIncome { get; set; }

    [LoadColumn(1)]
    public float MaritalStatus { get; set; } // 0 single, 1 married, 2 divorced, 3 widowed, 4 civil union

    [LoadColumn(2)]
    public float Dependents { get; set; }

    [LoadColumn(3)]
    public float OwnsCar { get; set; }

    [LoadColumn(4)]
    public float DeniedBefore { get; set; }

    [LoadColumn(5)]
    public bool Approved { get; set; }
}

public class CreditPrediction
{
    [ColumnName("PredictedLabel")]
    public bool Approved { get; set; }

    public float Probability { get; set; }
}
