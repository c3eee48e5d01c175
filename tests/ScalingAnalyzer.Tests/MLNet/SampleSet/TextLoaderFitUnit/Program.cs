using System;
using System.IO;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace Housing
{
    public class HousingData
    {
        [LoadColumn(0, 2), VectorType(3)] public float[] Features { get; set; }
        [LoadColumn(3)] public float Label { get; set; }
    }

    internal static class Program
    {
        private const string DataFolder = "Data";

        private static void Main()
        {
            var mlContext = new MLContext();
            TextLoader loader = mlContext.Data.CreateTextLoader<HousingData>(separatorChar: ';', hasHeader: true);
            IDataView data = loader.Load(Path.Combine(DataFolder, "housing.csv"));
            var trainer = mlContext.Regression.Trainers.OnlineGradientDescent();
            var model = trainer.Fit(data);
            Console.WriteLine(model.Model.Bias);
        }
    }
}
