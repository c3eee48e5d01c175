using Microsoft.CodeAnalysis.Testing;
using ScalingAnalyzer.Rules;
using ScalingAnalyzer.Tests.TorchSharpFixes;
using ScalingAnalyzer.Tests.Verifiers;
using static ScalingAnalyzer.Tests.TorchSharp.TorchPrograms;

namespace ScalingAnalyzer.Tests.TorchSharp;

/// <summary>
/// Data held in private readonly fields: known from their initializers and constructors, and trusted only when every
/// use in the class is a read that cannot change the values. Anything else leaves the field unknown and silent.
/// </summary>
public class FieldTests
{
    private static DiagnosticResult Scale001() => Verify<UnscaledFeatureAnalyzer>.Diagnostic("SCALE001").WithLocation(0);

    /// <summary>A class that keeps its data in fields, trains in <c>Train()</c> and is run from Main.</summary>
    private static string Trainer(string fields, string constructor, string feature, string otherMembers = "", string target = "_y") => $$"""
        using System;
        using System.Linq;
        using TorchSharp;
        using static TorchSharp.torch;

        class HousePriceTrainer
        {
        {{fields}}

            public HousePriceTrainer(int seed)
            {
        {{constructor}}
            }

            public void Train()
            {
        {{Loop(feature, target)}}
            }
        {{otherMembers}}
            static void Main() => new HousePriceTrainer(1).Train();
        }
        """;

    private const string RawFields = """
            private readonly Tensor _x;
            private readonly Tensor _y;
        """;

    private const string RawConstructor = """
                _x = torch.rand(100, 1) * 4500 + 500;
                _y = 100 * _x + 20000;
        """;

    [Fact]
    public Task StaticFieldsWithRawDataAreReported() => Verify<UnscaledFeatureAnalyzer>.AnalyzerAsync(
        ProgramWithMain(
            Loop("{|#0:X|}", target: "Y"),
            members: """
                private static readonly Tensor X = torch.rand(100, 1) * 4500 + 500;
                private static readonly Tensor Y = 100 * X + 20000;
            """),
        expected: Scale001().WithArguments("X", "[500, 5000]", "model.forward", Magnitude5000));

    [Fact]
    public Task AFieldReadFromAnArrayFieldIsReported() => Verify<UnscaledFeatureAnalyzer>.AnalyzerAsync(
        ProgramWithMain(
            Loop("{|#0:X|}", target: "Y"),
            members: """
                private static readonly float[] Sizes = { 500f, 1200f, 2300f, 5000f };
                private static readonly Tensor X = torch.tensor(Sizes).reshape(-1, 1);
                private static readonly Tensor Y = X * 100;
            """),
        expected: Scale001().WithArguments("X", "[500, 5000]", "model.forward", Magnitude5000));

    [Fact]
    public Task FieldsSetInTheConstructorAreReported() => Verify<UnscaledFeatureAnalyzer>.AnalyzerAsync(
        Trainer(RawFields, RawConstructor, "{|#0:_x|}"),
        expected: Scale001().WithArguments("_x", "[500, 5000]", "model.forward", Magnitude5000));

    [Fact]
    public Task FieldsScaledInTheConstructorAreSilent() => Verify<UnscaledFeatureAnalyzer>.AnalyzerAsync(
        Trainer(RawFields, """
                    var raw = torch.rand(100, 1) * 4500 + 500;
                    _x = (raw - raw.mean()) / raw.std();
                    _y = torch.rand(100, 1);
            """, "_x"));

    [Fact]
    public Task AFieldChangedInPlaceElsewhereIsUnknownAndSilent() => Verify<UnscaledFeatureAnalyzer>.AnalyzerAsync(
        Trainer(RawFields, RawConstructor, "_x", otherMembers: """
                public void Standardize() => _x.sub_(_x.mean()).div_(_x.std());
            """));

    [Fact]
    public Task AFieldHandedToAnotherMethodIsUnknownAndSilent() => Verify<UnscaledFeatureAnalyzer>.AnalyzerAsync(
        Trainer(RawFields, RawConstructor, "_x", otherMembers: """
                public void Prepare() => Rescale(_x);
                private static void Rescale(Tensor t) => t.div_(5000);
            """));

    [Fact]
    public Task AFieldCopiedIntoAVariableIsUnknownAndSilent() => Verify<UnscaledFeatureAnalyzer>.AnalyzerAsync(
        Trainer(RawFields, RawConstructor, "_x", otherMembers: """
                public void Prepare() { var view = _x; view.div_(5000); }
            """));

    [Fact]
    public Task AFieldThatIsNotReadonlyIsKnownFromEveryWrite() => Verify<UnscaledFeatureAnalyzer>.AnalyzerAsync(
        Trainer("""
                private Tensor _x;
                private readonly Tensor _y;
            """, RawConstructor, "{|#0:_x|}"),
        expected: Scale001().WithArguments("_x", "[500, 5000]", "model.forward", Magnitude5000));

    [Fact]
    public Task AMutableFieldWrittenRawAndScaledIsSilent() => Verify<UnscaledFeatureAnalyzer>.AnalyzerAsync(
        Trainer("""
                private Tensor _x;
                private readonly Tensor _y;
            """, RawConstructor, "_x", otherMembers: """
                public void Prepare() => _x = (_x - _x.mean()) / _x.std();
            """));

    [Fact]
    public Task AFieldOthersCanSeeIsSilent() => Verify<UnscaledFeatureAnalyzer>.AnalyzerAsync(
        Trainer("""
                internal readonly Tensor _x;
                private readonly Tensor _y;
            """, RawConstructor, "_x"));

    [Fact]
    public Task AFieldSetFromAConstructorParameterIsSilent() => Verify<UnscaledFeatureAnalyzer>.AnalyzerAsync(
        Trainer(RawFields, """
                    _x = torch.rand(100, 1) * seed;
                    _y = torch.rand(100, 1);
            """, "_x"));

    [Fact]
    public Task FieldsDefinedByEachOtherAreUnknownAndSilent() => Verify<UnscaledFeatureAnalyzer>.AnalyzerAsync(
        ProgramWithMain(
            Loop("A", target: "B"),
            members: """
                private static readonly Tensor A = B * 2;
                private static readonly Tensor B = A + 1;
            """));

    /// <summary>Each field from the one before: the computation nests, and a chain this long stays bounded and silent.</summary>
    [Fact]
    public Task ALongChainOfFieldsIsBoundedAndSilent() => Verify<UnscaledFeatureAnalyzer>.AnalyzerAsync(
        ProgramWithMain(
            Loop("F2000", target: "F0"),
            members: "    private static readonly Tensor F0 = torch.rand(100, 1) * 4500 + 500;\n"
                + string.Concat(Enumerable.Range(1, 2000).Select(i => $"    private static readonly Tensor F{i} = F{i - 1} * 1;\n"))));

    [Fact]
    public Task AShortChainOfFieldsIsFollowed() => Verify<UnscaledFeatureAnalyzer>.AnalyzerAsync(
        ProgramWithMain(
            Loop("{|#0:F5|}", target: "F0 / 5000"),
            members: "    private static readonly Tensor F0 = torch.rand(100, 1) * 4500 + 500;\n"
                + string.Concat(Enumerable.Range(1, 5).Select(i => $"    private static readonly Tensor F{i} = F{i - 1} * 1;\n"))),
        expected: Scale001().WithArguments("F5", "[500, 5000]", "model.forward", Magnitude5000));

    private static string StaticFieldProgram(string feature, string scalingSteps = "", string usings = "") => $$"""
        {{usings}}using TorchSharp;
        using static TorchSharp.torch;

        class Trainer
        {
            private static readonly Tensor X = torch.rand(100, 1) * 4500 + 500;
            private static readonly Tensor Y = (X - 500) / 4500;

            static void Train()
            {
                var model = nn.Linear(1, 1);
                var optimizer = torch.optim.Adam(model.parameters(), lr: 1e-3);{{scalingSteps}}
                for (int epoch = 0; epoch < 200; epoch++)
                {
                    optimizer.zero_grad();
                    var loss = nn.functional.mse_loss(model.forward({{feature}}), Y);
                    loss.backward();
                    optimizer.step();
                }
            }
        }
        """;

    [Fact]
    public Task AReportedFieldIsScaledIntoALocalBeforeTheLoop() => ScalingFixTest.RunAsync(
        StaticFieldProgram("{|SCALE001:X|}"),
        StaticFieldProgram("xScaled", """

                var xScaler = StandardScaler.Fit(X);
                var xScaled = xScaler.Transform(X);
        """, "using ScalingAnalyzer.Runtime;\n"));

    /// <summary><c>this._x</c>: replacing the name alone would leave <c>this.xScaled</c>, so no fix is offered.</summary>
    [Fact]
    public Task AFieldReadThroughThisGetsNoFix() => ScalingFixTest.RunAsync(
        Trainer(RawFields, RawConstructor, "{|SCALE001:this._x|}", target: "{|SCALE003:this._y|}"),
        Trainer(RawFields, RawConstructor, "{|SCALE001:this._x|}", target: "{|SCALE003:this._y|}"),
        fixAllIterations: 0);
}
