using System;
using System.IO;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace LoanApproval
{
    public class LoanApplication
    {
        [LoadColumn(0)] public float Income { get; set; }
        [LoadColumn(1)] public float LoanAmount { get; set; }
        [LoadColumn(2)] public float CreditHistoryMonths { get; set; }
        [LoadColumn(3), ColumnName("Label")] public bool Approved { get; set; }
    }

    internal class Program
    {
        private static void Main(string[] args)
        {
            var algorithm = args.Length > 0 ? args[0] : "sdca";
            var mlContext = new MLContext(seed: 0);
            var data = mlContext.Data.LoadFromTextFile<LoanApplication>("Data/loans.csv", hasHeader: true, separatorChar: ',');
            IEstimator<ITransformer> trainer = algorithm switch
            {
                "tree" => mlContext.BinaryClassification.Trainers.FastTree(),
                "forest" => mlContext.BinaryClassification.Trainers.FastForest(),
                _ => mlContext.BinaryClassification.Trainers.SdcaLogisticRegression(), // SCALE002 expected
            };
            var pipeline = mlContext.Transforms.Concatenate("Features", "Income", "LoanAmount", "CreditHistoryMonths")
                .AppendCacheCheckpoint(mlContext)
                .Append(trainer);
            var model = pipeline.Fit(data);
            Console.WriteLine(model);
        }
    }
}
