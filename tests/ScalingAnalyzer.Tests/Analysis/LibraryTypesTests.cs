using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using ScalingAnalyzer.Analysis;
using Xunit;

namespace ScalingAnalyzer.Tests.Analysis;

/// <summary>How every rule finds the library types it compares against: in the library's own references only.</summary>
public class LibraryTypesTests
{
    private static readonly MetadataReference CoreLibrary = MetadataReference.CreateFromFile(typeof(object).Assembly.Location);

    private static bool IsTorchSharp(string name) => name.Equals("TorchSharp", StringComparison.OrdinalIgnoreCase);

    private static bool IsMLNetData(string name) => name == "Microsoft.ML.Data";

    [Fact]
    public void AFileReferenceIsRecognisedByItsFileName()
    {
        var compilation = CSharpCompilation.Create("User", references: new[] { CoreLibrary, MetadataReference.CreateFromFile(typeof(global::TorchSharp.torch).Assembly.Location) });
        var types = LibraryTypes.Find(compilation, IsTorchSharp);
        Assert.NotNull(types);
        Assert.Equal("Tensor", types.Get("TorchSharp.torch+Tensor")?.Name);
        Assert.Null(types.Get("Microsoft.ML.MLContext"));
        Assert.Null(LibraryTypes.Find(compilation, IsMLNetData));
    }

    [Fact]
    public void AnotherProjectIsRecognisedByItsAssemblyName()
    {
        var library = CSharpCompilation.Create("TorchSharp", new[] { CSharpSyntaxTree.ParseText("namespace TorchSharp { public static class torch { } }") }, new[] { CoreLibrary });
        var compilation = CSharpCompilation.Create("User", references: new[] { CoreLibrary, library.ToMetadataReference() });
        Assert.Equal("torch", LibraryTypes.Find(compilation, IsTorchSharp)?.Get("TorchSharp.torch")?.Name);
    }

    [Fact]
    public void AnImageWithoutAFileIsRecognisedByItsIdentity()
    {
        var compilation = CSharpCompilation.Create("User", references: new[] { CoreLibrary, Image("Microsoft.ML.Data", "namespace Microsoft.ML { public class MLContext { } }") });
        Assert.Equal("MLContext", LibraryTypes.Find(compilation, IsMLNetData)?.Get("Microsoft.ML.MLContext")?.Name);
        Assert.Null(LibraryTypes.Find(compilation, IsTorchSharp));
    }

    [Fact]
    public void ATypeOfTheSameNameInAnotherAssemblyIsNotTheLibrarys()
    {
        var impostor = Image("Impostor", "namespace Microsoft.ML { public class MLContext { } }");
        var library = Image("Microsoft.ML.Data", "namespace Microsoft.ML { public class MLContext { } }");
        var compilation = CSharpCompilation.Create("User", references: new[] { CoreLibrary, impostor, library });
        var mlContext = LibraryTypes.Find(compilation, IsMLNetData)?.Get("Microsoft.ML.MLContext");
        Assert.Equal("Microsoft.ML.Data", mlContext?.ContainingAssembly.Name);
        // The whole-compilation lookup gives up on the ambiguity; the rules would then have seen no ML.NET at all.
        Assert.Null(compilation.GetTypeByMetadataName("Microsoft.ML.MLContext"));
    }

    private static MetadataReference Image(string assemblyName, string source)
    {
        var library = CSharpCompilation.Create(assemblyName, new[] { CSharpSyntaxTree.ParseText(source) }, new[] { CoreLibrary }, new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        using var image = new MemoryStream();
        Assert.True(library.Emit(image).Success);
        return MetadataReference.CreateFromImage(image.ToArray());
    }
}
