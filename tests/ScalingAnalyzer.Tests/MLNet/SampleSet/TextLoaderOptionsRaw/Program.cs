using System;
using System.IO;
using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers;

namespace ConcreteStrength
{
    internal static class Program
    {
        private const string DataFile = "Data/concrete.csv";

        private static void Main()
        {
            var mlContext = new MLContext(seed: 0);
            var loaderOptions = new TextLoader.Options
            {
                Separators = new[] { ';' },
                HasHeader = true,
                Columns = new[]
                {
                    new TextLoader.Column("Features", DataKind.Single, new[] { new TextLoader.Range(0, 7) }),
                    new TextLoader.Column("Label", DataKind.Single, 8),
                },
            };
            var loader = mlContext.Data.CreateTextLoader(loaderOptions);
            IDataView data = loader.Load(DataFile);

            var trainerOptions = new SdcaRegressionTrainer.Options
            {
                LabelColumnName = "Label",
                MaximumNumberOfIterations = 100,
            };
            var trainer = mlContext.Regression.Trainers.Sdca(trainerOptions); // SCALE002 expected
            var results = mlContext.Regression.CrossValidate(data, trainer, numberOfFolds: 5);
            foreach (var fold in results)
                Console.WriteLine($"Fold R^2: {fold.Metrics.RSquared:0.###}");
        }
    }
}
