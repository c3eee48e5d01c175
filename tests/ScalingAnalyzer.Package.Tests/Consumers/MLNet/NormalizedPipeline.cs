// Must stay silent: the feature column is normalized before the trainer that needs it.
using Microsoft.ML;

namespace Consumer;

public static class NormalizedPipeline
{
    public static ITransformer Train(IDataView data)
    {
        var mlContext = new MLContext(seed: 1);
        var pipeline = mlContext.Transforms.Concatenate("Features", nameof(House.Size))
            .Append(mlContext.Transforms.NormalizeMeanVariance("Features"))
            .Append(mlContext.Regression.Trainers.Sdca(labelColumnName: nameof(House.Price), featureColumnName: "Features"));
        return pipeline.Fit(data);
    }
}
