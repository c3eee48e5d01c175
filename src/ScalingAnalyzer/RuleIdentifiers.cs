namespace ScalingAnalyzer;

/// <summary>Rule ids, the category they share and the one place their help links are built.</summary>
public static class RuleIdentifiers
{
    public const string UnscaledFeature = "SCALE001";
    public const string MLNetMissingNormalizer = "SCALE002";
    public const string UnreachableTarget = "SCALE003";
    public const string UnboundedFeature = "SCALE004";
    public const string TrainServeSkew = "SCALE005";
    public const string StatisticsLeakage = "SCALE006";

    public const string Category = "Scaling";

    /// <summary>Where docs/rules/ is published; the package's repository metadata points at the same place.</summary>
    public const string DocumentationBaseUri = "https://github.com/scalinganalyzer/ScalingAnalyzer/blob/main/docs/rules/";

    public static string GetHelpUri(string id) => DocumentationBaseUri + id + ".md";
}
