using System.Diagnostics;
using System.Text;

namespace ScalingAnalyzer.Package.Tests.Infrastructure;

public sealed record ProcessResult(string CommandLine, int ExitCode, string Output, TimeSpan Elapsed)
{
    public override string ToString() => $"$ {CommandLine}\n(exit {ExitCode} after {Elapsed.TotalSeconds:F1} s)\n{Output}";
}

/// <summary>Runs the real `dotnet` CLI as a user's shell or CI would, with a clean, English, non-interactive environment.</summary>
internal static class DotNetProcess
{
    /// <summary>Variables the `dotnet test` host sets for itself; a child `dotnet build` must find its own SDK and NuGet settings.</summary>
    private static readonly string[] InheritedVariablesToDrop =
    [
        "MSBuildExtensionsPath", "MSBuildSDKsPath", "MSBUILD_EXE_PATH", "MSBuildLoadMicrosoftTargetsReadOnly",
        "DOTNET_HOST_PATH", "NUGET_PACKAGES", "RestoreUseStaticGraphEvaluation", "VSTEST_HOST_DEBUG",
    ];

    public static ProcessResult Run(string workingDirectory, TimeSpan timeout, params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        foreach (var name in InheritedVariablesToDrop)
        {
            start.Environment.Remove(name);
        }
        start.Environment["DOTNET_CLI_UI_LANGUAGE"] = "en";
        start.Environment["DOTNET_NOLOGO"] = "1";
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_SKIP_FIRST_TIME_EXPERIENCE"] = "1";
        // No build servers or reused nodes: a lingering child holding our output pipe would make the read below
        // wait for it, and nothing should outlive a test.
        start.Environment["MSBUILDDISABLENODEREUSE"] = "1";
        start.Environment["DOTNET_CLI_USE_MSBUILD_SERVER"] = "0";
        start.Environment["UseSharedCompilation"] = "false";

        var commandLine = "dotnet " + string.Join(' ', arguments);
        var output = new StringBuilder();
        var stopwatch = Stopwatch.StartNew();
        using var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) lock (output) output.AppendLine(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (output) output.AppendLine(e.Data); };
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        if (!process.WaitForExit(timeout))
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
            throw new TimeoutException($"'{commandLine}' in {workingDirectory} did not finish within {timeout.TotalSeconds:F0} s. Output so far:\n{output}");
        }
        process.WaitForExit();
        lock (output)
        {
            return new ProcessResult(commandLine, process.ExitCode, output.ToString(), stopwatch.Elapsed);
        }
    }
}
