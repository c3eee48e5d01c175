using ScalingAnalyzer.CodeFixes.Rules;

namespace ScalingAnalyzer.Tests.TorchSharpFixes;

/// <summary>SCALE001/SCALE004 fixes through the real analyzers: what is inserted, where, and which uses change.</summary>
public class FeatureFixTests
{
    /// <summary>The target is derived from the raw x and must stay so: only the training call's argument changes.</summary>
    private const string FullBatch = """
        using TorchSharp;
        using static TorchSharp.torch;

        class Trainer
        {
            static void Train()
            {
                var x = torch.rand(100, 1) * 4500 + 500;
                var y = (x - 500) / 4500 + torch.randn(100, 1) * 0.1;
                var model = nn.Linear(1, 1);
                var optimizer = torch.optim.Adam(model.parameters(), lr: 1e-3);
                var lossFunction = nn.MSELoss();

                // Full-batch training.
                for (int epoch = 0; epoch < 200; epoch++)
                {
                    optimizer.zero_grad();
                    var prediction = model.forward({|SCALE001:x|});
                    var loss = lossFunction.forward(prediction, y);
                    loss.backward();
                    optimizer.step();
                }
            }
        }
        """;

    private static string FullBatchFixed(string scaler) => $$"""
        using ScalingAnalyzer.Runtime;
        using TorchSharp;
        using static TorchSharp.torch;

        class Trainer
        {
            static void Train()
            {
                var x = torch.rand(100, 1) * 4500 + 500;
                var y = (x - 500) / 4500 + torch.randn(100, 1) * 0.1;
                var model = nn.Linear(1, 1);
                var optimizer = torch.optim.Adam(model.parameters(), lr: 1e-3);
                var lossFunction = nn.MSELoss();
                var xScaler = {{scaler}}.Fit(x);
                var xScaled = xScaler.Transform(x);

                // Full-batch training.
                for (int epoch = 0; epoch < 200; epoch++)
                {
                    optimizer.zero_grad();
                    var prediction = model.forward(xScaled);
                    var loss = lossFunction.forward(prediction, y);
                    loss.backward();
                    optimizer.step();
                }
            }
        }
        """;

    [Fact]
    public Task StandardizeIsTheDefaultFix() => ScalingFixTest.RunAsync(FullBatch, FullBatchFixed("StandardScaler"));

    [Fact]
    public Task StandardizeByEquivalenceKey() => ScalingFixTest.RunAsync(FullBatch, FullBatchFixed("StandardScaler"), UnscaledFeatureFixer.StandardizeEquivalenceKey);

    [Fact]
    public Task MinMaxScaleByEquivalenceKey() => ScalingFixTest.RunAsync(FullBatch, FullBatchFixed("MinMaxScaler"), UnscaledFeatureFixer.MinMaxScaleEquivalenceKey);

    private static string LocalFunctionTraining(string feature, string scalingSteps = "", string usings = "") => $$"""
        {{usings}}using TorchSharp;
        using static TorchSharp.torch;

        class Trainer
        {
            static void Run()
            {
                Train();

                void Train()
                {
                    var x = torch.rand(100, 1) * 4500 + 500;
                    var y = (x - 500) / 4500;
                    var model = nn.Linear(1, 1);
                    var optimizer = torch.optim.Adam(model.parameters(), lr: 1e-3);{{scalingSteps}}
                    for (int epoch = 0; epoch < 200; epoch++)
                    {
                        var loss = nn.functional.mse_loss(model.forward({{feature}}), y);
                        loss.backward();
                        optimizer.step();
                    }
                }
            }
        }
        """;

    /// <summary>A loop in a local function is fixed inside it: the scaler goes before the loop, in the function's block.</summary>
    [Fact]
    public Task LoopInALocalFunctionIsFixedInsideIt() => ScalingFixTest.RunAsync(
        LocalFunctionTraining("{|SCALE001:x|}"),
        LocalFunctionTraining("xScaled", """

                    var xScaler = StandardScaler.Fit(x);
                    var xScaled = xScaler.Transform(x);
        """, "using ScalingAnalyzer.Runtime;\n"));

    [Fact]
    public Task UnboundedRunTimeFeatureGetsTheSameFix() => ScalingFixTest.RunAsync("""
        using System.IO;
        using System.Linq;
        using TorchSharp;
        using static TorchSharp.torch;

        class Trainer
        {
            static void Train()
            {
                float[] sizes = File.ReadAllLines("houses.csv").Select(float.Parse).ToArray();
                var features = torch.tensor(sizes).reshape(-1, 1);
                var y = torch.rand(sizes.Length, 1);
                var model = nn.Linear(1, 1);
                var optimizer = torch.optim.Adam(model.parameters());
                for (int epoch = 0; epoch < 100; epoch++)
                {
                    var loss = nn.functional.mse_loss(model.call({|SCALE004:features|}), y);
                    optimizer.zero_grad();
                    loss.backward();
                    optimizer.step();
                }
            }
        }
        """, """
        using System.IO;
        using System.Linq;
        using ScalingAnalyzer.Runtime;
        using TorchSharp;
        using static TorchSharp.torch;

        class Trainer
        {
            static void Train()
            {
                float[] sizes = File.ReadAllLines("houses.csv").Select(float.Parse).ToArray();
                var features = torch.tensor(sizes).reshape(-1, 1);
                var y = torch.rand(sizes.Length, 1);
                var model = nn.Linear(1, 1);
                var optimizer = torch.optim.Adam(model.parameters());
                var featuresScaler = MinMaxScaler.Fit(features);
                var featuresScaled = featuresScaler.Transform(features);
                for (int epoch = 0; epoch < 100; epoch++)
                {
                    var loss = nn.functional.mse_loss(model.call(featuresScaled), y);
                    optimizer.zero_grad();
                    loss.backward();
                    optimizer.step();
                }
            }
        }
        """, UnscaledFeatureFixer.MinMaxScaleEquivalenceKey);

    [Fact]
    public Task MiniBatchIndexingKeepsTheIndexAndOtherUses() => ScalingFixTest.RunAsync("""
        using TorchSharp;
        using static TorchSharp.torch;

        class Trainer
        {
            static void Train()
            {
                var x = torch.rand(100, 1) * 4500 + 500;
                var y = torch.rand(100, 1);
                var model = nn.Linear(1, 1);
                var optimizer = torch.optim.Adam(model.parameters(), lr: 1e-3);
                for (int epoch = 0; epoch < 200; epoch++)
                {
                    var permutation = torch.randperm(x.shape[0]);
                    for (long start = 0; start < x.shape[0]; start += 32)
                    {
                        var index = permutation.narrow(0, start, System.Math.Min(32, x.shape[0] - start));
                        var prediction = model.forward({|SCALE001:x[index]|});
                        var loss = nn.functional.mse_loss(prediction, y[index]);
                        optimizer.zero_grad();
                        loss.backward();
                        optimizer.step();
                    }
                }
            }
        }
        """, """
        using ScalingAnalyzer.Runtime;
        using TorchSharp;
        using static TorchSharp.torch;

        class Trainer
        {
            static void Train()
            {
                var x = torch.rand(100, 1) * 4500 + 500;
                var y = torch.rand(100, 1);
                var model = nn.Linear(1, 1);
                var optimizer = torch.optim.Adam(model.parameters(), lr: 1e-3);
                var xScaler = StandardScaler.Fit(x);
                var xScaled = xScaler.Transform(x);
                for (int epoch = 0; epoch < 200; epoch++)
                {
                    var permutation = torch.randperm(x.shape[0]);
                    for (long start = 0; start < x.shape[0]; start += 32)
                    {
                        var index = permutation.narrow(0, start, System.Math.Min(32, x.shape[0] - start));
                        var prediction = model.forward(xScaled[index]);
                        var loss = nn.functional.mse_loss(prediction, y[index]);
                        optimizer.zero_grad();
                        loss.backward();
                        optimizer.step();
                    }
                }
            }
        }
        """);

    [Fact]
    public Task IndexSelectReceiverIsReplaced() => ScalingFixTest.RunAsync("""
        using TorchSharp;
        using static TorchSharp.torch;

        class Trainer
        {
            static void Train()
            {
                var features = torch.cat(new[] { torch.rand(64, 1) * 4500 + 500, torch.rand(64, 2) }, 1);
                var y = torch.rand(64, 1);
                var model = nn.Linear(3, 1);
                var optimizer = torch.optim.Adam(model.parameters());
                for (int epoch = 0; epoch < 10; epoch++)
                {
                    foreach (var batch in torch.randperm(64).split(32))
                    {
                        var loss = nn.functional.mse_loss(model.call({|SCALE001:features.index_select(0, batch)|}), y.index_select(0, batch));
                        optimizer.zero_grad();
                        loss.backward();
                        optimizer.step();
                    }
                }
            }
        }
        """, """
        using ScalingAnalyzer.Runtime;
        using TorchSharp;
        using static TorchSharp.torch;

        class Trainer
        {
            static void Train()
            {
                var features = torch.cat(new[] { torch.rand(64, 1) * 4500 + 500, torch.rand(64, 2) }, 1);
                var y = torch.rand(64, 1);
                var model = nn.Linear(3, 1);
                var optimizer = torch.optim.Adam(model.parameters());
                var featuresScaler = StandardScaler.Fit(features);
                var featuresScaled = featuresScaler.Transform(features);
                for (int epoch = 0; epoch < 10; epoch++)
                {
                    foreach (var batch in torch.randperm(64).split(32))
                    {
                        var loss = nn.functional.mse_loss(model.call(featuresScaled.index_select(0, batch)), y.index_select(0, batch));
                        optimizer.zero_grad();
                        loss.backward();
                        optimizer.step();
                    }
                }
            }
        }
        """);

    [Fact]
    public Task NamesNeverCollide() => ScalingFixTest.RunAsync("""
        using TorchSharp;
        using static TorchSharp.torch;

        class Trainer
        {
            static Tensor xScaled = torch.zeros(1);

            static void Train()
            {
                var X = torch.rand(100, 1) * 4500 + 500;
                var y = torch.rand(100, 1);
                var xScaler = "taken";
                var model = nn.Linear(1, 1);
                var optimizer = torch.optim.Adam(model.parameters());
                for (int epoch = 0; epoch < 1000; epoch++)
                {
                    var loss = nn.functional.mse_loss(model.forward({|SCALE001:X|}), y);
                    optimizer.zero_grad();
                    loss.backward();
                    optimizer.step();
                }

                if (EpochsLeft() > 0)
                {
                    var xScaler2 = 2;
                }
            }

            static int EpochsLeft() => 0;
        }
        """, """
        using ScalingAnalyzer.Runtime;
        using TorchSharp;
        using static TorchSharp.torch;

        class Trainer
        {
            static Tensor xScaled = torch.zeros(1);

            static void Train()
            {
                var X = torch.rand(100, 1) * 4500 + 500;
                var y = torch.rand(100, 1);
                var xScaler = "taken";
                var model = nn.Linear(1, 1);
                var optimizer = torch.optim.Adam(model.parameters());
                var xScaler3 = StandardScaler.Fit(X);
                var xScaled3 = xScaler3.Transform(X);
                for (int epoch = 0; epoch < 1000; epoch++)
                {
                    var loss = nn.functional.mse_loss(model.forward(xScaled3), y);
                    optimizer.zero_grad();
                    loss.backward();
                    optimizer.step();
                }

                if (EpochsLeft() > 0)
                {
                    var xScaler2 = 2;
                }
            }

            static int EpochsLeft() => 0;
        }
        """);

    [Fact]
    public Task CommentsAndAnExistingUsingAreKept() => ScalingFixTest.RunAsync("""
        using ScalingAnalyzer.Runtime;
        using TorchSharp;
        using static TorchSharp.torch;

        class Trainer
        {
            static void Train()
            {
                var x = torch.rand(100, 1) * 4500 + 500; // square feet
                var y = torch.rand(100, 1);
                var model = nn.Linear(1, 1); // one weight, one bias
                var optimizer = torch.optim.Adam(model.parameters());

                /* Adam: each step moves a parameter by about lr. */
                for (int epoch = 0; epoch < 100; epoch++)
                {
                    var prediction = model.forward( /* raw */ {|SCALE001:x|} /* features */ );
                    var loss = nn.functional.mse_loss(prediction, y);
                    optimizer.zero_grad();
                    loss.backward();
                    optimizer.step();
                }
            }
        }
        """, """
        using ScalingAnalyzer.Runtime;
        using TorchSharp;
        using static TorchSharp.torch;

        class Trainer
        {
            static void Train()
            {
                var x = torch.rand(100, 1) * 4500 + 500; // square feet
                var y = torch.rand(100, 1);
                var model = nn.Linear(1, 1); // one weight, one bias
                var optimizer = torch.optim.Adam(model.parameters());
                var xScaler = StandardScaler.Fit(x);
                var xScaled = xScaler.Transform(x);

                /* Adam: each step moves a parameter by about lr. */
                for (int epoch = 0; epoch < 100; epoch++)
                {
                    var prediction = model.forward( /* raw */ xScaled /* features */ );
                    var loss = nn.functional.mse_loss(prediction, y);
                    optimizer.zero_grad();
                    loss.backward();
                    optimizer.step();
                }
            }
        }
        """);

    [Fact]
    public Task TopLevelStatements() => ScalingFixTest.RunAsync("""
        using TorchSharp;
        using static TorchSharp.torch;

        var x = torch.rand(100, 1) * 4500 + 500;
        var y = torch.rand(100, 1);
        var model = nn.Linear(1, 1);
        var optimizer = torch.optim.Adam(model.parameters());
        for (int epoch = 0; epoch < 200; epoch++)
        {
            var loss = nn.functional.mse_loss(model.forward({|SCALE001:x|}), y);
            optimizer.zero_grad();
            loss.backward();
            optimizer.step();
        }
        System.Console.WriteLine(model.forward(x));
        """, """
        using ScalingAnalyzer.Runtime;
        using TorchSharp;
        using static TorchSharp.torch;

        var x = torch.rand(100, 1) * 4500 + 500;
        var y = torch.rand(100, 1);
        var model = nn.Linear(1, 1);
        var optimizer = torch.optim.Adam(model.parameters());
        var xScaler = StandardScaler.Fit(x);
        var xScaled = xScaler.Transform(x);
        for (int epoch = 0; epoch < 200; epoch++)
        {
            var loss = nn.functional.mse_loss(model.forward(xScaled), y);
            optimizer.zero_grad();
            loss.backward();
            optimizer.step();
        }
        System.Console.WriteLine(model.forward(x));
        """, topLevel: true);

    [Fact]
    public Task LoopInAnEmbeddedStatementIsPrecededAtTheEnclosingStatement() => ScalingFixTest.RunAsync("""
        using TorchSharp;
        using static TorchSharp.torch;

        class Trainer
        {
            static void Train(bool train)
            {
                var x = torch.rand(100, 1) * 4500 + 500;
                var y = torch.rand(100, 1);
                var model = nn.Linear(1, 1);
                var optimizer = torch.optim.Adam(model.parameters());
                if (train)
                    for (int epoch = 0; epoch < 200; epoch++)
                    {
                        var loss = nn.functional.mse_loss(model.forward({|SCALE001:x|}), y);
                        optimizer.zero_grad();
                        loss.backward();
                        optimizer.step();
                    }
            }
        }
        """, """
        using ScalingAnalyzer.Runtime;
        using TorchSharp;
        using static TorchSharp.torch;

        class Trainer
        {
            static void Train(bool train)
            {
                var x = torch.rand(100, 1) * 4500 + 500;
                var y = torch.rand(100, 1);
                var model = nn.Linear(1, 1);
                var optimizer = torch.optim.Adam(model.parameters());
                var xScaler = StandardScaler.Fit(x);
                var xScaled = xScaler.Transform(x);
                if (train)
                    for (int epoch = 0; epoch < 200; epoch++)
                    {
                        var loss = nn.functional.mse_loss(model.forward(xScaled), y);
                        optimizer.zero_grad();
                        loss.backward();
                        optimizer.step();
                    }
            }
        }
        """);

    private static string SplitBatches(string data, string pieces, string target = "yb") => $$"""
        using TorchSharp;
        using static TorchSharp.torch;

        class Trainer
        {
            static void Train()
            {
                var x = torch.rand(128, 1) * 4500 + 500;
                var y = (x - 500) / 4500;
                var model = nn.Linear(1, 1);
                var optimizer = torch.optim.Adam(model.parameters(), lr: 1e-3);{{data}}
                for (int epoch = 0; epoch < 200; epoch++)
                {
                    var targets = y.split(32);
                    var i = 0;
                    foreach (var batch in {{pieces}})
                    {
                        var yb = targets[i++];
                        optimizer.zero_grad();
                        var loss = nn.functional.mse_loss(model.forward({|SCALE001:batch|}), {{target}});
                        loss.backward();
                        optimizer.step();
                    }
                }
            }
        }
        """;

    /// <summary>foreach over x.split(32): x is scaled before the loops and the loop walks the pieces of the scaled copy.</summary>
    [Fact]
    public Task BatchesFromSplitAreFixedAtTheSplitTensor() => ScalingFixTest.RunAsync(
        SplitBatches("", "x.split(32)"),
        "using ScalingAnalyzer.Runtime;\n" + SplitBatches("""

                var xScaler = StandardScaler.Fit(x);
                var xScaled = xScaler.Transform(x);
        """, "xScaled.split(32)").Replace("{|SCALE001:batch|}", "batch"));

    /// <summary>The batch also feeds the target: scaling x would change the target too, so no fix is offered.</summary>
    [Fact]
    public Task BatchesReadTwiceGetNoFix() => ScalingFixTest.RunAsync(
        SplitBatches("", "x.split(32)", target: "batch / 4500"),
        SplitBatches("", "x.split(32)", target: "batch / 4500"),
        fixAllIterations: 0);
}
