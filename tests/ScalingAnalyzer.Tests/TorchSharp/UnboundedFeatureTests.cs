using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using ScalingAnalyzer.Rules;
using ScalingAnalyzer.Tests.Verifiers;
using static ScalingAnalyzer.Tests.TorchSharp.TorchPrograms;

namespace ScalingAnalyzer.Tests.TorchSharp;

/// <summary>SCALE004 (Info): features made from run-time .NET data whose range cannot be bounded.</summary>
public class UnboundedFeatureTests
{
    private static DiagnosticResult Scale004(int location = 0) => new DiagnosticResult("SCALE004", DiagnosticSeverity.Info).WithLocation(location);

    private static Task Reports(string source, params DiagnosticResult[] expected) => Verify<UnscaledFeatureAnalyzer>.AnalyzerAsync(source, expected: expected);

    private static Task Silent(string source) => Verify<UnscaledFeatureAnalyzer>.AnalyzerAsync(source);

    private const string Target = "        var y = torch.rand(100, 1);\n";

    [Fact]
    public Task ParsedFileIsReported() => Reports(
        ProgramWithMain("""
                float[] sizes = File.ReadAllLines("houses.csv").Select(float.Parse).ToArray();
                var x = torch.tensor(sizes).reshape(-1, 1);
        """ + Target + Loop("{|#0:x|}")),
        Scale004().WithArguments("x", "'sizes'", "model.forward"));

    [Fact]
    public Task ArrayFilledInALoopIsReported() => Reports(
        ProgramWithMain("""
                var lines = File.ReadAllLines("houses.csv");
                var sizes = new float[lines.Length];
                for (int i = 0; i < lines.Length; i++)
                    sizes[i] = float.Parse(lines[i]);
        """ + Target + Loop("{|#0:torch.tensor(sizes, lines.Length, 1)|}")),
        Scale004().WithArguments("torch.tensor(sizes, lines.Length, 1)", "'sizes'", "model.forward"));

    [Fact]
    public Task ListConvertedImplicitlyIsReported() => Reports(
        ProgramWithMain("""
                var values = new List<double>();
                foreach (var line in File.ReadLines("houses.csv"))
                    values.Add(double.Parse(line));
                Tensor x = values.ToArray();
        """ + Target + Loop("{|#0:x|}")),
        Scale004().WithArguments("x", "'values.ToArray()'", "model.forward"));

    [Fact]
    public Task ScaledRunTimeDataIsSilent() => Silent(ProgramWithMain("""
                float[] sizes = File.ReadAllLines("houses.csv").Select(float.Parse).ToArray();
                var x = torch.tensor(sizes).reshape(-1, 1);
                x = (x - x.mean()) / x.std();
        """ + Target + Loop("x")));

    [Fact]
    public Task LiteralArraysAreBoundedNotUnknown() => Silent(ProgramWithMain("""
                var x = torch.tensor(new float[] { 0.1f, 0.5f, 0.9f }).reshape(-1, 1);
                var y = torch.rand(3, 1);
        """ + Loop("x")));

    [Fact]
    public Task EmbeddingOutputsAreNotRawData() => Silent(ProgramWithMain("""
                long[] ids = File.ReadAllLines("ids.txt").Select(long.Parse).ToArray();
                var tokens = torch.tensor(ids);
                var embedding = nn.Embedding(1000, 8);
                var features = embedding.forward(tokens);
        """ + Target + Loop("features", model: "nn.Linear(8, 1)")));

    [Fact]
    public Task IntegerRunTimeDataIsNotAFeature() => Silent(ProgramWithMain("""
                long[] ids = File.ReadAllLines("ids.txt").Select(long.Parse).ToArray();
                var x = torch.tensor(ids).reshape(-1, 1);
        """ + Target + Loop("x")));
}
