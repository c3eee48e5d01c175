using System.Text;

namespace ScalingAnalyzer.Tests.Reliability.Generation;

/// <summary>
/// TorchSharp training methods far beyond what people write, each still a valid training context so the analyzers
/// do their full work on them: thousands of chained tensor statements, thousands of tensor locals feeding each
/// other, one expression nested hundreds deep, and hundreds of nested loops around the training step.
/// Shared with benchmarks/ScalingAnalyzer.Benchmarks (PathologicalInputBenchmarks) through a linked file.
/// </summary>
public static class PathologicalPrograms
{
    /// <summary><paramref name="statements"/> reassignments of one feature tensor, cycling through value-keeping and arithmetic operations.</summary>
    public static string ChainedStatements(int statements)
    {
        string[] operations = { "x = x * 1.001f;", "x = x + 0.5f;", "x = x.reshape(64, 1);", "x = x - 0.25f;", "x = x / 1.001f;", "x = x.view(-1, 1);" };
        var body = new StringBuilder("var x = torch.rand(64, 1) * 4500f + 500f;\n");
        for (var i = 0; i < statements; i++)
            body.Append(operations[i % operations.Length]).Append('\n');
        return Program(nameof(ChainedStatements), body.ToString(), "x");
    }

    /// <summary><paramref name="locals"/> tensor locals, each computed from the previous two: a wide data-flow graph.</summary>
    public static string ManyLocals(int locals)
    {
        var body = new StringBuilder("var t0 = torch.rand(64, 1) * 4500f + 500f;\nvar t1 = torch.randn(64, 1) * 10f;\n");
        for (var i = 2; i < locals; i++)
            body.Append($"var t{i} = t{i - 1} * 0.5f + t{i - 2} * 0.5f;\n");
        return Program(nameof(ManyLocals), body.ToString(), $"t{locals - 1}");
    }

    /// <summary>One expression with arithmetic nested <paramref name="depth"/> parentheses deep, then a receiver chain as deep.</summary>
    public static string DeeplyNestedExpression(int depth)
    {
        var expression = new StringBuilder();
        expression.Append('(', depth).Append("torch.rand(64, 1) * 4500f");
        for (var i = 0; i < depth; i++)
            expression.Append(i % 2 == 0 ? " + 1f)" : " * 1.001f)");
        var chain = new StringBuilder("features");
        for (var i = 0; i < depth; i++)
            chain.Append(i % 2 == 0 ? ".reshape(64, 1)" : ".view(-1, 1)");
        return Program(nameof(DeeplyNestedExpression), $"var features = {expression};\nvar x = {chain};\n", "x");
    }

    /// <summary>The training step inside <paramref name="depth"/> nested loops with constant bounds.</summary>
    public static string NestedLoops(int depth)
    {
        var open = new StringBuilder();
        var close = new StringBuilder();
        for (var i = 0; i < depth; i++)
        {
            open.Append($"for (int i{i} = 0; i{i} < 2; i{i}++)\n{{\n");
            close.Append("}\n");
        }
        var source = $$"""
            using TorchSharp;
            using static TorchSharp.torch;

            namespace Pathological.{{nameof(NestedLoops)}};

            public static class TrainingProgram
            {
                public static void Main()
                {
                    var x = torch.rand(64, 1) * 4500f + 500f;
                    var y = x * 100f + 20000f;
                    var model = nn.Linear(1, 1);
                    var optimizer = torch.optim.Adam(model.parameters(), lr: 0.001);
                    var lossFunction = nn.MSELoss();
            {{open}}
                    optimizer.zero_grad();
                    var loss = lossFunction.forward(model.forward(x), y);
                    loss.backward();
                    optimizer.step();
                    x = x * 1.001f;
            {{close}}
                }
            }
            """;
        return source;
    }

    /// <summary>
    /// <paramref name="methods"/> data methods calling one another in a ring (and each also itself), the training
    /// loop reading the first: every call chain meets a cycle, which the summaries treat as unknown.
    /// </summary>
    public static string CyclicCallGraph(int methods)
    {
        var members = new StringBuilder();
        for (var i = 0; i < methods; i++)
        {
            var next = (i + 1) % methods;
            members.Append($"static Tensor Load{i}(int n) => n <= 0 ? torch.rand(64, 1) * 4500f : (n % 2 == 0 ? Load{next}(n - 1) : Load{i}(n - 1) + Load{next}(n - 2));\n");
        }
        return ProgramWithMembers(nameof(CyclicCallGraph), "var x = Load0(10);\n", "x", members.ToString());
    }

    /// <summary>A chain of <paramref name="methods"/> loaders, each returning the next one's data: far past the depth limit.</summary>
    public static string DeepCallChain(int methods)
    {
        var members = new StringBuilder();
        for (var i = 0; i < methods - 1; i++)
            members.Append($"static (Tensor, Tensor) Load{i}(float scale) {{ var (a, b) = Load{i + 1}(scale * 1.01f); return (a * 1.001f, b); }}\n");
        members.Append($"static (Tensor, Tensor) Load{methods - 1}(float scale) => (torch.rand(64, 1) * scale, torch.rand(64, 1));\n");
        return ProgramWithMembers(nameof(DeepCallChain), "var (x, unused) = Load0(4500f);\n", "x", members.ToString());
    }

    /// <summary>A helper of <paramref name="statements"/> statements, called from inside nested loops around the training step.</summary>
    public static string HugeHelperInLoops(int statements)
    {
        var helper = new StringBuilder("static Tensor Prepare(Tensor t, float[] buffer)\n{\nvar x = t;\n");
        for (var i = 0; i < statements; i++)
            helper.Append(i % 3 == 0 ? "x = x * 1.001f;\n" : i % 3 == 1 ? $"buffer[{i % 7}] = {i}f;\n" : "x = x.reshape(64, 1) + buffer.Select(v => v / 2f).Sum();\n");
        helper.Append("return x;\n}\n");
        var loops = "var buffer = new float[8];\nvar x = torch.rand(64, 1) * 4500f;\nfor (int a = 0; a < 3; a++)\nfor (int b = 0; b < 3; b++)\nfor (int c = 0; c < 3; c++)\nx = Prepare(x, buffer);\n";
        return ProgramWithMembers(nameof(HugeHelperInLoops), loops, "x", helper.ToString());
    }

    /// <summary>The shapes at the sizes the reliability tests use.</summary>
    public static IReadOnlyList<(string Name, string Source)> All()
        => new[]
        {
            ($"{nameof(ChainedStatements)}(5000)", ChainedStatements(5000)),
            ($"{nameof(ManyLocals)}(1000)", ManyLocals(1000)),
            ($"{nameof(DeeplyNestedExpression)}(500)", DeeplyNestedExpression(500)),
            ($"{nameof(NestedLoops)}(200)", NestedLoops(200)),
            ($"{nameof(CyclicCallGraph)}(50)", CyclicCallGraph(50)),
            ($"{nameof(DeepCallChain)}(300)", DeepCallChain(300)),
            ($"{nameof(HugeHelperInLoops)}(3000)", HugeHelperInLoops(3000)),
        };

    private static string Program(string name, string featureStatements, string features) => ProgramWithMembers(name, featureStatements, features, "");

    private static string ProgramWithMembers(string name, string featureStatements, string features, string members) => $$"""
        using System.Linq;
        using TorchSharp;
        using static TorchSharp.torch;

        namespace Pathological.{{name}};

        public static class TrainingProgram
        {
            public static void Main()
            {
        {{featureStatements}}
                var y = torch.rand(64, 1) * 500000f;
                var model = nn.Linear(1, 1);
                var optimizer = torch.optim.Adam(model.parameters(), lr: 0.001);
                var lossFunction = nn.MSELoss();
                for (int epoch = 0; epoch < 200; epoch++)
                {
                    optimizer.zero_grad();
                    var loss = lossFunction.forward(model.forward({{features}}), y);
                    loss.backward();
                    optimizer.step();
                }
            }
        {{members}}
        }
        """;
}
