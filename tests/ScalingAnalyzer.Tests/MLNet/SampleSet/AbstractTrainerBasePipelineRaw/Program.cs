using System;
using EnergyForecast.Trainers;

RegressionTrainerBase trainer = new WeatherOnlyTrainer();
var metrics = trainer.TrainAndEvaluate();
Console.WriteLine($"{trainer.Name}: R2 {metrics.RSquared:0.000}");
