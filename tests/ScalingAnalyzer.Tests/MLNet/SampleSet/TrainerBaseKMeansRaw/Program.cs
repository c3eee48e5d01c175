using System;
using System.Collections.Generic;
using System.IO;
using PenguinClustering.MachineLearning.Common;
using PenguinClustering.MachineLearning.Trainers;

namespace PenguinClustering
{
    internal static class Program
    {
        private static void Main()
        {
            var trainers = new List<ITrainerBase>
            {
                new KMeansTrainer(1),
                new KMeansTrainer(2),
                new KMeansTrainer(3),
                new KMeansTrainer(5),
            };

            trainers.ForEach(t => TrainEvaluate(t));
        }

        private static void TrainEvaluate(ITrainerBase trainer)
        {
            Console.WriteLine("*******************************");
            Console.WriteLine($"{trainer.Name}");
            Console.WriteLine("*******************************");

            var path = Path.Combine(AppDomain.CurrentDomain.BaseDirectory.Split(@"\bin")[0], "Data", "penguins_size.csv");
            trainer.Fit(path);

            var modelMetrics = trainer.Evaluate();
            Console.WriteLine($"Average Distance: {modelMetrics.AverageDistance:#.##}{Environment.NewLine}" +
                              $"Davies Bouldin Index: {modelMetrics.DaviesBouldinIndex:#.##}");
            trainer.Save();
        }
    }
}
