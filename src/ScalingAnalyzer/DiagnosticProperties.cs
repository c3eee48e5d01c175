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

    /// <summary>SCALE005 roles: an input served to a module, or an output used as original units.</summary>
    public const string InputRole = "Input";
    public const string OutputRole = "Output";

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

    /// <summary>
    /// SCALE001/SCALE004: the inputs of the same module used outside training in the same method, raw, which the fix
    /// scales with the same scaler ("start,length;..." spans of the argument expressions).
    /// </summary>
    public const string ServeInputs = "ServeInputs";

    /// <summary>
    /// SCALE003 and SCALE005 (outputs): the forward/call invocations outside training whose outputs are used as
    /// original units, which the fix maps back with the target's scaler ("start,length;..." spans).
    /// </summary>
    public const string Outputs = "Outputs";

    /// <summary>
    /// SCALE001/SCALE003/SCALE004: the field holding the trained module ("name@declaration start"), when it is one: the
    /// fix keeps the fitted scaler in a field beside it and scales the module's inputs in the other methods of the class.
    /// </summary>
    public const string ModuleField = "ModuleField";

    /// <summary>SCALE005: the runtime scaler the module was trained with, as "name@declaration start".</summary>
    public const string Scaler = "Scaler";

    /// <summary>SCALE005: the centre (mean, min) variable of a hand-written scaling, as "name@declaration start".</summary>
    public const string Centre = "Centre";

    /// <summary>SCALE005: the spread (std, max - min) variable of a hand-written scaling, as "name@declaration start".</summary>
    public const string Spread = "Spread";

    /// <summary>SCALE002: the feature column the trainer reads.</summary>
    public const string FeatureColumn = "FeatureColumn";

    /// <summary>SCALE006 (TorchSharp): the expression of the training rows that replaces the statistic's data.</summary>
    public const string TrainingRows = "TrainingRows";

    /// <summary>SCALE006 (TorchSharp): "start,length" of the statistic's data expression, which the fix replaces.</summary>
    public const string StatisticData = "StatisticData";
}
