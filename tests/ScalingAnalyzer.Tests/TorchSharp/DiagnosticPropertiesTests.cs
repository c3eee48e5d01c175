using System.Collections.Immutable;
using System.Globalization;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using ScalingAnalyzer.Rules;
using ScalingAnalyzer.Tests.Verifiers;

namespace ScalingAnalyzer.Tests.TorchSharp;

/// <summary>What the analyzers tell the code fixes (DiagnosticProperties): variable, role and insertion point.</summary>
public class DiagnosticPropertiesTests
{
    private static async Task<ImmutableArray<Diagnostic>> AnalyzeAsync(string source)
    {
        var references = await TestReferences.WithTorchSharp.ResolveAsync(LanguageNames.CSharp, CancellationToken.None);
        var tree = CSharpSyntaxTree.ParseText(source, path: "/0/Test0.cs");
        var compilation = CSharpCompilation.Create("Properties", new[] { tree }, references, new CSharpCompilationOptions(OutputKind.ConsoleApplication));
        Assert.Empty(compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
        var analyzers = ImmutableArray.Create<DiagnosticAnalyzer>(new UnscaledFeatureAnalyzer(), new UnreachableTargetAnalyzer());
        var diagnostics = await compilation.WithAnalyzers(analyzers).GetAnalyzerDiagnosticsAsync();
        return diagnostics.Sort((a, b) => a.Location.SourceSpan.Start.CompareTo(b.Location.SourceSpan.Start));
    }

    private static string At(string source, string statementStart) => source.IndexOf(statementStart, StringComparison.Ordinal).ToString(CultureInfo.InvariantCulture);

    [Fact]
    public async Task SeedExampleNamesTheSlicedVariablesAndTheOutermostLoop()
    {
        var source = SeedExampleTests.SeedProgram("", "x.narrow(0, start, length)", "y.narrow(0, start, length)");
        var diagnostics = await AnalyzeAsync(source);

        Assert.Collection(diagnostics,
            feature =>
            {
                Assert.Equal("SCALE001", feature.Id);
                Assert.Equal("x.narrow(0, start, length)", feature.Location.SourceTree!.GetText().ToString(feature.Location.SourceSpan));
                Assert.Equal("x", feature.Properties[DiagnosticProperties.Variable]);
                Assert.Equal(DiagnosticProperties.FeatureRole, feature.Properties[DiagnosticProperties.Role]);
                Assert.Equal(At(source, "for (int epoch"), feature.Properties[DiagnosticProperties.InsertBefore]);
            },
            target =>
            {
                Assert.Equal("SCALE003", target.Id);
                Assert.Equal("y", target.Properties[DiagnosticProperties.Variable]);
                Assert.Equal(DiagnosticProperties.TargetRole, target.Properties[DiagnosticProperties.Role]);
                Assert.Equal(At(source, "for (int epoch"), target.Properties[DiagnosticProperties.InsertBefore]);
            });
    }

    [Fact]
    public async Task VariableDeclaredInsideTheLoopIsNotOffered()
    {
        var source = TorchPrograms.ProgramWithMain("""
                    var x = torch.rand(100, 1) * 4500 + 500;
                    var model = nn.Linear(1, 1);
                    var optimizer = torch.optim.SGD(model.parameters(), 0.01);
                    for (int epoch = 0; epoch < 10; epoch++)
                    {
                        var batch = x * 2;
                        nn.functional.mse_loss(model.forward(batch), x).backward();
                        optimizer.step();
                    }
            """);
        var diagnostic = Assert.Single(await AnalyzeAsync(source));
        Assert.False(diagnostic.Properties.ContainsKey(DiagnosticProperties.Variable));
        Assert.Equal(At(source, "for (int epoch"), diagnostic.Properties[DiagnosticProperties.InsertBefore]);
    }

    [Fact]
    public async Task VariableWrittenInsideTheLoopIsNotOffered()
    {
        var source = TorchPrograms.ProgramWithMain("""
                    var x = torch.rand(100, 1) * 4500 + 500;
                    var model = nn.Linear(1, 1);
                    var optimizer = torch.optim.SGD(model.parameters(), 0.01);
                    for (int epoch = 0; epoch < 10; epoch++)
                    {
                        nn.functional.mse_loss(model.forward(x), x).backward();
                        optimizer.step();
                        x = x.clone();
                    }
            """);
        var diagnostic = Assert.Single(await AnalyzeAsync(source));
        Assert.False(diagnostic.Properties.ContainsKey(DiagnosticProperties.Variable));
    }

    [Fact]
    public async Task ComputedArgumentHasNoVariable()
    {
        var source = TorchPrograms.ProgramWithMain("""
                    var x = torch.rand(100, 1);
                    var model = nn.Linear(1, 1);
                    var optimizer = torch.optim.SGD(model.parameters(), 0.01);
                    for (int epoch = 0; epoch < 10; epoch++)
                    {
                        nn.functional.mse_loss(model.forward(x * 1000), x).backward();
                        optimizer.step();
                    }
            """);
        var diagnostic = Assert.Single(await AnalyzeAsync(source));
        Assert.Equal("SCALE001", diagnostic.Id);
        Assert.False(diagnostic.Properties.ContainsKey(DiagnosticProperties.Variable));
    }

    [Fact]
    public async Task HelperCallIsTheInsertionPointAtTheCaller()
    {
        var source = TorchPrograms.ProgramWithMain("""
                    var x = torch.rand(100, 1) * 4500 + 500;
                    Train(x);
            """, """
                static void Train(Tensor features)
                {
                    var model = nn.Linear(1, 1);
                    var optimizer = torch.optim.SGD(model.parameters(), 0.01);
                    for (int epoch = 0; epoch < 10; epoch++)
                    {
                        nn.functional.mse_loss(model.forward(features), features).backward();
                        optimizer.step();
                    }
                }
            """);
        var diagnostic = Assert.Single(await AnalyzeAsync(source));
        Assert.Equal("x", diagnostic.Properties[DiagnosticProperties.Variable]);
        Assert.Equal(At(source, "Train(x);"), diagnostic.Properties[DiagnosticProperties.InsertBefore]);
    }
}
