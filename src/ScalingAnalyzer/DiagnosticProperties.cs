namespace ScalingAnalyzer;

/// <summary>
/// Keys of <see cref="Microsoft.CodeAnalysis.Diagnostic.Properties"/>: what an analyzer tells its code fix, so a fix
/// never re-runs the analysis.
/// </summary>
public static class DiagnosticProperties
{
    /// <summary>The local or parameter the fix rewrites, as written at the reported argument. Absent: no fix is offered.</summary>
    public const string Variable = "Variable";

    /// <summary><see cref="FeatureRole"/> or <see cref="TargetRole"/>.</summary>
    public const string Role = "Role";
    public const string FeatureRole = "Feature";
    public const string TargetRole = "Target";

    /// <summary>
    /// Span start (invariant decimal) of the statement before which the scaling step must run: the outermost loop
    /// around the training step, or the statement that calls the training helper.
    /// </summary>
    public const string InsertBefore = "InsertBefore";

    /// <summary>
    /// "start:length" of the expression the fix rewrites when it is not the reported argument: the tensor a
    /// TensorDataset or a Dataset was made from, scaled before <see cref="InsertBefore"/>. Absent: the reported argument.
    /// </summary>
    public const string ScaleAt = "ScaleAt";

    /// <summary>SCALE002: the feature column the trainer reads.</summary>
    public const string FeatureColumn = "FeatureColumn";

    /// <summary>SCALE006 (TorchSharp): the expression of the training rows that replaces the statistic's data.</summary>
    public const string TrainingRows = "TrainingRows";

    /// <summary>SCALE006 (TorchSharp): "start,length" of the statistic's data expression, which the fix replaces.</summary>
    public const string StatisticData = "StatisticData";
}
