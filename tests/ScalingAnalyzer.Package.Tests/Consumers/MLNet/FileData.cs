using Microsoft.ML;
using Microsoft.ML.Data;

namespace Consumer.MLNet;

/// <summary>Data files kept in the project: the package's targets give them to the analyzer, which reads their columns.</summary>
public static class FileData
{
    public sealed class IrisData
    {
        [LoadColumn(0)] public float SepalLength { get; set; }
        [LoadColumn(1)] public float SepalWidth { get; set; }
        [LoadColumn(2)] public float PetalLength { get; set; }
        [LoadColumn(3)] public float PetalWidth { get; set; }
    }

    public sealed class SensorReading
    {
        [LoadColumn(0)] public float Pressure { get; set; }
        [LoadColumn(1)] public float Temperature { get; set; }
        [LoadColumn(2), ColumnName("Label")] public float Output { get; set; }
    }

    /// <summary>Iris measurements (0.1..7.9 in the file) need no normalizer: silent.</summary>
    public static ITransformer ClusterIris(MLContext mlContext)
    {
        var data = mlContext.Data.LoadFromTextFile<IrisData>(Path.Combine(AppContext.BaseDirectory, "Data", "iris.csv"), separatorChar: ',');
        var pipeline = mlContext.Transforms.Concatenate("Features", nameof(IrisData.SepalLength), nameof(IrisData.SepalWidth), nameof(IrisData.PetalLength), nameof(IrisData.PetalWidth))
            .Append(mlContext.Clustering.Trainers.KMeans("Features", numberOfClusters: 3));
        return pipeline.Fit(data);
    }

    /// <summary>Pressure spans about [900, 1100] in the file: reported with the file's numbers.</summary>
    public static ITransformer RegressSensors(MLContext mlContext)
    {
        var data = mlContext.Data.LoadFromTextFile<SensorReading>(Path.Combine(AppContext.BaseDirectory, "Data", "sensors.csv"), hasHeader: true, separatorChar: ',');
        var pipeline = mlContext.Transforms.Concatenate("Features", nameof(SensorReading.Pressure), nameof(SensorReading.Temperature))
            .Append(mlContext.Regression.Trainers.Sdca()); // expect SCALE002 at "mlContext.Regression.Trainers.Sdca"
        return pipeline.Fit(data);
    }
}
