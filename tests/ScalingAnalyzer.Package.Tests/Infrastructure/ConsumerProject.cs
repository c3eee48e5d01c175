namespace ScalingAnalyzer.Package.Tests.Infrastructure;

/// <summary>The outcome of one `dotnet build` of a consumer project.</summary>
public sealed record BuildRun(ProcessResult Process, IReadOnlyList<ReportedDiagnostic> Diagnostics)
{
    public bool Succeeded => Process.ExitCode == 0;

    /// <summary>The diagnostics of our rules (SCALE001..), as locations.</summary>
    public IReadOnlySet<DiagnosticLocation> ScaleLocations(string? severity = null)
        => Diagnostics.Where(d => d.Id.StartsWith("SCALE", StringComparison.Ordinal) && (severity is null || d.Severity == severity))
            .Select(d => d.Location).ToHashSet();
}

/// <summary>A fresh console project, outside the repository, that references the packed ScalingAnalyzer by version.</summary>
public sealed class ConsumerProject
{
    private static readonly TimeSpan BuildTimeout = TimeSpan.FromMinutes(5);

    public ConsumerProject(string directory, string name)
    {
        Directory = directory;
        Name = name;
    }

    public string Directory { get; }
    public string Name { get; }
    public string ProjectFile => Path.Combine(Directory, Name + ".csproj");

    /// <summary>The PackageReference lines of a project: our package(s) and the libraries its sources use.</summary>
    public static string PackageReference(string id, string version) => $"""    <PackageReference Include="{id}" Version="[{version}]" />""";

    public const string TorchSharpCpu = """    <PackageReference Include="TorchSharp-cpu" Version="0.107.0" />""";
    public const string TorchSharpManaged = """    <PackageReference Include="TorchSharp" Version="0.107.0" />""";
    public const string MicrosoftML = """    <PackageReference Include="Microsoft.ML" Version="5.0.1" />""";

    /// <summary>Writes the project file.</summary>
    /// <param name="compileOnly">
    /// The project is only compiled, never run: libtorch's native files (about 600 MB) are not copied into its bin.
    /// </param>
    /// <param name="outputType">Exe or Library.</param>
    /// <param name="items">Item lines (PackageReference, ProjectReference) of the project.</param>
    public void WriteProjectFile(bool compileOnly, string outputType, params string[] items)
    {
        System.IO.Directory.CreateDirectory(Directory);
        var copyLocal = compileOnly ? "    <CopyLocalLockFileAssemblies>false</CopyLocalLockFileAssemblies>\n" : "";
        File.WriteAllText(ProjectFile, $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <OutputType>{outputType}</OutputType>
                <TargetFramework>net10.0</TargetFramework>
                <ImplicitUsings>enable</ImplicitUsings>
                <Nullable>enable</Nullable>
            {copyLocal}  </PropertyGroup>
              <ItemGroup>
            {string.Join("\n", items)}
              </ItemGroup>
            </Project>

            """);
    }

    /// <summary>The folder `dotnet build` writes the project's output to (Debug, the SDK's default).</summary>
    public string OutputDirectory => Path.Combine(Directory, "bin", "Debug", "net10.0");

    /// <summary>The file names of the assemblies in <see cref="OutputDirectory"/> (after a build).</summary>
    public IReadOnlyList<string> OutputAssemblies()
        => System.IO.Directory.EnumerateFiles(OutputDirectory, "*.dll").Select(f => Path.GetFileName(f)!).Order(StringComparer.Ordinal).ToList();

    /// <summary>Copies consumer sources (paths relative to the test's Consumers folder) into the project, keeping their sub-folders.</summary>
    public void AddSources(string consumersDirectory, params string[] relativePaths)
    {
        foreach (var relative in relativePaths)
        {
            var target = Path.Combine(Directory, relative);
            System.IO.Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(Path.Combine(consumersDirectory, relative), target, overwrite: true);
        }
    }

    public string ReadSource(string relativePath) => File.ReadAllText(Path.Combine(Directory, relativePath));

    /// <summary>
    /// `dotnet build` without restore (the fixture restored once), recompiling even when nothing changed: the
    /// compiler only reports diagnostics when it runs.
    /// </summary>
    public BuildRun Build(params string[] extraArguments)
    {
        string[] arguments = ["build", ProjectFile, "--no-restore", "--no-incremental", "-nologo", "-v:q", .. extraArguments];
        var result = DotNetProcess.Run(Directory, BuildTimeout, arguments);
        return new BuildRun(result, ReportedDiagnostic.ParseBuildOutput(result.Output, Directory));
    }

    public ProcessResult Format(params string[] extraArguments)
        => DotNetProcess.Run(Directory, BuildTimeout, ["format", "analyzers", ProjectFile, "--no-restore", "-v:q", .. extraArguments]);

    public ProcessResult Run(params string[] programArguments)
        => DotNetProcess.Run(Directory, BuildTimeout, ["run", "--project", ProjectFile, "--no-build", "--", .. programArguments]);
}
