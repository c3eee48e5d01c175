using System;

namespace ScalingAnalyzer.Analysis;

/// <summary>
/// The one policy every rule applies to its own defects: in users' builds a defect is swallowed (never an AD0001
/// that breaks a build with warnings as errors); our test suites set <see cref="RethrowSwitch"/> so that every
/// defect fails a test, in Debug and Release builds alike.
/// </summary>
internal static class AnalysisDefects
{
    public const string RethrowSwitch = "ScalingAnalyzer.RethrowAnalysisDefects";

    /// <summary>True for an exception the analyzer should swallow: a defect (not a cancellation) outside our tests.</summary>
    public static bool ShouldSwallow(Exception exception)
        => exception is not OperationCanceledException
           && !(AppContext.TryGetSwitch(RethrowSwitch, out var rethrow) && rethrow);
}
