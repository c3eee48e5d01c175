namespace ScalingAnalyzer.Benchmarks.AnalyzerOverhead;

/// <summary>
/// Writes the two projects that scripts/bench-analyzer-overhead.sh compiles with and without the analyzers:
/// <c>ml/</c> (TorchSharp and ML.NET training code) and <c>plain/</c> (neither library referenced). Seeded, so
/// every run compiles the same sources. The analyzer goes in as <c>&lt;Analyzer Include&gt;</c> items only when
/// the build passes <c>-p:ScalingAnalyzerDirectory=...</c>, so both variants share one restore and one set of references.
/// </summary>
internal static class OverheadProjectGenerator
{
    public static int Run(string[] args)
    {
        if (args.Length < 1)
        {
            Console.Error.WriteLine("usage: generate-overhead-projects <output directory> [files per project, default 300]");
            return 2;
        }
        var output = Path.GetFullPath(args[0]);
        var files = args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 300;
        WriteProject(Path.Combine(output, "ml"), files, MLProjectFile, (i, random) =>
            i % 5 < 3 ? TorchSharpSources.Create(i, random) : MLNetSources.Create(i, random));
        WriteProject(Path.Combine(output, "plain"), files, PlainProjectFile, PlainSources.Create);
        Console.WriteLine($"wrote {files} files each to {Path.Combine(output, "ml")} and {Path.Combine(output, "plain")}");
        return 0;
    }

    private static void WriteProject(string directory, int files, string projectFile, Func<int, Random, string> source)
    {
        if (Directory.Exists(directory)) Directory.Delete(directory, recursive: true);
        Directory.CreateDirectory(directory);
        File.WriteAllText(Path.Combine(directory, Path.GetFileName(directory) + ".csproj"), projectFile);
        var random = new Random(20261126);
        for (var i = 0; i < files; i++)
            File.WriteAllText(Path.Combine(directory, $"File{i:D3}.cs"), source(i, random));
    }

    private const string AnalyzerItems = """
          <ItemGroup Condition="'$(ScalingAnalyzerDirectory)' != ''">
            <Analyzer Include="$(ScalingAnalyzerDirectory)/ScalingAnalyzer.dll" />
            <Analyzer Include="$(ScalingAnalyzerDirectory)/ScalingAnalyzer.CodeFixes.dll" />
          </ItemGroup>
        """;

    private const string CommonProperties = """
            <TargetFramework>net10.0</TargetFramework>
            <OutputType>Library</OutputType>
            <Nullable>enable</Nullable>
            <ImplicitUsings>disable</ImplicitUsings>
            <NoWarn>$(NoWarn);CS1591</NoWarn>
        """;

    private static readonly string MLProjectFile = $"""
        <Project Sdk="Microsoft.NET.Sdk">
          <PropertyGroup>
        {CommonProperties}
          </PropertyGroup>
          <ItemGroup>
            <PackageReference Include="TorchSharp" Version="0.107.0" />
            <PackageReference Include="Microsoft.ML" Version="5.0.1" />
          </ItemGroup>
        {AnalyzerItems}
        </Project>
        """;

    private static readonly string PlainProjectFile = $"""
        <Project Sdk="Microsoft.NET.Sdk">
          <PropertyGroup>
        {CommonProperties}
          </PropertyGroup>
        {AnalyzerItems}
        </Project>
        """;
}
