using System.Globalization;

namespace ScalingAnalyzer.Benchmarks.AnalyzerOverhead;

/// <summary>
/// TorchSharp training programs of the kinds users write: regression and classification loops, full-batch and
/// mini-batch, Adam and SGD, a Linear layer or a small Sequential, a custom module, helper methods, and data
/// preparation with no training at all. The scaling step varies: none (the rules fire), standardization,
/// min-max, or BatchNorm first (the rules stay silent).
/// </summary>
internal static class TorchSharpSources
{
    private static readonly string[] Preparations = ["none", "standardize", "minmax", "none", "standardize"];

    public static string Create(int index, Random random) => (index % 5) switch
    {
        0 => RegressionLoop(index, random),
        1 => ClassificationWithCustomModule(index, random),
        2 => HelperMethods(index, random),
        3 => DataPreparation(index, random),
        _ => MiniBatchSequential(index, random),
    };

    private static string F(double value) => value.ToString("0.0###", CultureInfo.InvariantCulture);

    private static string Scale(string name, string kind) => kind switch
    {
        "standardize" => $"({name} - {name}.mean(new long[] {{ 0 }}, true)) / {name}.std(0, true, true)",
        "minmax" => $"({name} - {name}.min()) / ({name}.max() - {name}.min())",
        _ => name,
    };

    private static string RegressionLoop(int index, Random random)
    {
        var features = random.Next(1, 9);
        var rows = random.Next(50, 2000);
        var spread = F(Math.Pow(10, random.Next(0, 4)));
        var offset = F(random.Next(0, 1000));
        var preparation = Preparations[random.Next(Preparations.Length)];
        var targetScaled = random.Next(2) == 0;
        var optimizer = random.Next(2) == 0 ? "torch.optim.Adam(model.parameters(), lr: 1e-3)" : "torch.optim.SGD(model.parameters(), 0.01)";
        var epochs = random.Next(10, 500);
        return $$"""
            using System;
            using TorchSharp;
            using static TorchSharp.torch;

            namespace Generated.Training{{index}};

            public static class RegressionExperiment{{index}}
            {
                public static float Run()
                {
                    torch.random.manual_seed({{index}});
                    var x = torch.rand({{rows}}, {{features}}) * {{spread}} + {{offset}};
                    var weights = torch.randn({{features}}, 1);
                    var y = x.matmul(weights) + torch.randn({{rows}}, 1) * 0.5;
                    var features = {{Scale("x", preparation)}};
                    var target = {{(targetScaled ? Scale("y", "standardize") : "y")}};
                    var model = nn.Linear({{features}}, 1);
                    var lossFunction = nn.MSELoss();
                    var optimizer = {{optimizer}};
                    float last = 0;
                    for (int epoch = 0; epoch < {{epochs}}; epoch++)
                    {
                        optimizer.zero_grad();
                        var prediction = model.forward(features);
                        var loss = lossFunction.forward(prediction, target);
                        loss.backward();
                        optimizer.step();
                        last = loss.item<float>();
                        if (epoch % 50 == 0) Console.WriteLine($"epoch {epoch}: {last}");
                    }
                    return last;
                }

                public static Tensor Summarize(Tensor values)
                {
                    var mean = values.mean();
                    var spread = values.max() - values.min();
                    return torch.stack(new[] { mean, spread });
                }
            }
            """;
    }

    private static string ClassificationWithCustomModule(int index, Random random)
    {
        var features = random.Next(2, 12);
        var hidden = random.Next(8, 64);
        var classes = random.Next(2, 6);
        var rows = random.Next(100, 5000);
        var normalizeFirst = random.Next(3) == 0;
        var preparation = Preparations[random.Next(Preparations.Length)];
        var scaleFactor = F(Math.Pow(10, random.Next(0, 4)));
        return $$"""
            using System;
            using System.Linq;
            using TorchSharp;
            using TorchSharp.Modules;
            using static TorchSharp.torch;

            namespace Generated.Training{{index}};

            public sealed class Classifier{{index}} : nn.Module<Tensor, Tensor>
            {
                private readonly nn.Module<Tensor, Tensor> _input;
                private readonly nn.Module<Tensor, Tensor> _hidden;
                private readonly nn.Module<Tensor, Tensor> _output;

                public Classifier{{index}}() : base(nameof(Classifier{{index}}))
                {
                    _input = {{(normalizeFirst ? $"nn.BatchNorm1d({features})" : "nn.Identity()")}};
                    _hidden = nn.Linear({{features}}, {{hidden}});
                    _output = nn.Linear({{hidden}}, {{classes}});
                    RegisterComponents();
                }

                public override Tensor forward(Tensor input)
                {
                    var normalized = _input.forward(input);
                    return _output.forward(nn.functional.relu(_hidden.forward(normalized)));
                }
            }

            public static class ClassificationExperiment{{index}}
            {
                public static double Accuracy(float[] raw)
                {
                    var rows = raw.Length / {{features}};
                    var x = torch.tensor(raw).reshape(rows, {{features}}) * {{scaleFactor}};
                    var labels = torch.randint(0, {{classes}}, new long[] { rows }, dtype: ScalarType.Int64);
                    var inputs = {{Scale("x", preparation)}};
                    var model = new Classifier{{index}}();
                    var criterion = nn.CrossEntropyLoss();
                    var optimizer = torch.optim.Adam(model.parameters(), lr: 0.005);
                    for (int epoch = 0; epoch < {{random.Next(20, 300)}}; epoch++)
                    {
                        optimizer.zero_grad();
                        var logits = model.forward(inputs);
                        var loss = criterion.forward(logits, labels);
                        loss.backward();
                        optimizer.step();
                    }
                    using var noGrad = torch.no_grad();
                    var predicted = model.forward(inputs).argmax(1);
                    return predicted.eq(labels).to(ScalarType.Float32).mean().item<float>();
                }

                public static float[] Synthetic(int rows)
                {
                    var generator = new Random({{index}});
                    return Enumerable.Range(0, rows * {{features}}).Select(_ => (float)generator.NextDouble() * {{rows}}).ToArray();
                }
            }
            """;
    }

    private static string HelperMethods(int index, Random random)
    {
        var features = random.Next(1, 6);
        var preparation = Preparations[random.Next(Preparations.Length)];
        var spread = F(Math.Pow(10, random.Next(0, 4)));
        return $$"""
            using System;
            using System.Collections.Generic;
            using TorchSharp;
            using static TorchSharp.torch;

            namespace Generated.Training{{index}};

            public static class TrainingHelpers{{index}}
            {
                public static Tensor Prepare(Tensor raw) => {{Scale("raw", preparation)}};

                public static List<float> Train(nn.Module<Tensor, Tensor> model, Tensor inputs, Tensor targets, int epochs, double learningRate)
                {
                    var history = new List<float>();
                    var optimizer = torch.optim.SGD(model.parameters(), learningRate);
                    var lossFunction = nn.L1Loss();
                    for (var epoch = 0; epoch < epochs; epoch++)
                    {
                        optimizer.zero_grad();
                        var loss = lossFunction.forward(model.forward(inputs), targets);
                        loss.backward();
                        optimizer.step();
                        history.Add(loss.item<float>());
                    }
                    return history;
                }

                public static float Experiment()
                {
                    var raw = torch.linspace(0, {{spread}}, 400 * {{features}}).reshape(400, {{features}});
                    var inputs = Prepare(raw);
                    var targets = raw.sum(1, true) * 2 + 1;
                    var model = nn.Sequential(("linear", nn.Linear({{features}}, 1)));
                    var history = Train(model, inputs, targets, {{random.Next(10, 200)}}, {{F(random.Next(1, 10) / 1000.0)}});
                    return history[^1];
                }
            }
            """;
    }

    private static string DataPreparation(int index, Random random)
    {
        var columns = random.Next(2, 10);
        return $$"""
            using System;
            using System.Linq;
            using TorchSharp;
            using static TorchSharp.torch;

            namespace Generated.Training{{index}};

            public static class FeatureTable{{index}}
            {
                public static Tensor Build(double[][] records)
                {
                    var columns = Enumerable.Range(0, {{columns}})
                        .Select(c => torch.tensor(records.Select(r => r[c % r.Length]).ToArray()))
                        .ToArray();
                    var table = torch.stack(columns, 1);
                    var centered = table - table.mean(new long[] { 0 });
                    return torch.cat(new[] { table, centered.abs() }, 1);
                }

                public static (Tensor Train, Tensor Test) Split(Tensor table, double fraction)
                {
                    var rows = table.shape[0];
                    var trainRows = (long)(rows * fraction);
                    var order = torch.randperm(rows);
                    var shuffled = table.index_select(0, order);
                    return (shuffled.narrow(0, 0, trainRows), shuffled.narrow(0, trainRows, rows - trainRows));
                }

                public static Tensor Window(Tensor series, int width)
                {
                    var windows = series.unfold(0, width, 1);
                    return windows.mean(new long[] { 1 }) * {{F(random.Next(1, 100))}};
                }
            }
            """;
    }

    private static string MiniBatchSequential(int index, Random random)
    {
        var features = random.Next(1, 10);
        var hidden = random.Next(4, 32);
        var rows = random.Next(200, 4000);
        var batch = random.Next(16, 128);
        var preparation = Preparations[random.Next(Preparations.Length)];
        var spread = F(Math.Pow(10, random.Next(0, 4)));
        var normalizeFirst = random.Next(4) == 0;
        var first = normalizeFirst ? $"(\"norm\", nn.BatchNorm1d({features})), " : "";
        return $$"""
            using System;
            using TorchSharp;
            using static TorchSharp.torch;

            namespace Generated.Training{{index}};

            public static class MiniBatchExperiment{{index}}
            {
                public static void Run()
                {
                    var x = torch.rand({{rows}}, {{features}}) * {{spread}};
                    var y = x.sum(1, true) * {{F(random.Next(1, 50))}} + torch.randn({{rows}}, 1);
                    var inputs = {{Scale("x", preparation)}};
                    var targets = {{Scale("y", random.Next(2) == 0 ? "standardize" : "none")}};
                    var model = nn.Sequential({{first}}("hidden", nn.Linear({{features}}, {{hidden}})), ("act", nn.Tanh()), ("out", nn.Linear({{hidden}}, 1)));
                    var optimizer = torch.optim.Adam(model.parameters(), lr: {{F(random.Next(1, 20) / 1000.0)}});
                    var lossFunction = nn.MSELoss();
                    const int batchSize = {{batch}};
                    for (int epoch = 0; epoch < {{random.Next(5, 100)}}; epoch++)
                    {
                        for (long start = 0; start < {{rows}}; start += batchSize)
                        {
                            var length = Math.Min(batchSize, {{rows}} - start);
                            optimizer.zero_grad();
                            var prediction = model.forward(inputs.narrow(0, start, length));
                            var loss = lossFunction.forward(prediction, targets.narrow(0, start, length));
                            loss.backward();
                            optimizer.step();
                        }
                    }
                }
            }
            """;
    }
}
