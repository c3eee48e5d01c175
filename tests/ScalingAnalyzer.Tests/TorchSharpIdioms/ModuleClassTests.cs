using Microsoft.CodeAnalysis.Testing;
using ScalingAnalyzer.Rules;
using ScalingAnalyzer.Tests.Verifiers;

namespace ScalingAnalyzer.Tests.TorchSharpIdioms;

/// <summary>
/// Models written as classes (Module&lt;Tensor, Tensor&gt; subclasses with layers in fields, RegisterComponents, a
/// forward), as the TorchSharp examples write them: one whose forward first normalizes its input (BatchNorm1d,
/// LayerNorm, a Sequential starting with one, layer_norm) takes raw data as it is; any other is judged at its call.
/// </summary>
public class ModuleClassTests
{
    private static DiagnosticResult Scale001() => Verify<UnscaledFeatureAnalyzer>.Diagnostic("SCALE001").WithLocation(0);

    private const string Message = "values up to about 5000 make gradient steps overshoot or barely move its weights";

    private static string Program(string modelClass, string feature = "x") => $$"""
        using System;
        using TorchSharp;
        using TorchSharp.Modules;
        using static TorchSharp.torch;
        using static TorchSharp.torch.nn;

        {{modelClass}}

        class Program
        {
            static void Main()
            {
                var x = torch.rand(256, 3) * 4500 + 500;
                var y = torch.rand(256, 1);
                var model = new Regressor("regressor");
                var optimizer = torch.optim.Adam(model.parameters(), lr: 0.01);
                var criterion = MSELoss();
                for (var epoch = 0; epoch < 300; epoch++)
                {
                    optimizer.zero_grad();
                    var loss = criterion.forward(model.forward({{feature}}), y);
                    loss.backward();
                    optimizer.step();
                }
            }
        }
        """;

    private static string Regressor(string fields, string forward, string constructor = "") => $$"""
        class Regressor : Module<Tensor, Tensor>
        {
        {{fields}}

            public Regressor(string name) : base(name)
            {
        {{constructor}}
                RegisterComponents();
            }

            public override Tensor forward(Tensor input)
            {
        {{forward}}
            }
        }
        """;

    [Fact]
    public Task AModelWhoseForwardStartsWithBatchNormIsSilent() => Verify<UnscaledFeatureAnalyzer>.AnalyzerAsync(
        Program(Regressor("""
            private Module<Tensor, Tensor> norm = BatchNorm1d(3);
            private Module<Tensor, Tensor> fc1 = Linear(3, 16);
            private Module<Tensor, Tensor> fc2 = Linear(16, 1);
        """, """
                var x = norm.forward(input);
                return fc2.forward(functional.relu(fc1.forward(x)));
        """)));

    [Fact]
    public Task AModelWhoseForwardStartsWithLayerNormTypedFieldIsSilent() => Verify<UnscaledFeatureAnalyzer>.AnalyzerAsync(
        Program(Regressor("""
            private readonly LayerNorm norm;
            private readonly Linear fc;
        """, """
                return fc.forward(norm.forward(input));
        """, constructor: """
                norm = LayerNorm(3);
                fc = Linear(3, 1);
        """)));

    [Fact]
    public Task ASequentialBuiltInTheConstructorStartingWithBatchNormIsSilent() => Verify<UnscaledFeatureAnalyzer>.AnalyzerAsync(
        Program(Regressor("""
            private readonly Module<Tensor, Tensor> layers;
        """, """
                return layers.forward(input);
        """, constructor: """
                layers = Sequential(("norm", BatchNorm1d(3)), ("fc1", Linear(3, 16)), ("relu", ReLU()), ("fc2", Linear(16, 1)));
        """)));

    [Fact]
    public Task AFunctionalLayerNormFirstIsSilent() => Verify<UnscaledFeatureAnalyzer>.AnalyzerAsync(
        Program(Regressor("""
            private Module<Tensor, Tensor> fc = Linear(3, 1);
        """, """
                var normalized = functional.layer_norm(input, new long[] { 3 });
                return fc.forward(normalized);
        """)));

    [Fact]
    public Task AModelWithoutNormalizationIsReported() => Verify<UnscaledFeatureAnalyzer>.AnalyzerAsync(
        Program(Regressor("""
            private Module<Tensor, Tensor> fc1 = Linear(3, 16);
            private Module<Tensor, Tensor> fc2 = Linear(16, 1);
        """, """
                return fc2.forward(functional.relu(fc1.forward(input)));
        """), feature: "{|#0:x|}"),
        expected: Scale001().WithArguments("x", "[500, 5000]", "model.forward", Message));

    [Fact]
    public Task ANormalizationAfterTheFirstLayerIsReported() => Verify<UnscaledFeatureAnalyzer>.AnalyzerAsync(
        Program(Regressor("""
            private Module<Tensor, Tensor> fc1 = Linear(3, 16);
            private Module<Tensor, Tensor> norm = BatchNorm1d(16);
            private Module<Tensor, Tensor> fc2 = Linear(16, 1);
        """, """
                return fc2.forward(norm.forward(fc1.forward(input)));
        """), feature: "{|#0:x|}"),
        expected: Scale001().WithArguments("x", "[500, 5000]", "model.forward", Message));

    [Fact]
    public Task ASkipConnectionAroundTheNormIsReported() => Verify<UnscaledFeatureAnalyzer>.AnalyzerAsync(
        Program(Regressor("""
            private Module<Tensor, Tensor> norm = BatchNorm1d(3);
            private Module<Tensor, Tensor> fc1 = Linear(3, 1);
            private Module<Tensor, Tensor> fc2 = Linear(3, 1);
        """, """
                return fc1.forward(norm.forward(input)) + fc2.forward(input);
        """), feature: "{|#0:x|}"),
        expected: Scale001().WithArguments("x", "[500, 5000]", "model.forward", Message));

    [Fact]
    public Task AModelThatStandardizesItsInputIsSilent() => Verify<UnscaledFeatureAnalyzer>.AnalyzerAsync(
        Program(Regressor("""
            private Module<Tensor, Tensor> fc = Linear(3, 1);
        """, """
                var centred = input - input.mean(new long[] { 0 }, keepdim: true);
                return fc.forward(centred / input.std(new long[] { 0 }, keepdim: true));
        """)));

    [Fact]
    public Task AFlattenBeforeTheNormIsSilent() => Verify<UnscaledFeatureAnalyzer>.AnalyzerAsync(
        Program(Regressor("""
            private Module<Tensor, Tensor> flatten = Flatten();
            private Module<Tensor, Tensor> norm = BatchNorm1d(3);
            private Module<Tensor, Tensor> fc = Linear(3, 1);
        """, """
                var x = flatten.forward(input);
                x = norm.forward(x);
                return fc.forward(x);
        """)));

    [Fact]
    public Task ADropoutBeforeTheFirstLinearLayerIsReported() => Verify<UnscaledFeatureAnalyzer>.AnalyzerAsync(
        Program(Regressor("""
            private Module<Tensor, Tensor> dropout = Dropout(0.1);
            private Module<Tensor, Tensor> fc = Linear(3, 1);
        """, """
                return fc.forward(dropout.forward(input));
        """), feature: "{|#0:x|}"),
        expected: Scale001().WithArguments("x", "[500, 5000]", "model.forward", Message));

    [Fact]
    public Task AModelHoldingANormalizingModelIsSilent() => Verify<UnscaledFeatureAnalyzer>.AnalyzerAsync(
        Program("""
        class Encoder : Module<Tensor, Tensor>
        {
            private Module<Tensor, Tensor> norm = BatchNorm1d(3);
            private Module<Tensor, Tensor> fc = Linear(3, 8);
            public Encoder() : base("encoder") => RegisterComponents();
            public override Tensor forward(Tensor input) => fc.forward(norm.forward(input));
        }

        class Regressor : Module<Tensor, Tensor>
        {
            private Module<Tensor, Tensor> encoder = new Encoder();
            private Module<Tensor, Tensor> head = Linear(8, 1);
            public Regressor(string name) : base(name) => RegisterComponents();
            public override Tensor forward(Tensor input) => head.forward(encoder.forward(input));
        }
        """));
}
