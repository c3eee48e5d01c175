using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using ScalingAnalyzer.Runtime;
using TorchSharp;

namespace ScalingAnalyzer.Tests.TorchSharpFixes;

/// <summary>
/// Compiles a (fixed) TorchSharp program with Roslyn against the assemblies this test process runs on (the .NET
/// runtime, TorchSharp, ScalingAnalyzer.Runtime) and loads it, so a test can run what a fix produced for real.
/// </summary>
internal static class TorchProgramCompiler
{
    /// <summary>The loaded assembly; the test fails with the compiler's errors when the program does not compile.</summary>
    public static Assembly CompileAndLoad(string source, string assemblyNamePrefix)
    {
        var frameworkDirectory = Path.GetDirectoryName(typeof(object).Assembly.Location)!;
        var references = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!)
            .Split(Path.PathSeparator)
            .Where(path => Path.GetDirectoryName(path) == frameworkDirectory)
            .Append(typeof(torch).Assembly.Location)
            .Append(typeof(StandardScaler).Assembly.Location)
            .Select(path => MetadataReference.CreateFromFile(path));
        var compilation = CSharpCompilation.Create(
            assemblyNamePrefix + Guid.NewGuid().ToString("N"),
            new[] { CSharpSyntaxTree.ParseText(source) },
            references,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        using var image = new MemoryStream();
        var emitted = compilation.Emit(image);
        Assert.True(emitted.Success, string.Join(Environment.NewLine, emitted.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error)));
        return Assembly.Load(image.ToArray());
    }
}
