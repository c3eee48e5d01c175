using System.Text.Json;
using System.Xml.Linq;

namespace ScalingAnalyzer.Package.Tests.Infrastructure;

/// <summary>
/// Packs ScalingAnalyzer and ScalingAnalyzer.Runtime once, under a version of their own, into a temporary folder feed
/// and lays out fresh consumer projects beside it, restored once, as a user's machine would have them. Shared by
/// every consumer test (one xunit collection, so the builds run one at a time); each build of a project happens once
/// and its result is shared. Everything it writes (feed, nuspecs, packages, projects) is under <see cref="Root"/>.
/// </summary>
/// <remarks>
/// The consumers always test the package packed from the working tree, whatever the machine's NuGet cache holds:
/// the version is unique to this run (<c>0.1.0-t&lt;UTC time&gt;&lt;random&gt;</c>), so no cache or fallback folder can
/// hold it, and the packages are restored into <see cref="PackagesDirectory"/>, a folder of this workspace. The
/// machine's cache stays a fallback folder for TorchSharp, ML.NET and the rest (nothing is downloaded again), and a
/// stale ScalingAnalyzer 0.1.0 is planted in a second fallback folder the restore sees (<see cref="StaleCacheDirectory"/>);
/// PackageFreshnessTests prove that the restore took neither.
/// </remarks>
public sealed class ConsumerWorkspace : IDisposable
{
    private static readonly TimeSpan PackTimeout = TimeSpan.FromMinutes(5);
    private static readonly TimeSpan RestoreTimeout = TimeSpan.FromMinutes(10);

    public const string AnalyzerPackageId = "ScalingAnalyzer";
    public const string RuntimePackageId = "ScalingAnalyzer.Runtime";

    /// <summary>The consumer sources every diagnostics project compiles (relative to Consumers/).</summary>
    private static readonly string[] DiagnosticSources =
    [
        "Program.cs",
        "Torch/HousePriceTraining.cs", "Torch/RuntimeData.cs", "Torch/PragmaSuppressed.cs", "Torch/AttributeSuppressed.cs",
        "Torch/FeatureThresholdOption.cs", "Torch/ColumnRatioOption.cs", "Torch/ScalingMethodsOption.cs",
        "Torch/SeverityNone.cs", "Torch/SeverityError.cs", "Torch/SeedPrediction.cs",
        "MLNet/HousePriceRegression.cs", "MLNet/NormalizedPipeline.cs",
        "MLNet/FileData.cs", "MLNet/Data/iris.csv", "MLNet/Data/sensors.csv",
    ];

    /// <summary>What the IDE-style workspace opens: a diagnostic of every rule, SCALE004's suggestion included.</summary>
    private static readonly string[] IdeSources =
    [
        "Program.cs", "Torch/HousePriceTraining.cs", "Torch/RuntimeData.cs", "Torch/SeedPrediction.cs", "MLNet/HousePriceRegression.cs", "MLNet/NormalizedPipeline.cs",
    ];

    private readonly Dictionary<string, BuildRun> _builds = new(StringComparer.Ordinal);

    public ConsumerWorkspace()
    {
        Root = Directory.CreateTempSubdirectory("ScalingAnalyzer.Consumers.").FullName;
        FeedDirectory = Path.Combine(Root, "feed");
        PackageVersion = UniqueVersion(Repository.PackageVersion);

        Pack = PackInto(FeedDirectory, PackageVersion, Path.Combine(Root, "nuspec"));
        AnalyzerPackagePath = Path.Combine(FeedDirectory, $"{AnalyzerPackageId}.{PackageVersion}.nupkg");
        RuntimePackagePath = Path.Combine(FeedDirectory, $"{RuntimePackageId}.{PackageVersion}.nupkg");
        if (Pack.ExitCode != 0 || !File.Exists(AnalyzerPackagePath) || !File.Exists(RuntimePackagePath))
        {
            throw new InvalidOperationException($"packing ScalingAnalyzer failed (the test project builds the package projects first; were they built in {Repository.Configuration}?)\n{Pack}");
        }

        PlantStalePackages();
        WriteNuGetConfig();
        // Distinct project names: one solution restores them together.
        Default = new ConsumerProject(Path.Combine(Root, "Default"), "DefaultConsumer");
        Configured = new ConsumerProject(Path.Combine(Root, "Configured"), "ConfiguredConsumer");
        Plain = new ConsumerProject(Path.Combine(Root, "Plain"), "PlainConsumer");
        Fixable = new ConsumerProject(Path.Combine(Root, "Fixable"), "FixableConsumer");
        MLNetOnly = new ConsumerProject(Path.Combine(Root, "MLNetOnly"), "MLNetOnly");
        AnalyzerLibrary = new ConsumerProject(Path.Combine(Root, "AnalyzerLibrary"), "AnalyzerLibrary");
        RuntimeLibrary = new ConsumerProject(Path.Combine(Root, "RuntimeLibrary"), "RuntimeLibrary");
        LibraryUser = new ConsumerProject(Path.Combine(Root, "LibraryUser"), "LibraryUser");
        Ide = new ConsumerProject(Path.Combine(Root, "Ide"), "IdeConsumer");

        // TorchSharp applications: the one package ScalingAnalyzer.Runtime brings runtime, analyzers and fixes.
        var runtime = ConsumerProject.PackageReference(RuntimePackageId, PackageVersion);
        foreach (var project in new[] { Default, Configured })
        {
            project.WriteProjectFile(compileOnly: true, "Exe", runtime, ConsumerProject.TorchSharpCpu, ConsumerProject.MicrosoftML);
            project.AddSources(ConsumersDirectory, DiagnosticSources);
        }
        File.Copy(Path.Combine(ConsumersDirectory, "configured.editorconfig"), Path.Combine(Configured.Directory, ".editorconfig"));
        Fixable.WriteProjectFile(compileOnly: false, "Exe", runtime, ConsumerProject.TorchSharpCpu, ConsumerProject.MicrosoftML);
        Fixable.AddSources(ConsumersDirectory, "Program.cs", "Torch/HousePriceTraining.cs", "Torch/RuntimeData.cs", "Torch/SeedPrediction.cs", "MLNet/HousePriceRegression.cs");
        Ide.WriteProjectFile(compileOnly: true, "Exe", runtime, ConsumerProject.TorchSharpCpu, ConsumerProject.MicrosoftML);
        Ide.AddSources(ConsumersDirectory, IdeSources);

        // The analyzers alone, added as `dotnet add package` adds a development dependency (below).
        Plain.WriteProjectFile(compileOnly: true, "Exe");
        Plain.AddSources(Path.Combine(ConsumersDirectory, "Plain"), "Program.cs");
        MLNetOnly.WriteProjectFile(compileOnly: false, "Exe", ConsumerProject.MicrosoftML);
        MLNetOnly.AddSources(Path.Combine(ConsumersDirectory, "MLNetOnly"), "Program.cs");
        AnalyzerLibrary.WriteProjectFile(compileOnly: false, "Library", ConsumerProject.MicrosoftML);
        AnalyzerLibrary.AddSources(Path.Combine(ConsumersDirectory, "AnalyzerLibrary"), "PriceModels.cs");
        // A library on the runtime: the managed TorchSharp bindings only, like ScalingAnalyzer.Runtime itself.
        RuntimeLibrary.WriteProjectFile(compileOnly: false, "Library", ConsumerProject.TorchSharpManaged);
        RuntimeLibrary.AddSources(Path.Combine(ConsumersDirectory, "RuntimeLibrary"), "SizeModel.cs");
        LibraryUser.WriteProjectFile(compileOnly: false, "Exe",
            $"""    <ProjectReference Include="{AnalyzerLibrary.ProjectFile}" />""",
            $"""    <ProjectReference Include="{RuntimeLibrary.ProjectFile}" />""");
        LibraryUser.AddSources(Path.Combine(ConsumersDirectory, "LibraryUser"), "Program.cs");

        // `dotnet add package` as the README says, one per kind of user; it reads the package's developmentDependency
        // flag and writes the PrivateAssets it implies. Each restores its project once.
        AddPackage(Plain, AnalyzerPackageId);
        AddPackage(MLNetOnly, AnalyzerPackageId);
        AddPackage(AnalyzerLibrary, AnalyzerPackageId);
        AddPackage(RuntimeLibrary, RuntimePackageId);

        // One restore for every project.
        var solution = Path.Combine(Root, "Consumers.slnx");
        new XDocument(new XElement("Solution",
            AllProjects.Select(p => new XElement("Project", new XAttribute("Path", Path.GetRelativePath(Root, p.ProjectFile))))))
            .Save(solution);
        Restore = DotNetProcess.Run(Root, RestoreTimeout, "restore", solution, "-nologo", "-v:q");
        if (Restore.ExitCode != 0)
        {
            throw new InvalidOperationException($"restoring the consumer projects failed\n{Restore}");
        }
    }

    public string Root { get; }
    public string FeedDirectory { get; }
    public string AnalyzerPackagePath { get; }
    public string RuntimePackagePath { get; }
    public string PackageVersion { get; }
    public ProcessResult Pack { get; }
    public ProcessResult Restore { get; }
    public Dictionary<string, ProcessResult> AddPackageRuns { get; } = new(StringComparer.Ordinal);

    /// <summary>The packages folder the consumers restore into: our packages always land here fresh.</summary>
    public string PackagesDirectory => Path.Combine(Root, "packages");

    /// <summary>A fallback folder the restore sees, holding a stale ScalingAnalyzer and ScalingAnalyzer.Runtime 0.1.0.</summary>
    public string StaleCacheDirectory => Path.Combine(Root, "stale-cache");

    /// <summary>The version a previous build or the README's install section leaves in a machine's cache.</summary>
    public static string StaleVersion => Repository.PackageVersion;

    /// <summary>A TorchSharp and ML.NET application on ScalingAnalyzer.Runtime, every rule's markers.</summary>
    public ConsumerProject Default { get; }
    public ConsumerProject Configured { get; }
    /// <summary>Neither TorchSharp nor ML.NET code; the analyzers alone.</summary>
    public ConsumerProject Plain { get; }
    public ConsumerProject Fixable { get; }
    /// <summary>An ML.NET application with the analyzers alone.</summary>
    public ConsumerProject MLNetOnly { get; }
    /// <summary>A class library with the analyzers alone (a development dependency).</summary>
    public ConsumerProject AnalyzerLibrary { get; }
    /// <summary>A class library on ScalingAnalyzer.Runtime.</summary>
    public ConsumerProject RuntimeLibrary { get; }
    /// <summary>An application that references both libraries and no ScalingAnalyzer package.</summary>
    public ConsumerProject LibraryUser { get; }

    /// <summary>Opened in an MSBuildWorkspace, as an IDE opens it (IdeWorkspaceTests); never built on the command line.</summary>
    public ConsumerProject Ide { get; }

    public IReadOnlyList<ConsumerProject> AllProjects => [Default, Configured, Plain, Fixable, MLNetOnly, AnalyzerLibrary, RuntimeLibrary, LibraryUser, Ide];

    public static string ConsumersDirectory => Path.Combine(AppContext.BaseDirectory, "Consumers");

    /// <summary>A prerelease of <paramref name="baseVersion"/> no other pack shares: <c>0.1.0-t20261206170102a1b2c3</c>.</summary>
    public static string UniqueVersion(string baseVersion)
        => $"{baseVersion}-t{DateTime.UtcNow:yyyyMMddHHmmss}{Guid.NewGuid().ToString("N")[..6]}";

    /// <summary>
    /// `dotnet pack` of both packages (ScalingAnalyzer.Packages.slnf) from the existing build, at <paramref name="version"/>,
    /// with the intermediate nuspec files under <paramref name="nuspecDirectory"/> rather than in the repository's obj folders.
    /// </summary>
    public static ProcessResult PackInto(string feed, string version, string nuspecDirectory)
        => DotNetProcess.Run(Repository.Root, PackTimeout,
            "pack", Repository.PackagesSolutionFilter, "-c", Repository.Configuration, "--no-build", "-o", feed,
            $"-p:PackageVersion={version}", $"-p:NuspecOutputPath={nuspecDirectory}{Path.DirectorySeparatorChar}", "-nologo", "-v:q");

    private void AddPackage(ConsumerProject project, string packageId)
    {
        var run = DotNetProcess.Run(project.Directory, RestoreTimeout, "add", project.ProjectFile, "package", packageId, "--version", PackageVersion);
        AddPackageRuns[project.Name] = run;
        if (run.ExitCode != 0)
        {
            throw new InvalidOperationException($"`dotnet add package {packageId}` failed in {project.Name}\n{run}");
        }
    }

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
    /// Where <paramref name="project"/>'s restore took package <paramref name="id"/> from: its version and folder, read
    /// from obj/project.assets.json (null when the project did not get it at all).
    /// </summary>
    public static (string Version, string Folder)? RestoredPackage(ConsumerProject project, string id)
    {
        using var assets = JsonDocument.Parse(File.ReadAllText(Path.Combine(project.Directory, "obj", "project.assets.json")));
        var folders = assets.RootElement.GetProperty("packageFolders").EnumerateObject().Select(f => f.Name).ToList();
        foreach (var library in assets.RootElement.GetProperty("libraries").EnumerateObject())
        {
            var slash = library.Name.IndexOf('/', StringComparison.Ordinal);
            if (!string.Equals(library.Name[..slash], id, StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }
            var relative = library.Value.GetProperty("path").GetString()!;
            // NuGet lists the folders it searched; the package is in the first that holds it.
            var folder = folders.Select(f => Path.Combine(f, relative)).FirstOrDefault(Directory.Exists) ?? "";
            return (library.Name[(slash + 1)..], folder);
        }
        return null;
    }

    /// <summary>
    /// A previous build of both packages at the plain version, extracted as NuGet extracts into a cache, with an
    /// analyzer assembly that is not an assembly: a compiler that loaded it would warn CS8034 and report nothing.
    /// </summary>
    private void PlantStalePackages()
    {
        foreach (var id in new[] { AnalyzerPackageId, RuntimePackageId })
        {
            var lower = id.ToLowerInvariant();
            var folder = Path.Combine(StaleCacheDirectory, lower, StaleVersion);
            Directory.CreateDirectory(folder);
            var ns = XNamespace.Get("http://schemas.microsoft.com/packaging/2013/05/nuspec.xsd");
            new XDocument(new XElement(ns + "package", new XElement(ns + "metadata",
                new XElement(ns + "id", id), new XElement(ns + "version", StaleVersion), new XElement(ns + "authors", "stale"),
                new XElement(ns + "description", "a stale build planted by the consumer tests"))))
                .Save(Path.Combine(folder, lower + ".nuspec"));
            var analyzers = Path.Combine(folder, "analyzers", "dotnet", "cs");
            Directory.CreateDirectory(analyzers);
            File.WriteAllText(Path.Combine(analyzers, "ScalingAnalyzer.dll"), "stale build");
            File.WriteAllText(Path.Combine(folder, $"{lower}.{StaleVersion}.nupkg.sha512"), "c3RhbGU=");
            File.WriteAllText(Path.Combine(folder, ".nupkg.metadata"), """{ "version": 2, "contentHash": "c3RhbGU=", "source": null }""");
        }
    }

    /// <summary>
    /// A private NuGet configuration beside the consumers: the machine's own sources stay (no &lt;clear/&gt;) and
    /// only the folder feed is added; packages are restored into a folder of this workspace; the stale cache and the
    /// machine's cache are fallback folders (the latter serves TorchSharp and ML.NET, so nothing is downloaded again).
    /// </summary>
    private void WriteNuGetConfig()
    {
        var machinePackages = Environment.GetEnvironmentVariable("NUGET_PACKAGES") is { Length: > 0 } configured
            ? configured
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
        new XDocument(new XElement("configuration",
            new XElement("config", new XElement("add", new XAttribute("key", "globalPackagesFolder"), new XAttribute("value", PackagesDirectory))),
            new XElement("packageSources", new XElement("add", new XAttribute("key", "scalinganalyzer-local"), new XAttribute("value", FeedDirectory))),
            new XElement("fallbackPackageFolders",
                new XElement("add", new XAttribute("key", "stale-cache"), new XAttribute("value", StaleCacheDirectory)),
                new XElement("add", new XAttribute("key", "machine-packages"), new XAttribute("value", machinePackages)))))
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
