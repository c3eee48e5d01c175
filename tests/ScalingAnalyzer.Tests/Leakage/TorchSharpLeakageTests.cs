using Microsoft.CodeAnalysis.Testing;
using ScalingAnalyzer.Rules;
using ScalingAnalyzer.Tests.Verifiers;
using Microsoft.CodeAnalysis.Testing;
using static ScalingAnalyzer.Tests.Leakage.LeakagePrograms;

namespace ScalingAnalyzer.Tests.Leakage;

/// <summary>
/// SCALE006 on TorchSharp: each leak next to its correct twin (the same program with the statistics fitted on the
/// training rows, or with no row held out), in the shapes public code splits and evaluates.
/// </summary>
public class TorchSharpLeakageTests
{
    private static Task Reports(string source, params DiagnosticResult[] expected) => Verify<DataLeakageAnalyzer>.AnalyzerAsync(source, expected: expected);

    private static Task Silent(string source) => Verify<DataLeakageAnalyzer>.AnalyzerAsync(source);

    // --- Standardize, then slice into train and test (the scikit-learn pitfall, as TorchSharp code).

    [Fact]
    public Task StandardizedThenSlicedIsReported() => Reports(LeakProgram(Load + """
                var mean = {|#0:data.mean(new long[] { 0 }, keepdim: true)|};
                var std = {|#1:data.std(0, keepdim: true)|};
                var scaled = (data - mean) / std;
                var xTrain = scaled[..800];
                var xTest = scaled[800..];
                var yTrain = y[..800];
                var yTest = y[800..];
        """ + Train("xTrain", "yTrain") + Evaluate("xTest", "yTest")),
        new DiagnosticResult("SCALE006", Microsoft.CodeAnalysis.DiagnosticSeverity.Warning).WithLocation(0)
            .WithArguments("'data.mean(new long[] { 0 }, keepdim: true)'", "data", "xTest", "evaluated at model.forward"),
        new DiagnosticResult("SCALE006", Microsoft.CodeAnalysis.DiagnosticSeverity.Warning).WithLocation(1)
            .WithArguments("'data.std(0, keepdim: true)'", "data", "xTest", "evaluated at model.forward"));

    [Fact]
    public Task StatisticsOfTheTrainingSliceAreSilent() => Silent(LeakProgram(Load + """
                var xTrain = data[..800];
                var xTest = data[800..];
                var mean = xTrain.mean(new long[] { 0 }, keepdim: true);
                var std = xTrain.std(0, keepdim: true);
                xTrain = (xTrain - mean) / std;
                xTest = (xTest - mean) / std;
                var yTrain = y[..800];
                var yTest = y[800..];
        """ + Train("xTrain", "yTrain") + Evaluate("xTest", "yTest")));

    [Fact]
    public Task StatisticsOverAllRowsWithNothingHeldOutAreSilent() => Silent(LeakProgram(Load + """
                var mean = data.mean(new long[] { 0 }, keepdim: true);
                var std = data.std(0, keepdim: true);
                var scaled = (data - mean) / std;
        """ + Train("scaled", "y") + Evaluate("scaled", "y")));

    [Fact]
    public Task HeldOutPartNeverEvaluatedIsSilent() => Silent(LeakProgram(Load + """
                var mean = data.mean(new long[] { 0 }, keepdim: true);
                var std = data.std(0, keepdim: true);
                var scaled = (data - mean) / std;
                var xTrain = scaled[..800];
                var xTest = scaled[800..];
                var yTrain = y[..800];
        """ + Train("xTrain", "yTrain") + """
                Console.WriteLine(xTest.shape[0]);
        """));

    [Fact]
    public Task MiniBatchesOfAllRowsAreNotAHoldOut() => Silent(LeakProgram(Load + """
                var scaled = (data - data.mean(new long[] { 0 })) / data.std(0);
                var model = nn.Linear(4, 1);
                var optimizer = torch.optim.SGD(model.parameters(), 0.01);
                for (int epoch = 0; epoch < 10; epoch++)
                {
                    for (long start = 0; start < 1000; start += 100)
                    {
                        optimizer.zero_grad();
                        var loss = nn.functional.mse_loss(model.forward(scaled.narrow(0, start, 100)), y.narrow(0, start, 100));
                        loss.backward();
                        optimizer.step();
                    }
                }
                using (torch.no_grad())
                    Console.WriteLine(model.forward(scaled[..5]));
        """));

    // --- Min-max over all rows, then a random permutation (randperm + index_select).

    [Fact]
    public Task MinMaxThenPermutationSplitIsReported() => Reports(LeakProgram(Load + """
                var min = {|#0:data.amin(0)|};
                var max = {|#1:data.amax(0)|};
                var normalized = (data - min) / (max - min);
                var permutation = torch.randperm(1000);
                var trainIndex = permutation[..800];
                var testIndex = permutation[800..];
                var xTrain = normalized.index_select(0, trainIndex);
                var yTrain = y.index_select(0, trainIndex);
                var xTest = normalized.index_select(0, testIndex);
                var yTest = y.index_select(0, testIndex);
        """ + Train("xTrain", "yTrain") + Evaluate("xTest", "yTest")),
        DiagnosticResult.CompilerWarning("SCALE006").WithLocation(0), DiagnosticResult.CompilerWarning("SCALE006").WithLocation(1));

    [Fact]
    public Task MinMaxOfTheTrainingPermutationIsSilent() => Silent(LeakProgram(Load + """
                var permutation = torch.randperm(1000);
                var xTrain = data.index_select(0, permutation[..800]);
                var yTrain = y.index_select(0, permutation[..800]);
                var xTest = data.index_select(0, permutation[800..]);
                var yTest = y.index_select(0, permutation[800..]);
                var min = xTrain.amin(0);
                var max = xTrain.amax(0);
                xTrain = (xTrain - min) / (max - min);
                xTest = (xTest - min) / (max - min);
        """ + Train("xTrain", "yTrain") + Evaluate("xTest", "yTest")));

    // --- narrow and split.

    [Fact]
    public Task NarrowAfterStandardizingIsReported() => Reports(LeakProgram(Load + """
                var (std, mean) = {|#0:torch.std_mean(data, new long[] { 0 })|};
                data = (data - mean) / std;
                var xTrain = data.narrow(0, 0, 800);
                var xValid = data.narrow(0, 800, 200);
        """ + Train("xTrain", "y.narrow(0, 0, 800)") + Evaluate("xValid", "y.narrow(0, 800, 200)")),
        DiagnosticResult.CompilerWarning("SCALE006").WithLocation(0));

    [Fact]
    public Task SplitIntoPiecesAfterScalingIsReported() => Reports(LeakProgram(Load + """
                var scaled = data / {|#0:data.abs().max()|};
                var pieces = scaled.split(new long[] { 800, 200 });
                var targets = y.split(new long[] { 800, 200 });
        """ + Train("pieces[0]", "targets[0]") + Evaluate("pieces[1]", "targets[1]")),
        DiagnosticResult.CompilerWarning("SCALE006").WithLocation(0));

    [Fact]
    public Task PerRowNormalizationIsSilent() => Silent(LeakProgram(Load + """
                var scaled = (data - data.mean(new long[] { 1 }, keepdim: true)) / data.std(1, keepdim: true);
                var xTrain = scaled[..800];
                var xTest = scaled[800..];
        """ + Train("xTrain", "y[..800]") + Evaluate("xTest", "y[800..]")));

    // --- The runtime scalers.

    [Fact]
    public Task RuntimeScalerFittedOnAllRowsIsReported() => Reports(LeakProgram(Load + """
                var scaler = {|#0:StandardScaler.Fit(data)|};
                var scaled = scaler.Transform(data);
                var xTrain = scaled[..800];
                var xTest = scaled[800..];
        """ + Train("xTrain", "y[..800]") + Evaluate("xTest", "y[800..]")),
        DiagnosticResult.CompilerWarning("SCALE006").WithLocation(0));

    [Fact]
    public Task RuntimeScalerFittedOnAllRowsAppliedToPartsIsReported() => Reports(LeakProgram(Load + """
                var xTrain = data[..800];
                var xTest = data[800..];
                var scaler = {|#0:MinMaxScaler.Fit(data)|};
        """ + Train("scaler.Transform(xTrain)", "y[..800]") + Evaluate("scaler.Transform(xTest)", "y[800..]")),
        DiagnosticResult.CompilerWarning("SCALE006").WithLocation(0));

    [Fact]
    public Task RuntimeScalerFittedOnTheTrainingRowsIsSilent() => Silent(LeakProgram(Load + """
                var xTrain = data[..800];
                var xTest = data[800..];
                var scaler = MinMaxScaler.Fit(xTrain);
        """ + Train("scaler.Transform(xTrain)", "y[..800]") + Evaluate("scaler.Transform(xTest)", "y[800..]")));

    // --- Helpers that train and evaluate.

    private const string Helpers = """
            static nn.Module<Tensor, Tensor> Fit(Tensor features, Tensor targets)
            {
                var model = nn.Linear(4, 1);
                var optimizer = torch.optim.Adam(model.parameters(), lr: 0.01);
                for (int epoch = 0; epoch < 100; epoch++)
                {
                    optimizer.zero_grad();
                    var loss = nn.functional.mse_loss(model.call(features), targets);
                    loss.backward();
                    optimizer.step();
                }
                return model;
            }

            static float Score(nn.Module<Tensor, Tensor> model, Tensor features, Tensor targets)
            {
                using var _ = torch.no_grad();
                return nn.functional.mse_loss(model.call(features), targets).item<float>();
            }
        """;

    [Fact]
    public Task HelpersThatTrainAndScoreAreFollowed() => Reports(LeakProgram(Load + """
                var mean = {|#0:data.mean(new long[] { 0 })|};
                var std = {|#1:data.std(0)|};
                var scaled = (data - mean) / std;
                var model = Fit(scaled[..800], y[..800]);
                Console.WriteLine(Score(model, scaled[800..], y[800..]));
        """, Helpers),
        DiagnosticResult.CompilerWarning("SCALE006").WithLocation(0), DiagnosticResult.CompilerWarning("SCALE006").WithLocation(1));

    [Fact]
    public Task HelpersOnTrainingStatisticsAreSilent() => Silent(LeakProgram(Load + """
                var train = data[..800];
                var mean = train.mean(new long[] { 0 });
                var std = train.std(0);
                var model = Fit((train - mean) / std, y[..800]);
                Console.WriteLine(Score(model, (data[800..] - mean) / std, y[800..]));
        """, Helpers));

    // --- .NET arrays: LINQ statistics, Take/Skip, rows copied in loops.

    [Fact]
    public Task ArrayStatisticsBeforeTakeSkipAreReported() => Reports(LeakProgram("""
                double[][] rows = File.ReadAllLines("houses.csv").Skip(1).Select(l => l.Split(',').Select(double.Parse).ToArray()).ToArray();
                var features = rows.Select(r => r[..4]).ToArray();
                var prices = rows.Select(r => r[4]).ToArray();
                var means = Enumerable.Range(0, 4).Select(j => {|#0:features.Average(r => r[j])|}).ToArray();
                var scaled = features.Select(r => r.Select((v, j) => v - means[j]).ToArray()).ToArray();
                var trainRows = scaled.Take(800).ToArray();
                var testRows = scaled.Skip(800).ToArray();
                var xTrain = torch.tensor(trainRows.SelectMany(r => r).ToArray()).reshape(800, 4).to_type(ScalarType.Float32);
                var xTest = torch.tensor(testRows.SelectMany(r => r).ToArray()).reshape(-1, 4).to_type(ScalarType.Float32);
                var yTrain = torch.tensor(prices.Take(800).ToArray()).reshape(-1, 1);
                var yTest = torch.tensor(prices.Skip(800).ToArray()).reshape(-1, 1);
        """ + Train("xTrain", "yTrain") + Evaluate("xTest", "yTest")),
        DiagnosticResult.CompilerWarning("SCALE006").WithLocation(0));

    [Fact]
    public Task ArrayStatisticsOfTheTrainingRowsAreSilent() => Silent(LeakProgram("""
                double[][] rows = File.ReadAllLines("houses.csv").Skip(1).Select(l => l.Split(',').Select(double.Parse).ToArray()).ToArray();
                var features = rows.Select(r => r[..4]).ToArray();
                var prices = rows.Select(r => r[4]).ToArray();
                var trainRows = features.Take(800).ToArray();
                var testRows = features.Skip(800).ToArray();
                var means = Enumerable.Range(0, 4).Select(j => trainRows.Average(r => r[j])).ToArray();
                var xTrain = torch.tensor(trainRows.SelectMany(r => r.Select((v, j) => v - means[j])).ToArray()).reshape(800, 4).to_type(ScalarType.Float32);
                var xTest = torch.tensor(testRows.SelectMany(r => r.Select((v, j) => v - means[j])).ToArray()).reshape(-1, 4).to_type(ScalarType.Float32);
                var yTrain = torch.tensor(prices.Take(800).ToArray()).reshape(-1, 1);
                var yTest = torch.tensor(prices.Skip(800).ToArray()).reshape(-1, 1);
        """ + Train("xTrain", "yTrain") + Evaluate("xTest", "yTest")));

    [Fact]
    public Task RunningMinAndMaxThenRowsCopiedIntoTwoArraysAreReported() => Reports(LeakProgram("""
                float[] sizes = File.ReadAllLines("sizes.txt").Select(float.Parse).ToArray();
                float[] prices = File.ReadAllLines("prices.txt").Select(float.Parse).ToArray();
                float min = float.MaxValue, max = float.MinValue;
                for (int i = 0; i < sizes.Length; i++)
                {
                    min = {|#0:Math.Min(min, sizes[i])|};
                    max = {|#1:Math.Max(max, sizes[i])|};
                }
                int trainCount = sizes.Length * 4 / 5;
                var trainSizes = new float[trainCount];
                var testSizes = new float[sizes.Length - trainCount];
                for (int i = 0; i < sizes.Length; i++)
                {
                    var scaledSize = (sizes[i] - min) / (max - min);
                    if (i < trainCount)
                        trainSizes[i] = scaledSize;
                    else
                        testSizes[i - trainCount] = scaledSize;
                }
                var xTrain = torch.tensor(trainSizes).reshape(-1, 1);
                var xTest = torch.tensor(testSizes).reshape(-1, 1);
                var yTrain = torch.tensor(prices[..trainCount]).reshape(-1, 1);
                var yTest = torch.tensor(prices[trainCount..]).reshape(-1, 1);
        """ + Train("xTrain", "yTrain") + Evaluate("xTest", "yTest")),
        DiagnosticResult.CompilerWarning("SCALE006").WithLocation(0), DiagnosticResult.CompilerWarning("SCALE006").WithLocation(1));

    [Fact]
    public Task StatisticsPrintedButNotAppliedAreSilent() => Silent(LeakProgram(Load + """
                Console.WriteLine($"mean {data.mean().item<float>()}, max {data.max().item<float>()}");
                var xTrain = data[..800];
                var xTest = data[800..];
                var mean = xTrain.mean(new long[] { 0 });
        """ + Train("xTrain - mean", "y[..800]") + Evaluate("xTest - mean", "y[800..]")));

    // --- More spellings public code uses.

    [Fact]
    public Task MaxAlongRowsAsATupleIsReported() => Reports(LeakProgram(Load + """
                var (columnMax, _) = {|#0:data.abs().max(0)|};
                var scaled = data / columnMax;
                var xTrain = scaled.index(TensorIndex.Slice(0, 800));
                var xTest = scaled.index(TensorIndex.Slice(800, null));
        """ + Train("xTrain", "y[..800]") + Evaluate("xTest", "y[800..]")),
        DiagnosticResult.CompilerWarning("SCALE006").WithLocation(0));

    [Fact]
    public Task ValidationInsideTheEpochLoopIsEvaluation() => Reports(LeakProgram(Load + """
                var scaled = (data - {|#0:data.mean(new long[] { 0 })|}) / {|#1:data.std(0)|};
                var xTrain = scaled[..900];
                var xValid = scaled[900..];
                var model = nn.Linear(4, 1);
                var optimizer = torch.optim.Adam(model.parameters());
                for (int epoch = 0; epoch < 50; epoch++)
                {
                    model.train();
                    optimizer.zero_grad();
                    var loss = nn.functional.mse_loss(model.forward(xTrain), y[..900]);
                    loss.backward();
                    optimizer.step();
                    model.eval();
                    using (torch.no_grad())
                    {
                        var validLoss = nn.functional.mse_loss(model.forward(xValid), y[900..]);
                        Console.WriteLine($"{epoch}: {loss.item<float>()} {validLoss.item<float>()}");
                    }
                }
        """), DiagnosticResult.CompilerWarning("SCALE006").WithLocation(0), DiagnosticResult.CompilerWarning("SCALE006").WithLocation(1));

    [Fact]
    public Task ListRowsTakenWithGetRangeAreReported() => Reports(LeakProgram("""
                var rows = new List<float[]>();
                foreach (var line in File.ReadLines("houses.csv"))
                    rows.Add(line.Split(',').Select(float.Parse).ToArray());
                var maxSize = {|#0:rows.Max(r => r[0])|};
                var scaled = rows.Select(r => new[] { r[0] / maxSize, r[1] }).ToList();
                var train = scaled.GetRange(0, 800);
                var test = scaled.GetRange(800, scaled.Count - 800);
                var xTrain = torch.tensor(train.Select(r => r[0]).ToArray()).reshape(-1, 1);
                var xTest = torch.tensor(test.Select(r => r[0]).ToArray()).reshape(-1, 1);
                var yTrain = torch.tensor(train.Select(r => r[1]).ToArray()).reshape(-1, 1);
                var yTest = torch.tensor(test.Select(r => r[1]).ToArray()).reshape(-1, 1);
        """ + Train("xTrain", "yTrain") + Evaluate("xTest", "yTest")),
        DiagnosticResult.CompilerWarning("SCALE006").WithLocation(0));

    [Fact]
    public Task TupleOfSlicesIsReported() => Reports(LeakProgram(Load + """
                var scaler = {|#0:MinMaxScaler.Fit(data)|};
                var (xTrain, xTest) = (scaler.Transform(data[..800]), scaler.Transform(data[800..]));
        """ + Train("xTrain", "y[..800]") + Evaluate("xTest", "y[800..]")),
        DiagnosticResult.CompilerWarning("SCALE006").WithLocation(0));

    [Fact]
    public Task APaddingLengthOverAllRowsIsNotScaling() => Silent(LeakProgram(Load + """
                var steps = data.amax().item<float>() > 1 ? 4L : 2L;
                var longest = data.abs().max(0).values;
                var padded = torch.nn.functional.pad(data, new long[] { 0, 4 - data.shape[1] });
                var xTrain = padded[..800];
                var xTest = padded[800..];
        """ + Train("xTrain", "y[..800]") + Evaluate("xTest", "y[800..]")));

    [Fact]
    public Task TrainingThroughADataLoaderIsFollowed() => Reports(LeakProgram(Load + """
                var scaled = (data - {|#0:data.mean(new long[] { 0 })|}) / {|#1:data.std(0)|};
                var trainSet = torch.utils.data.TensorDataset(scaled[..800], y[..800]);
                var loader = torch.utils.data.DataLoader(trainSet, 32, shuffle: true);
                var model = nn.Linear(4, 1);
                var optimizer = torch.optim.Adam(model.parameters());
                for (int epoch = 0; epoch < 10; epoch++)
                {
                    foreach (var batch in loader)
                    {
                        optimizer.zero_grad();
                        var loss = nn.functional.mse_loss(model.forward(batch[0]), batch[1]);
                        loss.backward();
                        optimizer.step();
                    }
                }
                using (torch.no_grad())
                    Console.WriteLine(nn.functional.mse_loss(model.forward(scaled[800..]), y[800..]).item<float>());
        """), DiagnosticResult.CompilerWarning("SCALE006").WithLocation(0), DiagnosticResult.CompilerWarning("SCALE006").WithLocation(1));

    // --- Helpers that scale or split.

    private const string ScaleAndSplitHelpers = """
            static Tensor Standardize(Tensor x) => (x - x.mean(new long[] { 0 })) / x.std(0);

            static (Tensor Train, Tensor Test) SplitRows(Tensor x, long trainRows)
            {
                var train = x.narrow(0, 0, trainRows);
                var test = x.narrow(0, trainRows, x.shape[0] - trainRows);
                return (train, test);
            }
        """;

    [Fact]
    public Task StandardizingHelperBeforeASplittingHelperIsReported() => Reports(LeakProgram(Load + """
                var scaled = {|#0:Standardize(data)|};
                var (xTrain, xTest) = SplitRows(scaled, 800);
                var (yTrain, yTest) = SplitRows(y, 800);
        """ + Train("xTrain", "yTrain") + Evaluate("xTest", "yTest"), ScaleAndSplitHelpers),
        new DiagnosticResult("SCALE006", Microsoft.CodeAnalysis.DiagnosticSeverity.Warning).WithLocation(0)
            .WithArguments("'Standardize(data)'", "data", "xTest", "evaluated at model.forward"));

    [Fact]
    public Task SplittingHelperThenStandardizingTheTrainingPartIsSilent() => Silent(LeakProgram(Load + """
                var (xTrain, xTest) = SplitRows(data, 800);
                var (yTrain, yTest) = SplitRows(y, 800);
                var mean = xTrain.mean(new long[] { 0 });
                var std = xTrain.std(0);
        """ + Train("(xTrain - mean) / std", "yTrain") + Evaluate("(xTest - mean) / std", "yTest"), ScaleAndSplitHelpers));

    [Fact]
    public Task StatisticsBeforeASplittingHelperAreReported() => Reports(LeakProgram(Load + """
                var scaler = {|#0:StandardScaler.Fit(data)|};
                var (xTrain, xTest) = SplitRows(scaler.Transform(data), 800);
        """ + Train("xTrain", "y[..800]") + Evaluate("xTest", "y[800..]"), ScaleAndSplitHelpers),
        DiagnosticResult.CompilerWarning("SCALE006").WithLocation(0));
}

/// <summary>SCALE006 in other program shapes: top-level statements, data in fields, 2-D arrays with per-column sums.</summary>
public class LeakageProgramShapeTests
{
    [Fact]
    public Task TopLevelStatementsAreAnalysed()
    {
        var test = new Microsoft.CodeAnalysis.CSharp.Testing.CSharpAnalyzerTest<DataLeakageAnalyzer, DefaultVerifier>
        {
            TestCode = Usings + Load + """
                var scaler = {|SCALE006:MinMaxScaler.Fit(data)|};
                var scaled = scaler.Transform(data);
                """ + Train("scaled[..800]", "y[..800]") + Evaluate("scaled[800..]", "y[800..]"),
            ReferenceAssemblies = TestReferences.WithTorchSharp,
        };
        test.TestState.OutputKind = Microsoft.CodeAnalysis.OutputKind.ConsoleApplication;
        test.TestState.AdditionalReferences.Add(TestReferences.Runtime);
        return test.RunAsync();
    }

    [Fact]
    public Task DataInFieldsIsFollowedWithinTheMethod() => Verify<DataLeakageAnalyzer>.AnalyzerAsync(Usings + """
        class Experiment
        {
            private readonly Tensor _features = torch.rand(500, 4) * 100;
            private readonly Tensor _targets = torch.rand(500, 1);

            public void Run()
            {
                var mean = {|SCALE006:_features.mean(new long[] { 0 })|};
                var std = {|SCALE006:_features.std(0)|};
                var x = (_features - mean) / std;
        """ + Train("x[..400]", "_targets[..400]") + Evaluate("x[400..]", "_targets[400..]") + """
            }
        }
        """);

    [Fact]
    public Task PerColumnSumsOverATwoDimensionalArrayAreReported() => Verify<DataLeakageAnalyzer>.AnalyzerAsync(LeakProgram("""
                var lines = File.ReadAllLines("houses.csv");
                var features = new float[lines.Length, 3];
                var prices = new float[lines.Length];
                for (int i = 0; i < lines.Length; i++)
                {
                    var cells = lines[i].Split(',');
                    for (int j = 0; j < 3; j++)
                        features[i, j] = float.Parse(cells[j]);
                    prices[i] = float.Parse(cells[3]);
                }
                var means = new float[3];
                for (int i = 0; i < lines.Length; i++)
                    for (int j = 0; j < 3; j++)
                        {|SCALE006:means[j] += features[i, j]|};
                for (int j = 0; j < 3; j++)
                    means[j] /= lines.Length;
                for (int i = 0; i < lines.Length; i++)
                    for (int j = 0; j < 3; j++)
                        features[i, j] -= means[j];
                var x = torch.tensor(features);
                var y = torch.tensor(prices).reshape(-1, 1);
                var trainRows = lines.Length * 4 / 5;
        """ + Train("x[..trainRows]", "y[..trainRows]") + Evaluate("x[trainRows..]", "y[trainRows..]")));
}
