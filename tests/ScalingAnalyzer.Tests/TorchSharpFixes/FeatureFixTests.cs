using ScalingAnalyzer.CodeFixes.Rules;

namespace ScalingAnalyzer.Tests.TorchSharpFixes;

/// <summary>SCALE001/SCALE004 fixes: what is inserted, where, and which uses change.</summary>
public class FeatureFixTests
{
    private const string FullBatch = """
        using TorchSharp;
        using static TorchSharp.torch;

        class Trainer
        {
            static void Train()
            {
                var x = torch.rand(100, 1) * 4500 + 500;
                var y = x * 100 + 20000;
                var model = nn.Linear(1, 1);
                var optimizer = torch.optim.Adam(model.parameters(), lr: 1e-3);
                var lossFunction = nn.MSELoss();

                // Full-batch training.
                for (int epoch = 0; epoch < 200; epoch++)
                {
                    optimizer.zero_grad();
                    var prediction = model.forward(/*SCALE001 Variable=x InsertBefore=loop*/{|SCALE001:x|});
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
                var y = x * 100 + 20000;
                var model = nn.Linear(1, 1);
                var optimizer = torch.optim.Adam(model.parameters(), lr: 1e-3);
                var lossFunction = nn.MSELoss();
                var xScaler = {{scaler}}.Fit(x);
                var xScaled = xScaler.Transform(x);

                // Full-batch training.
                for (int epoch = 0; epoch < 200; epoch++)
                {
                    optimizer.zero_grad();
                    var prediction = model.forward(/*SCALE001 Variable=x InsertBefore=loop*/xScaled);
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

    [Fact]
    public Task UnboundedFeatureGetsTheSameFix() => ScalingFixTest.RunAsync(
        FullBatch.Replace("SCALE001", "SCALE004"),
        FullBatchFixed("StandardScaler").Replace("SCALE001", "SCALE004"));

    [Fact]
    public Task MiniBatchIndexingKeepsTheIndexAndOtherUses() => ScalingFixTest.RunAsync("""
        using TorchSharp;
        using static TorchSharp.torch;

        class Trainer
        {
            static void Train(Tensor x, Tensor y)
            {
                var model = nn.Linear(1, 1);
                var optimizer = torch.optim.Adam(model.parameters(), lr: 1e-3);
                for (int epoch = 0; epoch < 200; epoch++)
                {
                    var permutation = torch.randperm(x.shape[0]);
                    for (long start = 0; start < x.shape[0]; start += 32)
                    {
                        var index = permutation.narrow(0, start, System.Math.Min(32, x.shape[0] - start));
                        var prediction = model.forward(/*SCALE001 Variable=x InsertBefore=loop*/{|SCALE001:x[index]|});
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
            static void Train(Tensor x, Tensor y)
            {
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
                        var prediction = model.forward(/*SCALE001 Variable=x InsertBefore=loop*/xScaled[index]);
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
            static void Train(Tensor features, Tensor y, Tensor batches)
            {
                var model = nn.Linear(3, 1);
                var optimizer = torch.optim.Adam(model.parameters());
                foreach (var batch in batches.split(32))
                {
                    var loss = nn.functional.mse_loss(model.call(/*SCALE004 Variable=features InsertBefore=loop*/{|SCALE004:features.index_select(0, batch)|}), y.index_select(0, batch));
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
            static void Train(Tensor features, Tensor y, Tensor batches)
            {
                var model = nn.Linear(3, 1);
                var optimizer = torch.optim.Adam(model.parameters());
                var featuresScaler = StandardScaler.Fit(features);
                var featuresScaled = featuresScaler.Transform(features);
                foreach (var batch in batches.split(32))
                {
                    var loss = nn.functional.mse_loss(model.call(/*SCALE004 Variable=features InsertBefore=loop*/featuresScaled.index_select(0, batch)), y.index_select(0, batch));
                    optimizer.zero_grad();
                    loss.backward();
                    optimizer.step();
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

            static void Train(Tensor X, Tensor y)
            {
                var xScaler = "taken";
                var model = nn.Linear(1, 1);
                var optimizer = torch.optim.Adam(model.parameters());
                for (int epoch = 0; epoch < 10; epoch++)
                {
                    var loss = nn.functional.mse_loss(model.forward(/*SCALE001 Variable=X InsertBefore=loop*/{|SCALE001:X|}), y);
                    optimizer.zero_grad();
                    loss.backward();
                    optimizer.step();
                }

                if (epochsLeft() > 0)
                {
                    var xScaler2 = 2;
                }
            }

            static int epochsLeft() => 0;
        }
        """, """
        using ScalingAnalyzer.Runtime;
        using TorchSharp;
        using static TorchSharp.torch;

        class Trainer
        {
            static Tensor xScaled = torch.zeros(1);

            static void Train(Tensor X, Tensor y)
            {
                var xScaler = "taken";
                var model = nn.Linear(1, 1);
                var optimizer = torch.optim.Adam(model.parameters());
                var xScaler3 = StandardScaler.Fit(X);
                var xScaled3 = xScaler3.Transform(X);
                for (int epoch = 0; epoch < 10; epoch++)
                {
                    var loss = nn.functional.mse_loss(model.forward(/*SCALE001 Variable=X InsertBefore=loop*/xScaled3), y);
                    optimizer.zero_grad();
                    loss.backward();
                    optimizer.step();
                }

                if (epochsLeft() > 0)
                {
                    var xScaler2 = 2;
                }
            }

            static int epochsLeft() => 0;
        }
        """);

    [Fact]
    public Task CommentsAndExistingUsingAreKept() => ScalingFixTest.RunAsync("""
        using ScalingAnalyzer.Runtime;
        using TorchSharp;
        using static TorchSharp.torch;

        class Trainer
        {
            static void Train(Tensor x, Tensor y)
            {
                var model = nn.Linear(1, 1); // one weight, one bias
                var optimizer = torch.optim.Adam(model.parameters());

                /* Adam: each step moves a parameter by about lr. */
                while (true)
                {
                    var prediction = model.forward( /*SCALE001 Variable=x InsertBefore=loop*/ {|SCALE001:x|} /* features */ );
                    var loss = nn.functional.mse_loss(prediction, y);
                    optimizer.zero_grad();
                    loss.backward();
                    optimizer.step();
                    if (loss.item<float>() < 1) break;
                }
            }
        }
        """, """
        using ScalingAnalyzer.Runtime;
        using TorchSharp;
        using static TorchSharp.torch;

        class Trainer
        {
            static void Train(Tensor x, Tensor y)
            {
                var model = nn.Linear(1, 1); // one weight, one bias
                var optimizer = torch.optim.Adam(model.parameters());
                var xScaler = StandardScaler.Fit(x);
                var xScaled = xScaler.Transform(x);

                /* Adam: each step moves a parameter by about lr. */
                while (true)
                {
                    var prediction = model.forward( /*SCALE001 Variable=x InsertBefore=loop*/ xScaled /* features */ );
                    var loss = nn.functional.mse_loss(prediction, y);
                    optimizer.zero_grad();
                    loss.backward();
                    optimizer.step();
                    if (loss.item<float>() < 1) break;
                }
            }
        }
        """);

    [Fact]
    public Task TopLevelStatements() => ScalingFixTest.RunAsync("""
        using TorchSharp;
        using static TorchSharp.torch;

        var x = torch.rand(100, 1) * 4500 + 500;
        var y = 100 * x + 20000;
        var model = nn.Linear(1, 1);
        var optimizer = torch.optim.Adam(model.parameters());
        for (int epoch = 0; epoch < 200; epoch++)
        {
            var loss = nn.functional.mse_loss(model.forward(/*SCALE001 Variable=x InsertBefore=loop*/{|SCALE001:x|}), y);
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
        var y = 100 * x + 20000;
        var model = nn.Linear(1, 1);
        var optimizer = torch.optim.Adam(model.parameters());
        var xScaler = StandardScaler.Fit(x);
        var xScaled = xScaler.Transform(x);
        for (int epoch = 0; epoch < 200; epoch++)
        {
            var loss = nn.functional.mse_loss(model.forward(/*SCALE001 Variable=x InsertBefore=loop*/xScaled), y);
            optimizer.zero_grad();
            loss.backward();
            optimizer.step();
        }
        System.Console.WriteLine(model.forward(x));
        """, topLevel: true);

    [Fact]
    public Task LoopInEmbeddedStatementIsPrecededAtTheEnclosingStatement() => ScalingFixTest.RunAsync("""
        using TorchSharp;
        using static TorchSharp.torch;

        class Trainer
        {
            static void Train(Tensor x, Tensor y, bool train)
            {
                var model = nn.Linear(1, 1);
                var optimizer = torch.optim.Adam(model.parameters());
                if (train)
                    for (int epoch = 0; epoch < 200; epoch++)
                    {
                        var loss = nn.functional.mse_loss(model.forward(/*SCALE001 Variable=x InsertBefore=loop*/{|SCALE001:x|}), y);
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
            static void Train(Tensor x, Tensor y, bool train)
            {
                var model = nn.Linear(1, 1);
                var optimizer = torch.optim.Adam(model.parameters());
                var xScaler = StandardScaler.Fit(x);
                var xScaled = xScaler.Transform(x);
                if (train)
                    for (int epoch = 0; epoch < 200; epoch++)
                    {
                        var loss = nn.functional.mse_loss(model.forward(/*SCALE001 Variable=x InsertBefore=loop*/xScaled), y);
                        optimizer.zero_grad();
                        loss.backward();
                        optimizer.step();
                    }
            }
        }
        """);
}
