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
        return CodeText.ContainsIdentifier(method, Trainers);
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
}
