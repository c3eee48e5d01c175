using System;
using System.Collections.Generic;
using System.IO;
using BostonRegression.MachineLearning.Common;
using BostonRegression.MachineLearning.Trainers;

var trainers = new List<ITrainerBase>
{
    new SdcaRegressionTrainer(),
    new OnlineGradientDescentTrainer(0.1f),
    new FastForestRegressionTrainer(4, 10),
    new FastForestRegressionTrainer(8, 100),
};

trainers.ForEach(t => TrainEvaluate(t));

static void TrainEvaluate(ITrainerBase trainer)
{
    Console.WriteLine($"*******************************{Environment.NewLine}{trainer.Name}{Environment.NewLine}*******************************");
    var path = Path.Combine(AppDomain.CurrentDomain.BaseDirectory.Split(@"\bin")[0], "Data", "boston_housing.csv");
    trainer.Fit(path);
    var modelMetrics = trainer.Evaluate();
    Console.WriteLine($"Loss Function: {modelMetrics.LossFunction:0.##}{Environment.NewLine}" +
                      $"Mean Absolute Error: {modelMetrics.MeanAbsoluteError:#.##}{Environment.NewLine}" +
                      $"RSquared: {modelMetrics.RSquared:0.##}");
}
