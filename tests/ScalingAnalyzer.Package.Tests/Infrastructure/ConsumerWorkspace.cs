using System.Xml.Linq;

namespace ScalingAnalyzer.Package.Tests.Infrastructure;

/// <summary>
/// Packs ScalingAnalyzer once into a temporary folder feed and lays out fresh consumer projects beside it, restored
/// once, as a user's machine would have them. Shared by every consumer test (one xunit collection, so the builds
/// run one at a time); each build of a project happens once and its result is shared.
/// </summary>
public sealed class ConsumerWorkspace : IDisposable
{
    private static readonly TimeSpan PackTimeout = TimeSpan.FromMinutes(5);
    private static readonly TimeSpan RestoreTimeout = TimeSpan.FromMinutes(10);

    /// <summary>The consumer sources every diagnostics project compiles (relative to Consumers/).</summary>
    private static readonly string[] DiagnosticSources =
    [
        "Program.cs",
        "Torch/HousePriceTraining.cs", "Torch/RuntimeData.cs", "Torch/PragmaSuppressed.cs", "Torch/AttributeSuppressed.cs",
        "Torch/FeatureThresholdOption.cs", "Torch/ColumnRatioOption.cs", "Torch/ScalingMethodsOption.cs",
        "Torch/SeverityNone.cs", "Torch/SeverityError.cs", "Torch/SeedPrediction.cs",
        "MLNet/HousePriceRegression.cs", "MLNet/NormalizedPipeline.cs",
    ];

    private readonly Dictionary<string, BuildRun> _builds = new(StringComparer.Ordinal);

    public ConsumerWorkspace()
    {
        Root = Directory.CreateTempSubdirectory("ScalingAnalyzer.Consumers.").FullName;
        FeedDirectory = Path.Combine(Root, "feed");
        PackageVersion = Repository.PackageVersion;

        var pack = DotNetProcess.Run(Repository.Root, PackTimeout,
            "pack", Repository.PackageProject, "-c", Repository.Configuration, "--no-build", "-o", FeedDirectory, "-nologo", "-v:q");
        PackagePath = Path.Combine(FeedDirectory, $"ScalingAnalyzer.{PackageVersion}.nupkg");
        if (pack.ExitCode != 0 || !File.Exists(PackagePath))
        {
            throw new InvalidOperationException($"packing ScalingAnalyzer failed (the test project builds the package project first; was it built in {Repository.Configuration}?)\n{pack}");
        }

        WriteNuGetConfig();
        // Distinct project names: one solution restores them together.
        Default = new ConsumerProject(Path.Combine(Root, "Default"), "DefaultConsumer");
        Configured = new ConsumerProject(Path.Combine(Root, "Configured"), "ConfiguredConsumer");
        Plain = new ConsumerProject(Path.Combine(Root, "Plain"), "PlainConsumer");
        Fixable = new ConsumerProject(Path.Combine(Root, "Fixable"), "FixableConsumer");

        foreach (var project in new[] { Default, Configured })
        {
            project.WriteProjectFile(PackageVersion, withMachineLearningLibraries: true, compileOnly: true);
            project.AddSources(ConsumersDirectory, DiagnosticSources);
        }
        File.Copy(Path.Combine(ConsumersDirectory, "configured.editorconfig"), Path.Combine(Configured.Directory, ".editorconfig"));
        Plain.WriteProjectFile(PackageVersion, withMachineLearningLibraries: false, compileOnly: true);
        Plain.AddSources(Path.Combine(ConsumersDirectory, "Plain"), "Program.cs");
        Fixable.WriteProjectFile(PackageVersion, withMachineLearningLibraries: true, compileOnly: false);
        Fixable.AddSources(ConsumersDirectory, "Program.cs", "Torch/HousePriceTraining.cs", "Torch/SeedPrediction.cs", "MLNet/HousePriceRegression.cs");

        // One restore for all four projects.
        var solution = Path.Combine(Root, "Consumers.slnx");
        new XDocument(new XElement("Solution",
            new[] { Default, Configured, Plain, Fixable }.Select(p => new XElement("Project", new XAttribute("Path", Path.GetRelativePath(Root, p.ProjectFile))))))
            .Save(solution);
        Restore = DotNetProcess.Run(Root, RestoreTimeout, "restore", solution, "-nologo", "-v:q");
        if (Restore.ExitCode != 0)
        {
            throw new InvalidOperationException($"restoring the consumer projects failed\n{Restore}");
        }
    }

    public string Root { get; }
    public string FeedDirectory { get; }
    public string PackagePath { get; }
    public string PackageVersion { get; }
    public ProcessResult Restore { get; }

    /// <summary>The packages folder the consumers restore into: ScalingAnalyzer always lands here fresh.</summary>
    public string PackagesDirectory => Path.Combine(Root, "packages");

    public ConsumerProject Default { get; }
    public ConsumerProject Configured { get; }
    public ConsumerProject Plain { get; }
    public ConsumerProject Fixable { get; }

    public static string ConsumersDirectory => Path.Combine(AppContext.BaseDirectory, "Consumers");

    /// <summary>Builds <paramref name="project"/> with <paramref name="arguments"/> once; later calls with the same key return that result.</summary>
    public BuildRun BuildOnce(string key, ConsumerProject project, params string[] arguments)
    {
        lock (_builds)
        {
            if (!_builds.TryGetValue(key, out var run))
            {
                run = project.Build(arguments);
                _builds[key] = run;
            }
            return run;
        }
    }

    /// <summary>The plain build of the default consumer, with a SARIF 2.1 error log beside it.</summary>
    public BuildRun DefaultBuild => BuildOnce("default", Default, $"-p:ErrorLog={SarifPath}%2Cversion=2.1");

    public string SarifPath => Path.Combine(Default.Directory, "out.sarif");

    public BuildRun ConfiguredBuild => BuildOnce("configured", Configured);

    /// <summary>
    /// A private NuGet configuration beside the consumers: the machine's own sources stay (no &lt;clear/&gt;) and
    /// only the folder feed is added; packages are restored into a folder of this workspace, so a re-packed
    /// version is never served stale from the machine's cache, while the machine's cache still serves
    /// TorchSharp and ML.NET as a fallback folder (nothing is downloaded again).
    /// </summary>
    private void WriteNuGetConfig()
    {
        var machinePackages = Environment.GetEnvironmentVariable("NUGET_PACKAGES") is { Length: > 0 } configured
            ? configured
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
        new XDocument(new XElement("configuration",
            new XElement("config", new XElement("add", new XAttribute("key", "globalPackagesFolder"), new XAttribute("value", PackagesDirectory))),
            new XElement("packageSources", new XElement("add", new XAttribute("key", "scalinganalyzer-local"), new XAttribute("value", FeedDirectory))),
            new XElement("fallbackPackageFolders", new XElement("add", new XAttribute("key", "machine-packages"), new XAttribute("value", machinePackages)))))
            .Save(Path.Combine(Root, "nuget.config"));
    }

    public void Dispose()
    {
        if (Environment.GetEnvironmentVariable("KEEP_CONSUMERS") == "1")
        {
            return;
        }
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open (a crashed child process) leaves the temp folder behind; nothing to fail on.
        }
    }
}

[CollectionDefinition(Name)]
public sealed class ConsumerCollection : ICollectionFixture<ConsumerWorkspace>
{
    public const string Name = "Consumer projects";
}
