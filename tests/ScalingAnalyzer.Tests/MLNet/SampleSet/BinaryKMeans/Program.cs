using System;
using System.IO;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace BinaryKMeans
{
    public class Answers
    {
        [LoadColumn(0, 5), VectorType(6)] public float[] Features { get; set; }
    }

    internal static class Program
    {
        private static void Main()
        {
            var mlContext = new MLContext();
            var data = mlContext.Data.LoadFromTextFile<Answers>(Path.Combine(AppContext.BaseDirectory, "Data", "features.csv"), separatorChar: ',');
            var model = mlContext.Clustering.Trainers.KMeans(numberOfClusters: 2).Fit(data);
            Console.WriteLine(model);
        }
    }
}
