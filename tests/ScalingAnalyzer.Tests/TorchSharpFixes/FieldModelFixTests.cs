using Microsoft.CodeAnalysis.Diagnostics;
using ScalingAnalyzer.Rules;

namespace ScalingAnalyzer.Tests.TorchSharpFixes;

/// <summary>
/// A model held in a field, trained in Train and used by Predict: the SCALE001/SCALE003 fixes keep the scalers in fields
/// beside it, Predict's input goes through the feature scaler, and its output, reported by SCALE005 once the target is
/// scaled, is mapped back by SCALE005's own fix. After Fix All nothing inconsistent is left.
/// </summary>
public class FieldModelFixTests
{
    private static string Model(string fields, string scaling, string feature, string target, string predict, string usings = "") => $$"""
        using System;
        {{usings}}using TorchSharp;
        using TorchSharp.Modules;
        using static TorchSharp.torch;

        public sealed class HousePriceModel
        {
        {{fields}}    private readonly Linear _model = nn.Linear(1, 1);

            public void Train()
            {
                var x = torch.rand(100, 1) * 4500 + 500;
                var y = 100 * x + 20000;
                var optimizer = torch.optim.Adam(_model.parameters(), lr: 1e-2);{{scaling}}
                for (int epoch = 0; epoch < 200; epoch++)
                {
                    optimizer.zero_grad();
                    var loss = nn.functional.mse_loss(_model.forward({{feature}}), {{target}});
                    loss.backward();
                    optimizer.step();
                }
            }

            public float Predict(float size)
            {
                using var _ = torch.no_grad();
                var input = torch.tensor(new[] { size }).reshape(1, 1);
                return {{predict}}.item<float>();
            }
        }
        """;

    private static Task RunAsync(string source, string fixedSource, bool referenceRuntime = true)
    {
        var test = new ScalingFixTest(new DiagnosticAnalyzer[] { new UnscaledFeatureAnalyzer(), new UnreachableTargetAnalyzer(), new TrainServeSkewAnalyzer() })
        {
            TestCode = source,
            FixedCode = fixedSource,
            NumberOfFixAllIterations = 3,
            NumberOfFixAllInDocumentIterations = 3,
            NumberOfIncrementalIterations = 3,
        };
        if (!referenceRuntime)
        {
            test.TestState.AdditionalReferences.Clear();
            test.FixedState.AdditionalReferences.Clear();
        }
        return test.RunAsync();
    }

    [Fact]
    public Task TheScalersBecomeFieldsAndPredictKeepsItsMeaning() => RunAsync(
        Model("", "", "{|SCALE001:x|}", "{|SCALE003:y|}", "_model.forward(input)"),
        Model("""
            private StandardScaler _xScaler;
            private StandardScaler _yScaler;

        """, """

                _xScaler = StandardScaler.Fit(x);
                var xScaled = _xScaler.Transform(x);
                _yScaler = StandardScaler.Fit(y);
                var yScaled = _yScaler.Transform(y);
        """, "xScaled", "yScaled", "_yScaler.InverseTransform(_model.forward(_xScaler.Transform(input)))", "using ScalingAnalyzer.Runtime;\n"));

    [Fact]
    public Task WithNullableAnnotationsTheFieldsAreNullableAndReadWithABang() => RunAsync(
        "#nullable enable\n" + Model("", "", "{|SCALE001:x|}", "{|SCALE003:y|}", "_model.forward(input)"),
        "#nullable enable\n" + Model("""
            private StandardScaler? _xScaler;
            private StandardScaler? _yScaler;

        """, """

                _xScaler = StandardScaler.Fit(x);
                var xScaled = _xScaler.Transform(x);
                _yScaler = StandardScaler.Fit(y);
                var yScaled = _yScaler.Transform(y);
        """, "xScaled", "yScaled", "_yScaler!.InverseTransform(_model.forward(_xScaler!.Transform(input)))", "using ScalingAnalyzer.Runtime;\n"));

    [Fact]
    public Task WithoutTheRuntimeTheStatisticsBecomeFields() => RunAsync(
        Model("", "", "{|SCALE001:x|}", "{|SCALE003:y|}", "_model.forward(input)"),
        Model("""
            private Tensor _xMean;
            private Tensor _xStd;
            private Tensor _yMean;
            private Tensor _yStd;

        """, """

                _xMean = x.mean(new long[] { 0 }, keepdim: true);
                _xStd = x.std(0, keepdim: true);
                var xScaled = (x - _xMean) / _xStd;
                _yMean = y.mean(new long[] { 0 }, keepdim: true);
                _yStd = y.std(0, keepdim: true);
                var yScaled = (y - _yMean) / _yStd;
        """, "xScaled", "yScaled", "(_model.forward((input - _xMean) / _xStd) * _yStd + _yMean)"),
        referenceRuntime: false);
}
