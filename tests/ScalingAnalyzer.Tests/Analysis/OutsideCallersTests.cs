using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using ScalingAnalyzer.Analysis;
using Xunit;

namespace ScalingAnalyzer.Tests.Analysis;

/// <summary>
/// Whether code outside the compilation can name a symbol: the <c>[InternalsVisibleTo]</c> reading is kept per assembly
/// symbol, so compilations that share their trees but not the attribute never answer for each other.
/// </summary>
public class OutsideCallersTests
{
    private const string Library = """
        namespace Sensors
        {
            internal class ModelService
            {
                public void Train() { }
                private void Load() { }
            }
        }
        """;

    private const string Friends = """[assembly: System.Runtime.CompilerServices.InternalsVisibleTo("Sensors.Tests")]""";

    [Fact]
    public void AnInternalClassIsVisibleOutsideOnlyWhenTheAssemblyHasFriends()
    {
        var alone = Compile(Library);
        var withFriends = alone.AddSyntaxTrees(CSharpSyntaxTree.ParseText(Friends));

        Assert.False(OutsideCallers.VisibleOutside(Method(alone, "Train")));
        Assert.True(OutsideCallers.VisibleOutside(Method(withFriends, "Train")));
        // Asked again after the other compilation was read: each keeps its own answer.
        Assert.False(OutsideCallers.VisibleOutside(Method(alone, "Train")));
        // A private member stays hidden, friends or not.
        Assert.False(OutsideCallers.VisibleOutside(Method(withFriends, "Load")));
    }

    [Fact]
    public void AFriendAttributeRemovedInALaterCompilationIsNoLongerRead()
    {
        var friendsTree = CSharpSyntaxTree.ParseText(Friends);
        var withFriends = Compile(Library).AddSyntaxTrees(friendsTree);
        Assert.True(OutsideCallers.VisibleOutside(Method(withFriends, "Train")));
        var edited = withFriends.RemoveSyntaxTrees(friendsTree);
        Assert.False(OutsideCallers.VisibleOutside(Method(edited, "Train")));
    }

    private static CSharpCompilation Compile(string source)
        => CSharpCompilation.Create(
            "Sensors",
            new[] { CSharpSyntaxTree.ParseText(source) },
            new[] { MetadataReference.CreateFromFile(typeof(object).Assembly.Location) },
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));

    private static IMethodSymbol Method(Compilation compilation, string name)
        => compilation.GetTypeByMetadataName("Sensors.ModelService")!.GetMembers(name).OfType<IMethodSymbol>().Single();
}
