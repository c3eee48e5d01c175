using System;
using System.Collections.Generic;
using System.IO;
using PenguinSvm.MachineLearning;

namespace PenguinSvm
{
    public class Program
    {
        static void Main(string[] args)
        {
            var trainers = new List<ITrainerBase>
            {
                new LinearSvmTrainer(5),
                new LinearSvmTrainer(10),
                new AveragedPerceptronTrainer(),
                new LbfgsLogisticRegressionTrainer(),
            };

            trainers.ForEach(x => TrainEvaluate(x));
        }

        static void TrainEvaluate(ITrainerBase trainer)
        {
            Console.WriteLine($"\n-------------------------------------------\n\t{trainer.Name}\n-------------------------------------------");
            string path = Path.Combine(AppDomain.CurrentDomain.BaseDirectory.Split(@"\bin")[0], @"Data\", "penguins_size_binary.csv");
            trainer.Fit(path.ToString());
            var modelMetrics = trainer.Evaluate();
            Console.WriteLine($"Accuracy: {modelMetrics.Accuracy:0.##}");
        }
    }
}
