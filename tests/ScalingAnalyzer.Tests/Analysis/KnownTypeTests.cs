using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using ScalingAnalyzer.Analysis;
using Xunit;

namespace ScalingAnalyzer.Tests.Analysis;

/// <summary>Library types compared by identity, resolved when the code meets a type of the same name.</summary>
public class KnownTypeTests
{
    private const string Library = """
        namespace Microsoft.ML
        {
            public interface IEstimator<T> { }
            public class DataOperationsCatalog { public class TrainTestData { } }
        }
        """;

    private const string User = """
        namespace User
        {
            public class IEstimator<T> { }
            public class TrainTestData { }
            public class Pipeline : Microsoft.ML.IEstimator<string> { }
        }
        """;

    [Fact]
    public void AConstructionOfAGenericTypeMatchesItsDefinition()
    {
        var (compilation, library) = Compile();
        var estimator = new KnownType(library, "Microsoft.ML.IEstimator`1");
        var pipeline = compilation.GetTypeByMetadataName("User.Pipeline")!;
        Assert.True(estimator.Matches(pipeline.Interfaces.Single()));
        Assert.False(estimator.Matches(compilation.GetTypeByMetadataName("User.IEstimator`1")));
        Assert.False(estimator.Matches(pipeline));
    }

    [Fact]
    public void ANestedTypeIsNamedWithAPlus()
    {
        var (compilation, library) = Compile();
        var trainTestData = new KnownType(library, "Microsoft.ML.DataOperationsCatalog+TrainTestData");
        Assert.Equal("Microsoft.ML.DataOperationsCatalog.TrainTestData", trainTestData.Symbol?.ToDisplayString());
        Assert.False(trainTestData.Matches(compilation.GetTypeByMetadataName("User.TrainTestData")));
    }

    [Fact]
    public void ATypeTheLibraryLacksMatchesNothing()
    {
        var (compilation, library) = Compile();
        var missing = new KnownType(library, "Microsoft.ML.LightGbmExtensions");
        Assert.Null(missing.Symbol);
        Assert.False(missing.Matches(compilation.GetTypeByMetadataName("User.Pipeline")));
        Assert.False(missing.Matches(null));
    }

    private static (Compilation Compilation, LibraryTypes Library) Compile()
    {
        var coreLibrary = MetadataReference.CreateFromFile(typeof(object).Assembly.Location);
        var ml = CSharpCompilation.Create("Microsoft.ML.Core", new[] { CSharpSyntaxTree.ParseText(Library) }, new[] { coreLibrary },
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        var compilation = CSharpCompilation.Create("User", new[] { CSharpSyntaxTree.ParseText(User) }, new MetadataReference[] { coreLibrary, ml.ToMetadataReference() },
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        Assert.Empty(compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
        return (compilation, LibraryTypes.Find(compilation, name => name.StartsWith("Microsoft.ML", StringComparison.Ordinal))!);
    }
}
