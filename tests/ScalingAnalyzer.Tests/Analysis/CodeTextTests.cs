using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using ScalingAnalyzer.Analysis;
using Xunit;

namespace ScalingAnalyzer.Tests.Analysis;

/// <summary>
/// The text pre-check SCALE002 runs on every code block before its syntax is walked: it may pass too much (a name in
/// a comment, an escaped identifier), never too little.
/// </summary>
public class CodeTextTests
{
    private static readonly IdentifierSet Trainers = new(["Sdca", "OnlineGradientDescent", "KMeans"]);

    private static bool Passes(string body)
    {
        var tree = CSharpSyntaxTree.ParseText("class C { void M() { " + body + " } void Other() { var Sdca = 1; } }");
        var method = tree.GetRoot().DescendantNodes().OfType<MethodDeclarationSyntax>().First();
        return CodeText.IdentifierPositions(method, Trainers) is not { Count: 0 };
    }

    [Theory]
    [InlineData("var t = ml.Regression.Trainers.Sdca();")]
    [InlineData("var t = trainers.OnlineGradientDescent(labelColumnName: \"Price\");")]
    [InlineData("var t = ml.Clustering.Trainers.KMeans(\"Features\", numberOfClusters: 3);")]
    [InlineData("Train(x => x.KMeans());")]
    [InlineData("// Sdca would be better here")]
    [InlineData("var t = ml.Regression.Trainers.\\u0053dca();")]
    public void Code_that_names_a_trainer_passes(string body) => Assert.True(Passes(body));

    [Theory]
    [InlineData("var t = ml.Regression.Trainers.FastTree();")]
    [InlineData("var t = ml.Regression.Trainers.SdcaX();")]
    [InlineData("var t = MySdca();")]
    [InlineData("var kmeans = 3;")]
    [InlineData("")]
    public void Code_that_names_none_is_stopped_and_other_members_do_not_count(string body) => Assert.False(Passes(body));

    [Fact]
    public void Identifier_positions_are_the_starts_of_whole_words_in_order_within_the_node()
    {
        var text = "class C { void M() { var t = Sdca(); // KMeans\n var s = \"Sdca\"; var u = MySdca(); } void Other() { Sdca(); } }";
        var tree = CSharpSyntaxTree.ParseText(text);
        var method = tree.GetRoot().DescendantNodes().OfType<MethodDeclarationSyntax>().First();
        var positions = CodeText.IdentifierPositions(method, Trainers);
        var first = text.IndexOf("Sdca", StringComparison.Ordinal);
        Assert.Equal(new[] { first, text.IndexOf("KMeans", StringComparison.Ordinal), text.IndexOf("Sdca", first + 1, StringComparison.Ordinal) }, positions);
    }

    [Fact]
    public void Identifier_positions_are_empty_without_a_name_and_unknown_with_an_escape()
    {
        Assert.Empty(CodeText.IdentifierPositions(CSharpSyntaxTree.ParseText("class C { void M() { var x = FastTree(); } }").GetRoot(), Trainers)!);
        Assert.Null(CodeText.IdentifierPositions(CSharpSyntaxTree.ParseText("class C { void M() { var x = \\u0053dca(); } }").GetRoot(), Trainers));
    }
}
