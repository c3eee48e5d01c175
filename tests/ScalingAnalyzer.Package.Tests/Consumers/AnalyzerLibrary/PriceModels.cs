// A class library that uses the analyzers (the package ScalingAnalyzer, a development dependency) for its own
// ML.NET code: its build reports SCALE002 here; the projects that reference it get nothing from the package.
using Microsoft.ML;

namespace AnalyzerLibrary;

public static class PriceModels
{
    /// <summary>OnlineGradientDescent on the raw "Size" column of <paramref name="houses"/>, predicting "Price".</summary>
    public static ITransformer OnlineRegression(MLContext mlContext, IDataView houses)
    {
        var pipeline = mlContext.Transforms.Concatenate("Features", "Size")
            .Append(mlContext.Regression.Trainers.OnlineGradientDescent(labelColumnName: "Price", featureColumnName: "Features")); // expect SCALE002 at "mlContext.Regression.Trainers.OnlineGradientDescent"
        return pipeline.Fit(houses);
    }
}
