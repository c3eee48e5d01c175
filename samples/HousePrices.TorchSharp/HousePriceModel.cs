using ScalingAnalyzer.Runtime;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace HousePrices;

/// <summary>
/// The trained model as it ships: the feature's standardization, the linear layer trained on standardized data and the
/// target's un-standardization, one TorchSharp module. Square feet in, dollars out; <c>save</c> writes the scalers'
/// statistics (registered buffers) with the weights, so whoever loads the file predicts in dollars without the
/// training data or the scalers.
/// </summary>
internal static class HousePriceModel
{
    /// <summary>Saves the trained layer between its two scalings.</summary>
    public static void Save(string path, StandardScaler sizeScaler, Linear trained, StandardScaler priceScaler)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        Assemble(sizeScaler.AsModule(), trained, priceScaler.AsInverseModule()).save(path);
    }

    /// <summary>
    /// What a serving process does: build the same structure from its sizes alone (one feature, one output), then let
    /// <c>load</c> fill the weights and the scalers' statistics.
    /// </summary>
    public static Sequential Load(string path)
    {
        var model = Assemble(new ColumnScaling(1), nn.Linear(1, 1), new ColumnScaling(1, inverse: true));
        model.load(path);
        model.eval();
        return model;
    }

    /// <summary>One place defines the structure, so the saving and the loading side cannot drift apart.</summary>
    private static Sequential Assemble(ColumnScaling scaleSize, Linear linear, ColumnScaling unscalePrice) =>
        nn.Sequential(("scale_size", scaleSize), ("linear", linear), ("unscale_price", unscalePrice));
}
