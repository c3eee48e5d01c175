namespace ScalingAnalyzer.CodeFixes;

/// <summary>
/// The equivalence keys of every code fix in the package, in one naming scheme: <c>ScalingAnalyzer.</c> and what the
/// fix does, whatever rule(s) it fixes. An IDE's Fix All and `dotnet format` group fixes by this key, so a key stays
/// stable across releases; tests and tools refer to these constants rather than to the text.
/// </summary>
public static class FixEquivalenceKeys
{
    /// <summary>SCALE001, SCALE004: fit a standard scaler on the feature and train on its output.</summary>
    public const string StandardizeFeature = "ScalingAnalyzer.StandardizeFeature";

    /// <summary>SCALE001, SCALE004: fit a min-max scaler on the feature and train on its output.</summary>
    public const string MinMaxScaleFeature = "ScalingAnalyzer.MinMaxScaleFeature";

    /// <summary>SCALE003: standardize the regression target.</summary>
    public const string StandardizeTarget = "ScalingAnalyzer.StandardizeTarget";

    /// <summary>SCALE002: append ML.NET's NormalizeMeanVariance on the trainer's feature column before the trainer.</summary>
    public const string NormalizeMeanVariance = "ScalingAnalyzer.NormalizeMeanVariance";

    /// <summary>SCALE002: append ML.NET's NormalizeMinMax on the trainer's feature column before the trainer.</summary>
    public const string NormalizeMinMax = "ScalingAnalyzer.NormalizeMinMax";

    /// <summary>SCALE005: pass a served input through the scaling the model was trained with.</summary>
    public const string ScaleServedInput = "ScalingAnalyzer.ScaleServedInput";

    /// <summary>SCALE005: map a model's output back to the target's original units.</summary>
    public const string MapOutputBack = "ScalingAnalyzer.MapOutputBack";

    /// <summary>SCALE006 (TorchSharp): take the statistics over the training rows only.</summary>
    public const string FitStatisticsOnTrainingRows = "ScalingAnalyzer.FitStatisticsOnTrainingRows";

    /// <summary>SCALE006 (ML.NET, TrainTestSplit): fit the normalizer on the training set and transform both sets.</summary>
    public const string FitNormalizerOnTrainSet = "ScalingAnalyzer.FitNormalizerOnTrainSet";

    /// <summary>SCALE006 (ML.NET, CrossValidate): move the normalizer into the cross-validated pipeline.</summary>
    public const string NormalizeInsideCrossValidation = "ScalingAnalyzer.NormalizeInsideCrossValidation";
}
