using System;
using System.IO;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace EnergyForecast.Trainers;

public class EnergyReading
{
    [LoadColumn(0)] public float Temperature { get; set; }
    [LoadColumn(1)] public float Humidity { get; set; }
    [LoadColumn(2)] public float WindSpeed { get; set; }
    [LoadColumn(3), ColumnName("Label")] public float Load { get; set; }
}

public abstract class RegressionTrainerBase
{
    protected readonly MLContext MlContext = new MLContext(seed: 0);

    public string Name { get; protected set; } = "";

    protected abstract IEstimator<ITransformer> BuildFeaturePipeline();

    public RegressionMetrics TrainAndEvaluate()
    {
        var data = MlContext.Data.LoadFromTextFile<EnergyReading>(Path.Combine("Data", "energy.csv"), hasHeader: true, separatorChar: ';');
        var split = MlContext.Data.TrainTestSplit(data, testFraction: 0.2);
        var pipeline = BuildFeaturePipeline()
            .Append(MlContext.Regression.Trainers.LbfgsPoissonRegression()); // SCALE002 expected
        var model = pipeline.Fit(split.TrainSet);
        return MlContext.Regression.Evaluate(model.Transform(split.TestSet));
    }
}

public sealed class WeatherOnlyTrainer : RegressionTrainerBase
{
    public WeatherOnlyTrainer() => Name = "Weather only";

    protected override IEstimator<ITransformer> BuildFeaturePipeline()
        => MlContext.Transforms.Concatenate("Features", nameof(EnergyReading.Temperature), nameof(EnergyReading.Humidity), nameof(EnergyReading.WindSpeed));
}
