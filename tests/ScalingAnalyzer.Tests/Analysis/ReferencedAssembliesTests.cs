using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using ScalingAnalyzer.Analysis;
using Xunit;

namespace ScalingAnalyzer.Tests.Analysis;

/// <summary>The gate every rule passes before its first symbol lookup: which libraries a compilation references.</summary>
public class ReferencedAssembliesTests
{
    private static readonly MetadataReference CoreLibrary = MetadataReference.CreateFromFile(typeof(object).Assembly.Location);

    [Fact]
    public void AFileReferenceIsRecognisedByItsFileNameInAnyCase()
    {
        var compilation = CSharpCompilation.Create("User", references: new[] { CoreLibrary, MetadataReference.CreateFromFile(typeof(global::TorchSharp.torch).Assembly.Location) });
        Assert.True(ReferencedAssemblies.Contains(compilation, "TorchSharp"));
        Assert.True(ReferencedAssemblies.Contains(compilation, "torchsharp"));
        Assert.False(ReferencedAssemblies.Contains(compilation, "Microsoft.ML.Data"));
    }

    [Fact]
    public void AnotherProjectIsRecognisedByItsAssemblyName()
    {
        var library = CSharpCompilation.Create("TorchSharp", references: new[] { CoreLibrary });
        var compilation = CSharpCompilation.Create("User", references: new[] { CoreLibrary, library.ToMetadataReference() });
        Assert.True(ReferencedAssemblies.Contains(compilation, "TorchSharp"));
    }

    [Fact]
    public void AnImageWithoutAFileIsRecognisedByItsIdentity()
    {
        var library = CSharpCompilation.Create("Microsoft.ML.Data", new[] { CSharpSyntaxTree.ParseText("public class MLContext { }") }, new[] { CoreLibrary }, new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        using var image = new MemoryStream();
        Assert.True(library.Emit(image).Success);
        var compilation = CSharpCompilation.Create("User", references: new[] { CoreLibrary, MetadataReference.CreateFromImage(image.ToArray()) });
        Assert.True(ReferencedAssemblies.Contains(compilation, "Microsoft.ML.Data"));
        Assert.False(ReferencedAssemblies.Contains(compilation, "TorchSharp"));
    }
}
