namespace ScalingAnalyzer.Analysis.MLNet;

/// <summary>What SCALE006's ML.NET diagnostics tell their fix (<see cref="Microsoft.CodeAnalysis.Diagnostic.Properties"/>).</summary>
public static class MLNetLeakProperties
{
    /// <summary><see cref="TrainTestSplit"/> or <see cref="CrossValidation"/>.</summary>
    public const string Kind = "LeakKind";
    public const string TrainTestSplit = "TrainTestSplit";
    public const string CrossValidation = "CrossValidate";

    /// <summary>Span start (invariant decimal) of the TrainTestSplit or CrossValidate invocation.</summary>
    public const string EvaluationStart = "EvaluationStart";
}
