namespace ScalingAnalyzer.Tests.Reliability.Generation;

/// <summary>
/// Random programs that split data into training and held-out rows, the shapes SCALE006 and its fixes work on:
/// statistics (hand-written, runtime scalers, LINQ over arrays) fitted before or after the split, on all rows or on
/// the training part; splits by slicing, narrow, a permutation, split pieces, Take/Skip; evaluation under no_grad, in
/// a scoring helper, or none; and ML.NET normalizers fitted before TrainTestSplit or CrossValidate, or inside the pipeline.
/// </summary>
public sealed class LeakageProgramGenerator
{
    private readonly Random _random;

    public LeakageProgramGenerator(int seed) => _random = new Random(seed);

    public GeneratedProgram Generate(int index) => Chance(0.65) ? TorchSharp(index) : MLNet(index);

    private GeneratedProgram TorchSharp(int index)
    {
        var name = $"TorchLeakProgram{index}";
        var rows = Pick(100, 1000);
        var train = rows * 4 / 5;
        var code = new CodeWriter()
            .Line("using System;")
            .Line("using System.Linq;")
            .Line("using ScalingAnalyzer.Runtime;")
            .Line("using TorchSharp;")
            .Line("using static TorchSharp.torch;")
            .Line()
            .Line($"namespace Generated.{name};")
            .Line()
            .Open("public static class TrainingProgram")
            .Open("public static void Main()")
            .Line($"var data = torch.rand({rows}, 3) * {Pick("4500f", "1f", "100f")} + 500f;")
            .Line($"var y = torch.rand({rows}, 1);")
            .Line($"var permutation = torch.randperm({rows});");
        var (trainExpression, testExpression) = Pick(
            ($"[..{train}]", $"[{train}..]"),
            ($".narrow(0, 0, {train})", $".narrow(0, {train}, {rows - train})"),
            ($".index_select(0, permutation[..{train}])", $".index_select(0, permutation[{train}..])"),
            ($".split(new long[] {{ {train}, {rows - train} }})[0]", $".split(new long[] {{ {train}, {rows - train} }})[1]"));
        var fitOnTrain = Chance(0.4);
        var scaler = Pick("standardize", "minmax", "runtime", "maxabs");
        var source = fitOnTrain ? "xTrainRaw" : "data";
        if (fitOnTrain)
            code.Line($"var xTrainRaw = data{trainExpression};");
        switch (scaler)
        {
            case "standardize":
                code.Line($"var mean = {source}.mean(new long[] {{ 0 }}, keepdim: true);")
                    .Line($"var std = {source}.std(0, keepdim: true);")
                    .Line("var scaled = (data - mean) / std;");
                break;
            case "minmax":
                code.Line($"var min = {source}.amin(0);")
                    .Line($"var max = {source}.amax(0);")
                    .Line("var scaled = (data - min) / (max - min);");
                break;
            case "runtime":
                code.Line($"var scaler = {Pick("StandardScaler", "MinMaxScaler")}.Fit({source});")
                    .Line("var scaled = scaler.Transform(data);");
                break;
            default:
                code.Line($"var scaled = data / {source}.abs().max();");
                break;
        }
        code.Line($"var xTrain = scaled{trainExpression};")
            .Line($"var xTest = scaled{testExpression};")
            .Line($"var yTrain = y{trainExpression};")
            .Line($"var yTest = y{testExpression};")
            .Line("var model = nn.Sequential(nn.Linear(3, 8), nn.ReLU(), nn.Linear(8, 1));")
            .Line("var optimizer = torch.optim.Adam(model.parameters(), lr: 0.01);")
            .Open($"for (int epoch = 0; epoch < {Pick(10, 100)}; epoch++)")
            .Line("optimizer.zero_grad();")
            .Line("var loss = nn.functional.mse_loss(model.forward(xTrain), yTrain);")
            .Line("loss.backward();")
            .Line("optimizer.step();")
            .Close();
        switch (Pick("no_grad", "helper", "none"))
        {
            case "no_grad":
                code.Line("model.eval();")
                    .Open("using (torch.no_grad())")
                    .Line("Console.WriteLine(nn.functional.mse_loss(model.forward(xTest), yTest).item<float>());")
                    .Close();
                break;
            case "helper":
                code.Line("Console.WriteLine(Score(model, xTest, yTest));");
                break;
            default:
                code.Line("Console.WriteLine(xTest.shape[0]);");
                break;
        }
        code.Close()
            .Line()
            .Open("static float Score(nn.Module<Tensor, Tensor> model, Tensor features, Tensor targets)")
            .Line("using var noGrad = torch.no_grad();")
            .Line("return nn.functional.mse_loss(model.forward(features), targets).item<float>();")
            .Close()
            .Close();
        return new GeneratedProgram(name, code.ToString());
    }

    private GeneratedProgram MLNet(int index)
    {
        var name = $"MLNetLeakProgram{index}";
        var normalizer = Pick("NormalizeMinMax", "NormalizeMeanVariance", "NormalizeLogMeanVariance", "NormalizeLpNorm");
        var code = new CodeWriter()
            .Line("using System;")
            .Line("using Microsoft.ML;")
            .Line("using Microsoft.ML.Data;")
            .Line()
            .Line($"namespace Generated.{name};")
            .Line()
            .Open("public sealed class House")
            .Line("public float Size { get; set; }")
            .Line("public float Rooms { get; set; }")
            .Line("public float Label { get; set; }")
            .Close()
            .Line()
            .Open("public static class TrainingProgram")
            .Open("public static void Main()")
            .Line("var ml = new MLContext(seed: 1);")
            .Line($"var rows = new House[{Pick(20, 50)}];")
            .Line("for (int i = 0; i < rows.Length; i++) rows[i] = new House { Size = 500 + 45 * i, Rooms = 1 + i % 5, Label = 100 * (500 + 45 * i) };")
            .Line("IDataView data = ml.Data.LoadFromEnumerable(rows);")
            .Line($"var preprocessing = ml.Transforms.Concatenate(\"Features\", \"Size\", \"Rooms\").Append(ml.Transforms.{normalizer}(\"Features\"));");
        switch (Pick("split-after", "split-before", "cv-after", "cv-inside"))
        {
            case "split-after":
                code.Line("var normalized = preprocessing.Fit(data).Transform(data);")
                    .Line($"var split = ml.Data.TrainTestSplit(normalized, testFraction: {Pick("0.2", "0.25")});")
                    .Line("var model = ml.Regression.Trainers.Sdca().Fit(split.TrainSet);")
                    .Line("Console.WriteLine(ml.Regression.Evaluate(model.Transform(split.TestSet)).RootMeanSquaredError);");
                break;
            case "split-before":
                code.Line("var split = ml.Data.TrainTestSplit(data, testFraction: 0.2);")
                    .Line($"var fitted = preprocessing.Fit({Pick("data", "split.TrainSet")});")
                    .Line("var model = ml.Regression.Trainers.Sdca().Fit(fitted.Transform(split.TrainSet));")
                    .Line("Console.WriteLine(ml.Regression.Evaluate(model.Transform(fitted.Transform(split.TestSet))).RSquared);");
                break;
            case "cv-after":
                code.Line("var transformed = preprocessing.Fit(data).Transform(data);")
                    .Line("var results = ml.Regression.CrossValidate(transformed, ml.Regression.Trainers.Sdca(), numberOfFolds: 3);")
                    .Line("Console.WriteLine(results.Count);");
                break;
            default:
                code.Line("var results = ml.Regression.CrossValidate(data, preprocessing.Append(ml.Regression.Trainers.Sdca()), numberOfFolds: 3);")
                    .Line("Console.WriteLine(results.Count);");
                break;
        }
        code.Close().Close();
        return new GeneratedProgram(name, code.ToString());
    }

    private bool Chance(double probability) => _random.NextDouble() < probability;

    private T Pick<T>(params T[] choices) => choices[_random.Next(choices.Length)];
}
