using System.Runtime.CompilerServices;

namespace ScalingAnalyzer.Tests;

internal static class TestSuiteSetup
{
    /// <summary>
    /// In users' builds the analyzers swallow their own defects; in this suite every defect must fail a test
    /// (the reliability crash hunt relies on it), whatever the build configuration.
    /// </summary>
    [ModuleInitializer]
    internal static void RethrowAnalysisDefects()
        => AppContext.SetSwitch(ScalingAnalyzer.Analysis.AnalysisDefects.RethrowSwitch, true);
}
