using System;
using System.IO;
using Microsoft.ML;

namespace SolarForecast
{
    internal static class Program
    {
        private static void Main()
        {
            var mlContext = new MLContext(seed: 0);
            var data = mlContext.Data.LoadFromTextFile<PanelReading>(Path.Combine(AppContext.BaseDirectory, "Data", "ratios.csv"), hasHeader: true, separatorChar: ',');
            var trainer = new ModelTrainer(mlContext);
            var model = trainer.Train(data);
            var metrics = mlContext.Regression.Evaluate(model.Transform(data));
            Console.WriteLine($"RMSE {metrics.RootMeanSquaredError:0.##}");
        }
    }
}
