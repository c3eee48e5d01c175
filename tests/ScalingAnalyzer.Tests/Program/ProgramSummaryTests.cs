using Microsoft.CodeAnalysis.Testing;
using ScalingAnalyzer.Rules;
using ScalingAnalyzer.Tests.Verifiers;
using static ScalingAnalyzer.Tests.TorchSharp.TorchPrograms;

namespace ScalingAnalyzer.Tests.Program;

/// <summary>
/// Data followed out of the program's own code (ProgramSummaries): loaders returning tensors or tuples of tensors,
/// factories, reader classes with fields, getters, .NET data (arrays, lists, LINQ, Random, bytes) that becomes a
/// tensor. Each positive has a silent twin that differs only in the data being scaled.
/// </summary>
public class ProgramSummaryTests
{
    private static DiagnosticResult Scale001(params object[] arguments) => Verify<UnscaledFeatureAnalyzer>.Diagnostic("SCALE001").WithLocation(0).WithArguments(arguments);

    private static DiagnosticResult Scale004(params object[] arguments) => new DiagnosticResult("SCALE004", Microsoft.CodeAnalysis.DiagnosticSeverity.Info).WithLocation(0).WithArguments(arguments);

    private const string LoadData = """
            static (Tensor, Tensor) LoadData()
            {
                var features = torch.rand(200, 1) * 4500 + 500;
                var labels = 100 * features + 20000;
                return (features, labels);
            }
        """;

    [Fact]
    public Task TupleOfTensorsFromALoaderIsReported() => Verify<UnscaledFeatureAnalyzer>.AnalyzerAsync(
        ProgramWithMain("        var (x, y) = LoadData();\n" + Loop("{|#0:x|}"), LoadData),
        expected: Scale001("x", "[500, 5000]", "model.forward", Magnitude5000));

    [Fact]
    public Task TupleOfScaledTensorsFromALoaderIsSilent() => Verify<UnscaledFeatureAnalyzer>.AnalyzerAsync(
        ProgramWithMain("        var (x, y) = LoadData();\n" + Loop("x"),
            LoadData.Replace("return (features, labels);", "return ((features - features.mean()) / features.std(), labels);")));

    [Fact]
    public Task TupleItemsReadByNameAreFollowed() => Verify<UnscaledFeatureAnalyzer>.AnalyzerAsync(
        ProgramWithMain("        var data = LoadData();\n        var x = data.Item1;\n        var y = data.Item2;\n" + Loop("{|#0:x|}"), LoadData),
        expected: Scale001("x", "[500, 5000]", "model.forward", Magnitude5000));

    [Fact]
    public Task ChainOfHelpersThreeDeepIsFollowed() => Verify<UnscaledFeatureAnalyzer>.AnalyzerAsync(
        ProgramWithMain("        var x = Features();\n        var y = torch.rand(200, 1);\n" + Loop("{|#0:x|}"), """
            static Tensor Features() => Raw(200);
            static Tensor Raw(int n) => Noise(n) * 4500 + 500;
            static Tensor Noise(int n) => torch.rand(n, 1);
        """),
        expected: Scale001("x", "[500, 5000]", "model.forward", Magnitude5000));

    [Fact]
    public Task ChainDeeperThanTheLimitIsSilent() => Verify<UnscaledFeatureAnalyzer>.AnalyzerAsync(
        ProgramWithMain("        var x = A();\n        var y = torch.rand(200, 1);\n" + Loop("x"), """
            static Tensor A() => B();
            static Tensor B() => C();
            static Tensor C() => D();
            static Tensor D() => torch.rand(200, 1) * 4500 + 500;
        """));

    [Fact]
    public Task RecursiveLoaderIsSilent() => Verify<UnscaledFeatureAnalyzer>.AnalyzerAsync(
        ProgramWithMain("        var x = Load(3);\n        var y = torch.rand(200, 1);\n" + Loop("x"), """
            static Tensor Load(int depth) => depth == 0 ? torch.rand(200, 1) * 4500 + 500 : Other(depth - 1);
            static Tensor Other(int depth) => Load(depth);
        """));

    [Fact]
    public Task ScalingHelperAppliedToLoadedDataIsSilent() => Verify<UnscaledFeatureAnalyzer>.AnalyzerAsync(
        ProgramWithMain("        var (raw, y) = LoadData();\n        var x = Normalize(raw);\n" + Loop("x"), LoadData + """
            static Tensor Normalize(Tensor t) => (t - t.min()) / (t.max() - t.min());
        """));

    [Fact]
    public Task HelperFillingAnArrayPassedInIsFollowed() => Verify<UnscaledFeatureAnalyzer>.AnalyzerAsync(
        ProgramWithMain("""
                var prices = new float[200];
                Fill(prices);
                var x = torch.tensor(prices).reshape(-1, 1);
                var y = torch.rand(200, 1);
        """ + Loop("{|#0:x|}"), """
            static void Fill(float[] values)
            {
                var random = new Random(1);
                for (int i = 0; i < values.Length; i++)
                    values[i] = 500 + 4500 * (float)random.NextDouble();
            }
        """),
        expected: Scale001("x", "[0, 5000]", "model.forward", Magnitude5000));

    [Fact]
    public Task RandomDataAtUnitScaleIsSilent() => Verify<UnscaledFeatureAnalyzer>.AnalyzerAsync(
        ProgramWithMain("""
                var random = new Random(7);
                var values = Enumerable.Range(0, 200).Select(i => (float)random.NextDouble()).ToArray();
                var x = torch.tensor(values).reshape(-1, 1);
                var y = torch.rand(200, 1);
        """ + Loop("x")));

    [Fact]
    public Task RandomDataAtLargeScaleIsReported() => Verify<UnscaledFeatureAnalyzer>.AnalyzerAsync(
        ProgramWithMain("""
                var random = new Random(7);
                var values = Enumerable.Range(0, 200).Select(i => (float)random.Next(500, 5001)).ToArray();
                var x = torch.tensor(values).reshape(-1, 1);
                var y = torch.rand(200, 1);
        """ + Loop("{|#0:x|}")),
        expected: Scale001("x", "[500, 5000]", "model.forward", Magnitude5000));

    [Fact]
    public Task ListFilledInALoopIsBoundedByWhatIsAdded() => Verify<UnscaledFeatureAnalyzer>.AnalyzerAsync(
        ProgramWithMain("""
                var random = new Random(7);
                var rows = new List<float>();
                for (int i = 0; i < 200; i++)
                    rows.Add(1000 + 4000 * (float)random.NextDouble());
                var x = torch.tensor(rows.ToArray()).reshape(-1, 1);
                var y = torch.rand(200, 1);
        """ + Loop("{|#0:x|}")),
        expected: Scale001("x", "[1000, 5000]", "model.forward", Magnitude5000));

    private const string PixelReader = """
            static float[] ReadPixels(string path, bool scale)
            {
                byte[] bytes = File.ReadAllBytes(path);
                return scale ? bytes.Select(b => b / 255f).ToArray() : bytes.Select(b => (float)b).ToArray();
            }
        """;

    [Fact]
    public Task BytesConvertedToFloatInDotNetAreRawPixels() => Verify<UnscaledFeatureAnalyzer>.AnalyzerAsync(
        ProgramWithMain("""
                var bytes = File.ReadAllBytes("images.bin");
                var pixels = bytes.Select(b => (float)b).ToArray();
                var x = torch.tensor(pixels).reshape(-1, 784);
                var y = torch.rand(100, 1);
        """ + Loop("{|#0:x|}", model: "nn.Linear(784, 1)")),
        expected: Scale001("x", "[0, 255]", "model.forward", "values up to about 255 make gradient steps overshoot or barely move its weights"));

    [Fact]
    public Task BytesDividedBy255InDotNetAreScaled() => Verify<UnscaledFeatureAnalyzer>.AnalyzerAsync(
        ProgramWithMain("""
                var bytes = File.ReadAllBytes("images.bin");
                var pixels = bytes.Select(b => b / 255f).ToArray();
                var x = torch.tensor(pixels).reshape(-1, 784);
                var y = torch.rand(100, 1);
        """ + Loop("x", model: "nn.Linear(784, 1)")));

    [Fact]
    public Task LinqStandardizationInDotNetIsScaled() => Verify<UnscaledFeatureAnalyzer>.AnalyzerAsync(
        ProgramWithMain("""
                var raw = File.ReadAllLines("prices.csv").Skip(1).Select(line => float.Parse(line.Split(',')[0])).ToArray();
                var mean = raw.Average();
                var std = (float)Math.Sqrt(raw.Select(v => (v - mean) * (v - mean)).Average());
                var standardized = raw.Select(v => (v - mean) / std).ToArray();
                var x = torch.tensor(standardized).reshape(-1, 1);
                var y = torch.rand(100, 1);
        """ + Loop("x")));

    [Fact]
    public Task LinqMinMaxScalingInDotNetIsScaled() => Verify<UnscaledFeatureAnalyzer>.AnalyzerAsync(
        ProgramWithMain("""
                var raw = File.ReadAllLines("prices.csv").Select(line => float.Parse(line)).ToArray();
                var min = raw.Min();
                var max = raw.Max();
                var x = torch.tensor(raw.Select(v => (v - min) / (max - min)).ToArray()).reshape(-1, 1);
                var y = torch.rand(100, 1);
        """ + Loop("x")));

    [Fact]
    public Task ParsedDataFromAHelperIsUnbounded() => Verify<UnscaledFeatureAnalyzer>.AnalyzerAsync(
        ProgramWithMain("""
                var x = torch.tensor(DataHelper.Load("prices.csv")).reshape(-1, 1);
                var y = torch.rand(100, 1);
        """ + Loop("{|#0:x|}")) + """

        static class DataHelper
        {
            public static float[] Load(string path) => File.ReadAllLines(path).Select(float.Parse).ToArray();
        }
        """,
        expected: Scale004("x", "'DataHelper.Load(\"prices.csv\")'", "model.forward"));

    [Fact]
    public Task ParsedDataStandardizedInTheHelperIsSilent() => Verify<UnscaledFeatureAnalyzer>.AnalyzerAsync(
        ProgramWithMain("""
                var x = torch.tensor(DataHelper.Load("prices.csv")).reshape(-1, 1);
                var y = torch.rand(100, 1);
        """ + Loop("x")) + """

        static class DataHelper
        {
            public static float[] Load(string path)
            {
                var raw = File.ReadAllLines(path).Select(line => float.Parse(line)).ToArray();
                var mean = raw.Average();
                var std = (float)Math.Sqrt(raw.Sum(v => (v - mean) * (v - mean)) / raw.Length);
                return raw.Select(v => (v - mean) / std).ToArray();
            }
        }
        """);

    private const string ReaderLoop = """
                for (var epoch = 1; epoch <= 3; epoch++)
                {
                    foreach (var (data, target) in train.Data())
                    {
                        optimizer.zero_grad();
                        var output = loss.forward(nn.functional.log_softmax(model.forward({|#0:data|}), 1), target);
                        output.backward();
                        optimizer.step();
                    }
                }
        """;

    private static string Reader(string conversion, string trainingCode = ReaderLoop) => $$"""
        using System;
        using System.Collections.Generic;
        using System.IO;
        using System.Linq;
        using TorchSharp;
        using static TorchSharp.torch;

        interface IImageTransform
        {
            Tensor call(Tensor image);
        }

        sealed class ImageReader
        {
            private readonly List<Tensor> _data = new List<Tensor>();
            private readonly List<Tensor> _labels = new List<Tensor>();
            private readonly IList<IImageTransform> _transforms;

            public ImageReader(string path, IList<IImageTransform> transforms = null)
            {
                _transforms = transforms == null ? new List<IImageTransform>() : transforms;
                ReadFile(Path.Combine(path, "data_batch_1.bin"), 32);
            }

            private void ReadFile(string path, int batchSize)
            {
                byte[] bytes = File.ReadAllBytes(path);
                for (var i = 0; i < 10000; i += batchSize)
                {
                    var dataTensor = torch.zeros(new long[] { batchSize, 3072 });
                    var labelTensor = torch.zeros(new long[] { batchSize }, torch.int64);
                    for (var j = 0; j < batchSize; j++)
                    {
                        var start = (i + j) * 3073;
                        labelTensor[j] = torch.tensor(bytes[start], torch.int64);
                        var floats = bytes[(start + 1)..(start + 3073)].Select({{conversion}}).ToArray();
                        using (var input = torch.tensor(floats))
                            dataTensor.index_put_(input, TensorIndex.Single(j));
                    }
                    _data.Add(dataTensor.reshape(batchSize, 3, 32, 32));
                    _labels.Add(labelTensor);
                }
            }

            public IEnumerable<(Tensor, Tensor)> Data()
            {
                for (var i = 0; i < _data.Count; i++)
                {
                    yield return (_data[i], _labels[i]);
                    foreach (var transform in _transforms)
                        yield return (transform.call(_data[i]), _labels[i]);
                }
            }
        }

        class Program
        {
            static void Main()
            {
                var model = nn.Sequential(nn.Flatten(), nn.Linear(3072, 10));
                var optimizer = torch.optim.Adam(model.parameters(), 0.001);
                var loss = nn.NLLLoss();
                var train = new ImageReader("data", new IImageTransform[] { });
        {{trainingCode}}
            }
        }
        """;

    /// <summary>The reader's batches handed to a training helper, as the CIFAR-10 example of dotnet/TorchSharpExamples does.</summary>
    private static string ReaderThroughTrainingHelper(string conversion, string argument) => Reader(conversion, $$"""
                for (var epoch = 1; epoch <= 3; epoch++)
                    Train(model, optimizer, loss, {{argument}}, epoch);
            }

            private static void Train(nn.Module<Tensor, Tensor> model, optim.Optimizer optimizer, Loss<Tensor, Tensor, Tensor> loss, IEnumerable<(Tensor, Tensor)> dataLoader, int epoch)
            {
                model.train();
                foreach (var (data, target) in dataLoader)
                {
                    optimizer.zero_grad();
                    var prediction = model.forward(data);
                    var output = loss.forward(nn.functional.log_softmax(prediction, 1), target);
                    output.backward();
                    optimizer.step();
                }
        """);

    [Fact]
    public Task ReaderBatchesHandedToATrainingHelperAreReportedAtTheArgument() => Verify<UnscaledFeatureAnalyzer>.AnalyzerAsync(
        ReaderThroughTrainingHelper("b => (float)b", "{|#0:train.Data()|}"),
        expected: Scale001("train.Data()", "[0, 255]", "model.forward in Train", "values up to about 255 make gradient steps overshoot or barely move its weights"));

    [Fact]
    public Task ScaledReaderBatchesHandedToATrainingHelperAreSilent() => Verify<UnscaledFeatureAnalyzer>.AnalyzerAsync(
        ReaderThroughTrainingHelper("b => b / 255f", "train.Data()"));

    [Fact]
    public Task ReaderClassFeedingRawPixelsIsReported() => Verify<UnscaledFeatureAnalyzer>.AnalyzerAsync(
        Reader("b => (float)b"),
        expected: Scale001("data", "[0, 255]", "model.forward", "values up to about 255 make gradient steps overshoot or barely move its weights"));

    [Fact]
    public Task ReaderClassScalingPixelsIsSilent() => Verify<UnscaledFeatureAnalyzer>.AnalyzerAsync(
        Reader("b => b / 255f").Replace("{|#0:data|}", "data"));

    /// <summary>
    /// The reader's batch loop as CIFARReader writes it: the row counter is stepped inside the inner loop
    /// (<c>indices[i++]</c>), so the outer loop does not settle in a few rounds and is widened; the list of batches,
    /// unchanged after its first round, keeps its range.
    /// </summary>
    private static string ShuffledReader(string conversion, string transforms) => Reader(conversion)
        .Replace("""
                for (var i = 0; i < 10000; i += batchSize)
                {
                    var dataTensor = torch.zeros(new long[] { batchSize, 3072 });
                    var labelTensor = torch.zeros(new long[] { batchSize }, torch.int64);
                    for (var j = 0; j < batchSize; j++)
                    {
                        var start = (i + j) * 3073;
        """, """
                var random = new Random();
                var indices = Enumerable.Range(0, 10000).OrderBy(c => random.Next()).ToArray();
                for (var i = 0; i < 10000;)
                {
                    var take = Math.Min(batchSize, Math.Max(0, 10000 - i));
                    if (take < 1) break;
                    var dataTensor = torch.zeros(new long[] { take, 3072 });
                    var labelTensor = torch.zeros(new long[] { take }, torch.int64);
                    for (var j = 0; j < take; j++)
                    {
                        var start = indices[i++] * 3073;
        """)
        .Replace("_data.Add(dataTensor.reshape(batchSize, 3, 32, 32));", "_data.Add(dataTensor.reshape(take, 3, 32, 32));")
        .Replace("new ImageReader(\"data\", new IImageTransform[] { })", "new ImageReader(\"data\", " + transforms + ")");

    private const string StandardizeTransform = """

        sealed class Standardize : IImageTransform
        {
            public Tensor call(Tensor image) => (image - image.mean()) / image.std();
        }
        """;

    [Fact]
    public Task ShuffledReaderWithNoTransformsIsReported() => Verify<UnscaledFeatureAnalyzer>.AnalyzerAsync(
        ShuffledReader("b => (float)b", "new IImageTransform[] { }"),
        expected: Scale001("data", "[0, 255]", "model.forward", "values up to about 255 make gradient steps overshoot or barely move its weights"));

    [Fact]
    public Task ShuffledReaderScalingPixelsIsSilent() => Verify<UnscaledFeatureAnalyzer>.AnalyzerAsync(
        ShuffledReader("b => b / 255f", "new IImageTransform[] { }").Replace("{|#0:data|}", "data"));

    /// <summary>A transforms list that is not empty: some batches are standardized, so the raw range is not claimed.</summary>
    [Fact]
    public Task ShuffledReaderWithAStandardizingTransformIsNotReportedAsRaw() => Verify<UnscaledFeatureAnalyzer>.AnalyzerAsync(
        (ShuffledReader("b => (float)b", "new IImageTransform[] { new Standardize() }") + StandardizeTransform).Replace("{|#0:data|}", "data"));

    [Fact]
    public Task ForEachOverAnEmptyListDoesNotRunItsBody() => Verify<UnscaledFeatureAnalyzer>.AnalyzerAsync(
        ProgramWithMain("""
                var x = torch.rand(200, 1) * 4500 + 500;
                var y = torch.rand(200, 1);
                var steps = new List<Func<Tensor, Tensor>>();
                foreach (var step in steps)
                    x = step(x);
        """ + Loop("{|#0:x|}")),
        expected: Scale001("x", "[500, 5000]", "model.forward", Magnitude5000));

    [Fact]
    public Task ForEachOverAListWithAStepKeepsItsResultUnknown() => Verify<UnscaledFeatureAnalyzer>.AnalyzerAsync(
        ProgramWithMain("""
                var x = torch.rand(200, 1) * 4500 + 500;
                var y = torch.rand(200, 1);
                var steps = new List<Func<Tensor, Tensor>> { t => (t - t.mean()) / t.std() };
                foreach (var step in steps)
                    x = step(x);
        """ + Loop("x")));

    [Fact]
    public Task AutoPropertySetInTheConstructorIsFollowed() => Verify<UnscaledFeatureAnalyzer>.AnalyzerAsync(
        ProgramWithMain("""
                var set = new HouseData(200);
                var x = set.Features;
                var y = set.Prices;
        """ + Loop("{|#0:x|}")) + """

        sealed class HouseData
        {
            public HouseData(int count)
            {
                Features = torch.rand(count, 1) * 4500 + 500;
                Prices = torch.rand(count, 1);
            }

            public Tensor Features { get; }
            public Tensor Prices { get; }
        }
        """,
        expected: Scale001("x", "[500, 5000]", "model.forward", Magnitude5000));

    [Fact]
    public Task AutoPropertyScaledInTheConstructorIsSilent() => Verify<UnscaledFeatureAnalyzer>.AnalyzerAsync(
        ProgramWithMain("""
                var set = new HouseData(200);
                var x = set.Features;
                var y = set.Prices;
        """ + Loop("x")) + """

        sealed class HouseData
        {
            public HouseData(int count)
            {
                var raw = torch.rand(count, 1) * 4500 + 500;
                Features = (raw - raw.mean()) / raw.std();
                Prices = torch.rand(count, 1);
            }

            public Tensor Features { get; }
            public Tensor Prices { get; }
        }
        """);

    [Fact]
    public Task LocalFunctionSeesWhatItCaptures() => Verify<UnscaledFeatureAnalyzer>.AnalyzerAsync(
        ProgramWithMain("""
                var scale = 4500f;
                var x = MakeFeatures();
                var y = torch.rand(200, 1);
        """ + Loop("{|#0:x|}") + """

                Tensor MakeFeatures() => torch.rand(200, 1) * scale + 500;
        """),
        expected: Scale001("x", "[500, 5000]", "model.forward", Magnitude5000));

    [Fact]
    public Task GetterReturningRawDataIsFollowed() => Verify<UnscaledFeatureAnalyzer>.AnalyzerAsync(
        ProgramWithMain("        var x = Samples;\n        var y = torch.rand(200, 1);\n" + Loop("{|#0:x|}"), """
            static Tensor Samples => torch.rand(200, 1) * 4500 + 500;
        """),
        expected: Scale001("x", "[500, 5000]", "model.forward", Magnitude5000));

    private const string Sources = """
            abstract class Source
            {
                public abstract Tensor Load();
            }

            sealed class Recorded : Source
            {
                public override Tensor Load() => torch.rand(200, 1) * 4500 + 500;
            }

            sealed class Simulated : Source
            {
                private readonly int _count;

                public Simulated(int count) => _count = count;

                public override Tensor Load() => torch.rand(_count, 1) * 1000 + 4000;
            }
        """;

    [Fact]
    public Task EveryOverrideOfAnAbstractLoaderIsJoined() => Verify<UnscaledFeatureAnalyzer>.AnalyzerAsync(
        ProgramWithMain("""
                Source source = DateTime.Now.Second % 2 == 0 ? new Recorded() : new Simulated(200);
                var x = source.Load();
                var y = torch.rand(200, 1);
        """ + Loop("{|#0:x|}"), Sources),
        expected: Scale001("x", "[500, 5000]", "model.forward", Magnitude5000));

    [Fact]
    public Task OverridesThatAllScaleAreSilent() => Verify<UnscaledFeatureAnalyzer>.AnalyzerAsync(
        ProgramWithMain("""
                Source source = DateTime.Now.Second % 2 == 0 ? new Recorded() : new Simulated(200);
                var x = source.Load();
                var y = torch.rand(200, 1);
        """ + Loop("x"), Sources.Replace("* 4500 + 500;", "* 2 - 1;").Replace("* 1000 + 4000;", ";")));

    [Fact]
    public Task BytesWrittenIntoAnAutoPropertyAreZeroTo255() => Verify<UnscaledFeatureAnalyzer>.AnalyzerAsync(
        ProgramWithMain("""
                var reader = new PixelReader(64);
                var x = torch.tensor(reader.Pixels).reshape(-1, 16).to(ScalarType.Float32);
                var y = torch.rand(4, 1);
        """ + Loop("{|#0:x|}", model: "nn.Linear(16, 1)"), """
            sealed class PixelReader
            {
                public PixelReader(int count)
                {
                    Pixels = new byte[count];
                    var random = new Random(1);
                    for (var i = 0; i < count; i++)
                        Pixels[i] = (byte)random.Next(256);
                }

                public byte[] Pixels { get; }
            }
        """),
        expected: Scale001("x", "[0, 255]", "model.forward", "values up to about 255 make gradient steps overshoot or barely move its weights"));

    private const string JaggedRows = """
                var random = new Random(3);
                var rows = new float[100][];
                for (var i = 0; i < rows.Length; i++)
                    rows[i] = new[] { (float)random.NextDouble() * 4500 + 500, (float)random.NextDouble() };
        """;

    [Fact]
    public Task RowsOfAJaggedArrayAreFollowed() => Verify<UnscaledFeatureAnalyzer>.AnalyzerAsync(
        ProgramWithMain(JaggedRows + """
                var x = torch.tensor(rows.SelectMany(r => r).ToArray(), new long[] { 100, 2 });
                var y = torch.rand(100, 1);
        """ + Loop("{|#0:x|}", model: "nn.Linear(2, 1)")),
        expected: Scale001("x", "[0, 5000]", "model.forward", Magnitude5000));

    [Fact]
    public Task AJaggedArrayStandardizedInPlaceIsSilent() => Verify<UnscaledFeatureAnalyzer>.AnalyzerAsync(
        ProgramWithMain(JaggedRows + """
                for (var j = 0; j < 2; j++)
                {
                    var mean = rows.Average(r => r[j]);
                    var std = (float)Math.Sqrt(rows.Average(r => (r[j] - mean) * (r[j] - mean)));
                    for (var i = 0; i < rows.Length; i++)
                        rows[i][j] = (rows[i][j] - mean) / std;
                }
                var x = torch.tensor(rows.SelectMany(r => r).ToArray(), new long[] { 100, 2 });
                var y = torch.rand(100, 1);
        """ + Loop("x", model: "nn.Linear(2, 1)")));

    [Fact]
    public Task ATableMinMaxScaledInPlaceIsSilent() => Verify<UnscaledFeatureAnalyzer>.AnalyzerAsync(
        ProgramWithMain("""
                var random = new Random(3);
                var table = new float[100, 2];
                for (var i = 0; i < 100; i++)
                {
                    table[i, 0] = (float)random.NextDouble() * 4500 + 500;
                    table[i, 1] = (float)random.NextDouble();
                }
                var mins = new float[] { float.MaxValue, float.MaxValue };
                var maxs = new float[] { float.MinValue, float.MinValue };
                for (var i = 0; i < 100; i++)
                    for (var j = 0; j < 2; j++)
                    {
                        mins[j] = Math.Min(mins[j], table[i, j]);
                        maxs[j] = Math.Max(maxs[j], table[i, j]);
                    }
                for (var i = 0; i < 100; i++)
                    for (var j = 0; j < 2; j++)
                        table[i, j] = (table[i, j] - mins[j]) / (maxs[j] - mins[j]);
                var x = torch.tensor(table);
                var y = torch.rand(100, 1);
        """ + Loop("x", model: "nn.Linear(2, 1)")));

    [Fact]
    public Task TensorsStackedFromAListKeepTheirBound() => Verify<UnscaledFeatureAnalyzer>.AnalyzerAsync(
        ProgramWithMain("""
                var samples = new List<Tensor>();
                for (var i = 0; i < 100; i++)
                    samples.Add(torch.rand(3) * 4500 + 500);
                var x = torch.stack(samples);
                var y = torch.rand(100, 1);
        """ + Loop("{|#0:x|}", model: "nn.Linear(3, 1)")),
        expected: Scale001("x", "[500, 5000]", "model.forward", Magnitude5000));

    [Fact]
    public Task PositionalRecordRowsHoldTheirArguments() => Verify<UnscaledFeatureAnalyzer>.AnalyzerAsync(
        ProgramWithMain("""
                var random = new Random(5);
                var cars = Enumerable.Range(0, 50).Select(i => new Car((float)random.NextDouble() * 4500 + 500, (float)random.NextDouble())).ToList();
                var x = torch.tensor(cars.SelectMany(c => new[] { c.Weight, c.Age }).ToArray(), new long[] { 50, 2 });
                var y = torch.rand(50, 1);
        """ + Loop("{|#0:x|}", model: "nn.Linear(2, 1)"), "    record Car(float Weight, float Age);\n"),
        expected: Scale001("x", "[0, 5000]", "model.forward", Magnitude5000));

    [Fact]
    public Task PositionalRecordRowsScaledInDotNetAreSilent() => Verify<UnscaledFeatureAnalyzer>.AnalyzerAsync(
        ProgramWithMain("""
                var random = new Random(5);
                var cars = Enumerable.Range(0, 50).Select(i => new Car(((float)random.NextDouble() * 4500 + 500) / 5000f, (float)random.NextDouble())).ToList();
                var x = torch.tensor(cars.SelectMany(c => new[] { c.Weight, c.Age }).ToArray(), new long[] { 50, 2 });
                var y = torch.rand(50, 1);
        """ + Loop("x", model: "nn.Linear(2, 1)"), "    record Car(float Weight, float Age);\n"));

    private const string Preprocessors = """
            interface IPreprocessor
            {
                Tensor Apply(Tensor data);
            }

            sealed class PassThrough : IPreprocessor
            {
                public Tensor Apply(Tensor data) => data;
            }

            sealed class Standardize : IPreprocessor
            {
                public Tensor Apply(Tensor data) => (data - data.mean()) / data.std();
            }
        """;

    [Fact]
    public Task TheImplementationOfAnObjectSeenMadeIsTheOneThatRuns() => Verify<UnscaledFeatureAnalyzer>.AnalyzerAsync(
        ProgramWithMain("""
                IPreprocessor preprocessor = new Standardize();
                var x = preprocessor.Apply(torch.rand(200, 1) * 4500 + 500);
                var y = torch.rand(200, 1);
        """ + Loop("x"), Preprocessors));

    [Fact]
    public Task ThePassThroughImplementationSeenMadeIsReported() => Verify<UnscaledFeatureAnalyzer>.AnalyzerAsync(
        ProgramWithMain("""
                IPreprocessor preprocessor = new PassThrough();
                var x = preprocessor.Apply(torch.rand(200, 1) * 4500 + 500);
                var y = torch.rand(200, 1);
        """ + Loop("{|#0:x|}"), Preprocessors),
        expected: Scale001("x", "[500, 5000]", "model.forward", Magnitude5000));

    [Fact]
    public Task PixelsDividedInPlaceAreSilent() => Verify<UnscaledFeatureAnalyzer>.AnalyzerAsync(
        ProgramWithMain("""
                var pixels = File.ReadAllBytes("image.bin").Select(b => (float)b).ToArray();
                for (var i = 0; i < pixels.Length; i++)
                    pixels[i] /= 255f;
                var x = torch.tensor(pixels).reshape(-1, 16);
                var y = torch.rand(4, 1);
        """ + Loop("x", model: "nn.Linear(16, 1)")));

    [Fact]
    public Task PixelsLeftAsTheyAreAreReported() => Verify<UnscaledFeatureAnalyzer>.AnalyzerAsync(
        ProgramWithMain("""
                var pixels = File.ReadAllBytes("image.bin").Select(b => (float)b).ToArray();
                var x = torch.tensor(pixels).reshape(-1, 16);
                var y = torch.rand(4, 1);
        """ + Loop("{|#0:x|}", model: "nn.Linear(16, 1)")),
        expected: Scale001("x", "[0, 255]", "model.forward", "values up to about 255 make gradient steps overshoot or barely move its weights"));

    [Fact]
    public Task AMethodGroupHandedToLinqRunsWithTheElement() => Verify<UnscaledFeatureAnalyzer>.AnalyzerAsync(
        ProgramWithMain("""
                var sizes = Enumerable.Range(0, 100).Select(Size).ToArray();
                var x = torch.tensor(sizes).reshape(-1, 1);
                var y = torch.rand(100, 1);
        """ + Loop("{|#0:x|}"), "    static float Size(int i) => 500f + 45f * i;\n"),
        expected: Scale001("x", "[500, 5000]", "model.forward", Magnitude5000));

    [Fact]
    public Task TensorColumnsDividedThroughTheIndexerAreSilent() => Verify<UnscaledFeatureAnalyzer>.AnalyzerAsync(
        ProgramWithMain("""
                var x = torch.rand(100, 2) * 4500 + 500;
                x[.., 0] = x[.., 0] / 5000f;
                x[.., 1] /= 5000f;
                var y = torch.rand(100, 1);
        """ + Loop("x", model: "nn.Linear(2, 1)")));

    private const string SavedStatistics = """
                var saved = File.ReadAllLines("scaler.txt").Select(float.Parse).ToArray();
                var means = saved.Take(2).ToArray();
                var stds = saved.Skip(2).ToArray();
                var raw = torch.rand(100, 2) * 4500 + 500;
                var y = torch.rand(100, 1);
        """;

    [Fact]
    public Task FeaturesStandardizedWithStatisticsReadBackAreSilent() => Verify<UnscaledFeatureAnalyzer>.AnalyzerAsync(
        ProgramWithMain(SavedStatistics + """
                var x = (raw - torch.tensor(means)) / torch.tensor(stds);
        """ + Loop("x", model: "nn.Linear(2, 1)")));

    [Fact]
    public Task FeaturesDividedWithoutACentreAreNotTakenForStandardized() => Verify<UnscaledFeatureAnalyzer>.AnalyzerAsync(
        ProgramWithMain(SavedStatistics + """
                var x = raw / torch.tensor(stds);
        """ + Loop("{|#0:x|}", model: "nn.Linear(2, 1)")),
        expected: Scale004("x", "'stds'", "model.forward"));
}
