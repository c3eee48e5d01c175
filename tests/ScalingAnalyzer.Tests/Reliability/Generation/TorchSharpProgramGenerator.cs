using static ScalingAnalyzer.Tests.Reliability.Generation.CodeWriter;

namespace ScalingAnalyzer.Tests.Reliability.Generation;

/// <summary>
/// Random TorchSharp training programs that compile, drawn from a small grammar of what users write: feature
/// tensors made by rand/randn/linspace/arange, literal arrays, arrays and lists filled at run time and parsed
/// text; arithmetic with constants, reshapes, cat/stack; scaling steps in several spellings (or none); models,
/// optimizers and losses; loops with constant and unknown bounds, mini-batches, a training helper method; an
/// evaluation under no_grad on the scaled data or on the data before its scaling.
/// </summary>
public sealed class TorchSharpProgramGenerator
{
    private static readonly string[] FeatureNames = { "X", "features", "sizes", "inputs", "x" };
    private static readonly string[] TargetNames = { "y", "targets", "prices", "labels" };
    private static readonly string[] AdaptiveOptimizers = { "Adam", "AdamW", "Adamax", "NAdam", "RAdam", "RMSProp", "Adagrad", "Adadelta" };
    private static readonly string[] RegressionLossModules = { "MSELoss", "L1Loss", "HuberLoss", "SmoothL1Loss" };
    private static readonly string[] RegressionLossFunctions = { "mse_loss", "l1_loss" };

    private readonly Random _random;

    public TorchSharpProgramGenerator(int seed) => _random = new Random(seed);

    public GeneratedProgram Generate(int index)
    {
        var name = $"TorchProgram{index}";
        var rows = Pick(16, 32, 64);
        var columns = 1 + _random.Next(3);
        var classification = Chance(0.1);
        var outputs = classification ? 3 : 1;
        var features = Pick(FeatureNames);
        var target = Pick(TargetNames);
        var useHelper = Chance(0.35);
        var unknownEpochs = Chance(0.25);
        var epochs = Pick(50, 200, 1000, 5000);

        var code = new CodeWriter()
            .Line("using System;")
            .Line("using System.Collections.Generic;")
            .Line("using System.Globalization;")
            .Line("using System.Linq;")
            .Line("using TorchSharp;");
        if (Chance(0.3))
            code.Line("using ScalingAnalyzer.Runtime;");
        code.Line("using static TorchSharp.torch;")
            .Line()
            .Line($"namespace Generated.{name};")
            .Line()
            .Open("public static class TrainingProgram")
            .Open("public static void Main(string[] args)")
            .Line($"torch.manual_seed({index});")
            .Line($"var random = new Random({index});");
        if (unknownEpochs)
            code.Line("int epochs = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 100;");

        var helpers = new List<Action<CodeWriter>>();
        var featureVariable = WriteFeatures(code, features, rows, columns, helpers);
        var targetVariable = classification
            ? WriteClassLabels(code, target, rows, outputs)
            : WriteRegressionTarget(code, target, featureVariable, rows, columns);
        var rawFeatureVariable = featureVariable;
        if (Chance(0.4))
            featureVariable = WriteScaling(code, featureVariable, isFeature: true);
        if (!classification && Chance(0.3))
            targetVariable = WriteScaling(code, targetVariable, isFeature: false);

        code.Line($"var model = {Model(columns, outputs)};");
        var epochBound = unknownEpochs ? "epochs" : epochs.ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (useHelper)
        {
            code.Line($"Train(model, {featureVariable}, {targetVariable}, {epochBound});");
            var helperRows = rows;
            helpers.Add(writer =>
            {
                writer.Open("private static void Train(nn.Module<Tensor, Tensor> model, Tensor trainingFeatures, Tensor trainingTargets, int epochCount)");
                WriteTraining(writer, "trainingFeatures", "trainingTargets", "epochCount", helperRows, classification);
                writer.Close();
            });
        }
        else
        {
            WriteTraining(code, featureVariable, targetVariable, epochBound, rows, classification);
        }

        if (Chance(0.5))
        {
            code.Open("using (torch.no_grad())")
                // Sometimes on the data before its scaling: train/serve skew (SCALE005) and its fixes.
                .Line($"var evaluation = model.forward({(Chance(0.4) ? rawFeatureVariable : featureVariable)});")
                .Line("Console.WriteLine(evaluation.mean().item<float>());")
                .Close();
        }
        code.Close();
        foreach (var helper in helpers)
        {
            code.Line();
            helper(code);
        }
        code.Close();
        return new GeneratedProgram(name, code.ToString());
    }

    private string WriteFeatures(CodeWriter code, string name, int rows, int columns, List<Action<CodeWriter>> helpers)
    {
        if (Chance(0.3))
        {
            var inFactory = Chance(0.3);
            var matrix = WholeMatrix(code, name, rows, columns, needsNoStatements: inFactory);
            if (inFactory)
            {
                // A factory method: the values are made out of the training method's sight.
                helpers.Add(writer => writer.Line($"private static Tensor CreateFeatures() => {matrix};"));
                code.Line($"var {name} = CreateFeatures();");
            }
            else
            {
                code.Line($"var {name} = {matrix};");
            }
        }
        else if (columns == 1)
        {
            var column = Column(code, $"{name}Column", rows);
            code.Line($"var {name} = ({column}).{Pick($"reshape({rows}, 1)", "unsqueeze(1)", "view(-1, 1)", "reshape(-1, 1)")};");
        }
        else
        {
            var parts = Enumerable.Range(0, columns).Select(j => Column(code, $"{name}Column{j}", rows)).ToList();
            code.Line(Chance(0.5)
                ? $"var {name} = torch.stack(new[] {{ {string.Join(", ", parts)} }}, 1);"
                : $"var {name} = torch.cat(new[] {{ {string.Join(", ", parts.Select(p => $"({p}).reshape({rows}, 1)"))} }}, 1);");
        }

        switch (_random.Next(8))
        {
            case 0: code.Line($"{name} = {name} * {Float(Pick(0.5, 2, 10, 1000))};"); break;
            case 1: code.Line($"{name} = {name} + {Float(Pick(1, 100, 5000))};"); break;
            case 2:
                code.Line($"var {name}Shifted = {name} / {Pick("3", "1000", "0.5")} - {Float(Pick(1, 2))};");
                return name + "Shifted";
            case 3: code.Line($"{name} = {name}.narrow(0, 0, {rows}).to_type(ScalarType.Float32);"); break;
            case 4: code.Line($"{name} = {name}.index_select(0, torch.arange({rows}));"); break;
        }
        return name;
    }

    private string WholeMatrix(CodeWriter code, string name, int rows, int columns, bool needsNoStatements)
    {
        switch (_random.Next(needsNoStatements ? 3 : 4))
        {
            case 0: return $"torch.rand({rows}, {columns}) * {Float(Scale())} + {Float(Offset())}";
            case 1: return $"torch.randn({rows}, {columns}) * {Float(Scale())}";
            case 2:
                var literalRows = Enumerable.Range(0, rows).Select(_ => "{ " + string.Join(", ", Enumerable.Range(0, columns).Select(_ => Float(Value()))) + " }");
                return $"torch.tensor(new float[,] {{ {string.Join(", ", literalRows)} }})";
            default:
                code.Line($"var {name}Matrix = new float[{rows}, {columns}];")
                    .Open($"for (int row = 0; row < {rows}; row++)")
                    .Line($"for (int column = 0; column < {columns}; column++) {name}Matrix[row, column] = (float)(random.NextDouble() * {Double(Scale())});")
                    .Close();
                return $"torch.from_array({name}Matrix)";
        }
    }

    /// <summary>A one-dimensional float tensor of <paramref name="rows"/> values, with the statements it needs.</summary>
    private string Column(CodeWriter code, string name, int rows)
    {
        switch (_random.Next(8))
        {
            case 0: return $"torch.rand({rows}) * {Float(Scale())} + {Float(Offset())}";
            case 1: return $"torch.randn({rows}) * {Float(Scale())} + {Float(Offset())}";
            case 2:
                var low = Offset();
                return $"torch.linspace({Double(low)}, {Double(low + Scale())}, {rows})";
            case 3: return $"torch.arange(0, {rows}, dtype: ScalarType.Float32) * {Float(Pick(0.01, 1, 45))}";
            case 4:
                code.Line($"var {name}Values = new float[{rows}];")
                    .Line($"for (int i = 0; i < {name}Values.Length; i++) {name}Values[i] = (float)(random.NextDouble() * {Double(Scale())});");
                return Chance(0.5) ? $"torch.tensor({name}Values)" : $"torch.from_array({name}Values)";
            case 5:
                return $"torch.tensor(new float[] {{ {string.Join(", ", Enumerable.Range(0, rows).Select(_ => Float(Value())))} }})";
            case 6:
                code.Line($"var {name}Text = \"{string.Join(",", Enumerable.Range(0, rows).Select(_ => Value().ToString(System.Globalization.CultureInfo.InvariantCulture)))}\";")
                    .Line($"var {name}Parsed = {name}Text.Split(',').Select(value => float.Parse(value, CultureInfo.InvariantCulture)).ToArray();");
                return $"torch.tensor({name}Parsed)";
            default:
                code.Line($"var {name}List = new List<float>();")
                    .Line($"for (int i = 0; i < {rows}; i++) {name}List.Add((float)(random.NextDouble() * {Double(Scale())}));");
                return $"torch.tensor({name}List.ToArray())";
        }
    }

    private string WriteRegressionTarget(CodeWriter code, string name, string features, int rows, int columns)
    {
        switch (_random.Next(5))
        {
            case 0: code.Line($"var {name} = {features}.narrow(1, 0, 1) * {Float(Pick(1, 100, 2500))} + {Float(Offset())} + torch.randn({rows}, 1) * {Float(Pick(1, 10, 10000))};"); break;
            case 1: code.Line($"var {name} = torch.rand({rows}, 1) * {Float(Scale())};"); break;
            case 2: code.Line($"var {name} = torch.tensor(new float[] {{ {string.Join(", ", Enumerable.Range(0, rows).Select(_ => Float(Value())))} }}).reshape({rows}, 1);"); break;
            case 3:
                code.Line($"var {name}Values = new float[{rows}];")
                    .Line($"for (int i = 0; i < {rows}; i++) {name}Values[i] = (float)(random.NextDouble() * {Double(Scale())});")
                    .Line($"var {name} = torch.tensor({name}Values).reshape({rows}, 1);");
                break;
            default: code.Line($"var {name} = {features}.matmul(torch.ones({columns}, 1) * {Float(Pick(2, 300))});"); break;
        }
        return name;
    }

    private static string WriteClassLabels(CodeWriter code, string name, int rows, int classes)
    {
        code.Line($"var {name} = torch.randint(0, {classes}, new long[] {{ {rows} }});");
        return name;
    }

    /// <summary>A scaling step in one of the spellings users write; returns the variable that holds the scaled values.</summary>
    private string WriteScaling(CodeWriter code, string variable, bool isFeature)
    {
        var inPlace = Chance(0.5);
        var output = inPlace ? variable : variable + "Scaled";
        var assign = inPlace ? $"{output} =" : $"var {output} =";
        switch (_random.Next(isFeature ? 9 : 8))
        {
            case 0: code.Line($"{assign} ({variable} - {variable}.mean(new long[] {{ 0 }}, keepdim: true)) / {variable}.std(0, keepdim: true);"); break;
            case 1:
                code.Line($"var ({variable}Std, {variable}Mean) = torch.std_mean({variable}, 0, keepdim: true);")
                    .Line($"{assign} ({variable} - {variable}Mean) / {variable}Std;");
                break;
            case 2: code.Line($"{assign} ({variable} - {variable}.min()) / ({variable}.max() - {variable}.min());"); break;
            case 3:
                code.Line($"var ({variable}Min, {variable}Max) = {variable}.aminmax(0, keepdim: true);")
                    .Line($"{assign} ({variable} - {variable}Min) / ({variable}Max - {variable}Min);");
                break;
            case 4: code.Line($"{assign} {variable} / {Float(Pick(255, 5000, 1e5))};"); break;
            case 5:
                code.Line($"var {variable}Scaler = ScalingAnalyzer.Runtime.StandardScaler.Fit({variable});")
                    .Line($"{assign} {variable}Scaler.Transform({variable});");
                break;
            case 6:
                code.Line($"var {variable}Scaler = ScalingAnalyzer.Runtime.MinMaxScaler.Fit({variable});")
                    .Line($"{assign} {variable}Scaler.Transform({variable});");
                break;
            case 7: code.Line($"{assign} ({variable} - {variable}.mean()) / {variable}.var().sqrt();"); break;
            default: code.Line($"{assign} nn.functional.normalize({variable});"); break;
        }
        return output;
    }

    private string Model(int inputs, int outputs) => _random.Next(4) switch
    {
        0 => $"nn.Sequential((\"hidden\", nn.Linear({inputs}, 8)), (\"relu\", nn.ReLU()), (\"output\", nn.Linear(8, {outputs})))",
        1 => $"nn.Sequential((\"norm\", {Pick($"nn.BatchNorm1d({inputs})", $"nn.LayerNorm({inputs})")}), (\"output\", nn.Linear({inputs}, {outputs})))",
        _ => $"nn.Linear({inputs}, {outputs})",
    };

    private void WriteTraining(CodeWriter code, string features, string target, string epochBound, int rows, bool classification)
    {
        code.Line($"var optimizer = {Optimizer()};");
        var lossModule = classification ? "nn.CrossEntropyLoss()" : Chance(0.7) ? $"nn.{Pick(RegressionLossModules)}()" : null;
        if (lossModule is not null)
            code.Line($"var lossFunction = {lossModule};");

        const string epoch = "epoch";
        var loopKind = _random.Next(4);
        switch (loopKind)
        {
            case 0: code.Open($"for (int {epoch} = 0; {epoch} < {epochBound}; {epoch}++)"); break;
            case 1: code.Line($"var {epoch} = 0;").Open($"while ({epoch} < {epochBound})"); break;
            case 2: code.Open($"foreach (var {epoch} in Enumerable.Range(0, {epochBound}))"); break;
            default: code.Open($"for (var {epoch} = 0; {epoch} != {epochBound}; ++{epoch})"); break;
        }
        var featureBatch = features;
        var targetBatch = target;
        var miniBatches = Chance(0.35);
        var closure = Chance(0.15);
        if (miniBatches)
        {
            var batchSize = Pick(8, 16);
            if (Chance(0.4))
            {
                // torch.utils.data: the batches of a DataLoader over a TensorDataset, read by position.
                code.Open($"foreach (var batch in torch.utils.data.DataLoader(torch.utils.data.TensorDataset({features}, {target}), {batchSize}, shuffle: {(Chance(0.5) ? "true" : "false")}))")
                    .Line("var featureBatch = batch[0];")
                    .Line("var targetBatch = batch[1];");
            }
            else
            {
            code.Open($"for (long start = 0; start < {rows}; start += {batchSize})");
            if (Chance(0.5))
            {
                code.Line($"var count = Math.Min({batchSize}, {rows} - start);")
                    .Line($"var featureBatch = {features}.narrow(0, start, count);")
                    .Line($"var targetBatch = {target}.narrow(0, start, count);");
            }
            else
            {
                code.Line($"var featureBatch = {features}[TensorIndex.Slice(start, start + {batchSize})];")
                    .Line($"var targetBatch = {target}[TensorIndex.Slice(start, start + {batchSize})];");
            }
            }
            featureBatch = "featureBatch";
            targetBatch = "targetBatch";
        }
        if (Chance(0.3))
            code.Line("using var scope = torch.NewDisposeScope();");
        if (closure)
        {
            // optimizer.step(closure), as LBFGS needs: the closure is the training step.
            code.Open("optimizer.step(() =>");
        }
        code.Line("optimizer.zero_grad();");
        var call = Chance(0.5) ? "forward" : "call";
        Func<string, string> lossCall = lossModule is not null
            ? prediction => $"lossFunction.{Pick("forward", "call")}({prediction}, {targetBatch})"
            : prediction => $"nn.functional.{Pick(RegressionLossFunctions)}({prediction}, {targetBatch})";
        if (Chance(0.7))
        {
            code.Line($"var prediction = model.{call}({featureBatch});")
                .Line($"var loss = {lossCall("prediction")};");
        }
        else
        {
            code.Line($"var loss = {lossCall($"model.{call}({featureBatch})")};");
        }
        code.Line("loss.backward();");
        if (closure)
            code.Line("return loss;").Close("});");
        else
            code.Line("optimizer.step();");
        if (!closure && Chance(0.3))
            code.Line($"if ({epoch} % 50 == 0) Console.WriteLine($\"epoch {{{epoch}}}: loss {{loss.item<float>()}}\");");
        if (miniBatches)
            code.Close();
        if (loopKind == 1)
            code.Line($"{epoch}++;");
        code.Close();
    }

    private string Optimizer()
    {
        var learningRate = Pick<double?>(null, 0.001, 0.01, 0.1);
        if (Chance(0.2))
            return $"torch.optim.SGD(model.parameters(), {Double(learningRate ?? 0.01)})";
        var optimizer = Pick(AdaptiveOptimizers);
        return learningRate is { } lr
            ? $"torch.optim.{optimizer}(model.parameters(), lr: {Double(lr)})"
            : $"torch.optim.{optimizer}(model.parameters())";
    }

    private double Scale() => Pick(1, 4500, 1e5, 0.01, 255);

    private double Offset() => Pick(0, 500, -20, 1e4);

    private double Value() => Math.Round(_random.NextDouble() * Pick(1, 10, 5000), 2);

    private bool Chance(double probability) => _random.NextDouble() < probability;

    private T Pick<T>(params T[] choices) => choices[_random.Next(choices.Length)];
}
