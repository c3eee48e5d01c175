using System.Collections.Immutable;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using Xunit.Abstractions;

namespace ScalingAnalyzer.Tests.Reliability;

/// <summary>
/// Data files the code reads that are empty, binary, huge, ragged, malformed or not UTF-8, and call graphs that
/// cycle (helpers that return each other's data, recursive generators): every shipped analyzer finishes without an
/// exception, and reports the same diagnostics run after run, sequentially or concurrently.
/// </summary>
public class DataFileReliabilityTests
{
    private readonly ITestOutputHelper output;

    public DataFileReliabilityTests(ITestOutputHelper output) => this.output = output;

    /// <summary>One program reads every file through every route the data-file layer follows.</summary>
    private const string Program = """
        using System;
        using System.Collections.Generic;
        using System.IO;
        using System.Linq;
        using Microsoft.ML;
        using Microsoft.ML.Data;

        public class Row
        {
            [LoadColumn(0)] public float A { get; set; }
            [LoadColumn(1, 3), VectorType(3)] public float[] B { get; set; }
            [LoadColumn(new[] { 4, 9000 })] public float[] C { get; set; }
        }

        internal static class Program
        {
            private static readonly string[] Names = { "empty.csv", "binary.csv", "huge.csv", "ragged.csv", "malformed.csv", "latin1.csv", "wide.csv", "missing.csv" };

            private static void Main()
            {
                var ml = new MLContext();
                foreach (var name in Names) Train(ml, name);
                TrainEach(ml, ml.Data.LoadFromTextFile<Row>(Path.Combine(AppContext.BaseDirectory, "Data", "empty.csv"), hasHeader: true, separatorChar: ','));
                TrainEach(ml, ml.Data.LoadFromTextFile<Row>("Data/binary.csv", separatorChar: ','));
                TrainEach(ml, ml.Data.CreateTextLoader<Row>(separatorChar: ';', hasHeader: true).Load("Data/huge.csv"));
                TrainEach(ml, ml.Data.LoadFromTextFile<Row>($"{Folder()}/ragged.csv", hasHeader: true, separatorChar: ','));
                TrainEach(ml, ml.Data.LoadFromTextFile<Row>("malformed.csv", allowQuoting: true, separatorChar: ','));
                TrainEach(ml, ml.Data.LoadFromTextFile<Row>("Data/latin1.csv", separatorChar: ','));
                TrainEach(ml, ml.Data.LoadFromTextFile<Row>("Data/wide.csv", separatorChar: ','));
                TrainEach(ml, ml.Data.LoadFromTextFile<Row>(Ping(3), separatorChar: ','));
                TrainEach(ml, ml.Data.LoadFromEnumerable(Forever(0)));
                TrainEach(ml, Cycle(ml, 2));
            }

            private static string Folder() => Folder();
            private static string Ping(int n) => n > 0 ? Pong(n - 1) : "Data/wide.csv";
            private static string Pong(int n) => Ping(n);

            private static void Train(MLContext ml, string name)
                => TrainEach(ml, ml.Data.LoadFromTextFile<Row>(Path.Combine("Data", name), hasHeader: true, separatorChar: ','));

            private static void TrainEach(MLContext ml, IDataView data)
            {
                var pipeline = ml.Transforms.Concatenate("Features", "A", "B", "C").Append(ml.Regression.Trainers.Sdca(labelColumnName: "A"));
                pipeline.Fit(data);
                ml.Regression.Trainers.OnlineGradientDescent(labelColumnName: "A").Fit(Cycle(ml, 1));
            }

            private static IDataView Cycle(MLContext ml, int n) => n > 0 ? Cycle2(ml, n - 1) : ml.Data.LoadFromTextFile<Row>("Data/ragged.csv");
            private static IDataView Cycle2(MLContext ml, int n) => Cycle(ml, n);

            private static IEnumerable<Row> Forever(int depth)
            {
                foreach (var row in Forever(depth + 1))
                    yield return row;
                yield return new Row { A = Helper(), B = Enumerable.Repeat(Helper(), 3).Select(x => x * Helper()).ToArray() };
            }

            private static float Helper() => Helper() + 1;
        }
        """;

    /// <summary>A TorchSharp program parses every file line by line, in a loop, with LINQ and in a recursive helper.</summary>
    private const string TorchProgram = """
        using System;
        using System.Collections.Generic;
        using System.Globalization;
        using System.IO;
        using System.Linq;
        using TorchSharp;
        using static TorchSharp.torch;

        internal static class Program
        {
            private static readonly string[] Names = { "empty.csv", "binary.csv", "huge.csv", "ragged.csv", "malformed.csv", "latin1.csv", "wide.csv", "unreadable.csv", "missing.csv" };

            private static void Main()
            {
                foreach (var name in Names)
                {
                    Train(torch.tensor(Column(Path.Combine("Data", name), 1)).reshape(-1, 1));
                    Train(torch.tensor(File.ReadAllLines(Path.Combine("Data", name)).Skip(1).Select(l => l.Split(';')).Select(p => Convert.ToSingle(p[3], CultureInfo.InvariantCulture)).ToArray()).reshape(-1, 1));
                }
                var huge = File.ReadAllLines("Data/huge.csv").Skip(1).Select(l => float.Parse(l.Split(';')[3], CultureInfo.InvariantCulture)).ToArray();
                Train(torch.tensor(huge).reshape(-1, 1));
                Train(torch.tensor(File.ReadAllLines("Data/wide.csv").Select(float.Parse).ToArray()).reshape(-1, 1));
                Train(torch.tensor(File.ReadLines("Data/ragged.csv").Skip(1).Select(l => double.Parse(l.Split(new[] { ',' })[9000])).Select(v => (float)v).ToArray()).reshape(-1, 1));
                Train(torch.tensor(Recursive("Data/malformed.csv", 3)).reshape(-1, 1));
            }

            private static float[] Column(string path, int column)
            {
                var values = new List<float>();
                foreach (var line in File.ReadLines(path).Skip(1))
                {
                    var parts = line.Split(',', StringSplitOptions.TrimEntries);
                    values.Add(float.Parse(parts[1], CultureInfo.InvariantCulture));
                    values.Add(float.Parse(parts[column], CultureInfo.InvariantCulture));
                }
                return values.ToArray();
            }

            private static float[] Recursive(string path, int n) => n > 0 ? Recursive(path, n - 1) : Column(path, 0);

            private static void Train(Tensor x)
            {
                var y = torch.rand(x.shape[0], 1);
                var model = nn.Linear(1, 1);
                var optimizer = torch.optim.SGD(model.parameters(), 0.01);
                for (int epoch = 0; epoch < 10; epoch++)
                {
                    optimizer.zero_grad();
                    var loss = nn.functional.mse_loss(model.forward(x), y);
                    loss.backward();
                    optimizer.step();
                }
            }
        }
        """;

    private static ImmutableArray<AdditionalText> Files()
    {
        var huge = new StringBuilder("A;B;C;D\n");
        while (huge.Length < 12 * 1024 * 1024)
            huge.Append("1;2;3;4000\n");
        var wide = string.Join(",", Enumerable.Range(0, 10_000)) + "\n";
        var latin1 = SourceText.From(new MemoryStream(Encoding.Latin1.GetBytes("caf\u00e9,1,2,3\n\u00ff\u00fe,4,5,6\n")), Encoding.UTF8, throwIfBinaryDetected: false);
        return ImmutableArray.Create<AdditionalText>(
            new File("/p/Data/empty.csv", SourceText.From("")),
            new File("/p/Data/binary.csv", SourceText.From("PK\u0003\u0004\0\0\0\u0014\0\u0008\0\0\0!\0\u00b5\u00e4")),
            new File("/p/Data/huge.csv", SourceText.From(huge.ToString())),
            new File("/p/Data/ragged.csv", SourceText.From("A,B\n1\n1,2,3,4,5,6,7\n\n,,,\n9")),
            new File("/p/Data/malformed.csv", SourceText.From("\"A,\"B\n\"1,2\n3\"\",\"4\r\r\n\u2028\u0085,-,+,1e999,NaN,0x10")),
            new File("/p/Data/latin1.csv", latin1),
            new File("/p/Data/wide.csv", SourceText.From(wide + wide)),
            new File("/p/Data/unreadable.csv", null));
    }

    [Fact]
    public async Task BadDataFilesAndCyclicHelpersNeverThrowAndAreDeterministic()
    {
        var compilation = (await ReliabilityCompilations.CreateAsync(Program))
            .WithOptions(ReliabilityCompilations.LibraryOptions.WithOutputKind(OutputKind.ConsoleApplication));
        Assert.Empty(ReliabilityCompilations.CompilerErrors(compilation));
        var options = new AnalyzerOptions(Files());

        var first = await AnalyzerRun.AnalyzeAsync(compilation, "data files", concurrent: false, options: options);
        Assert.True(first.Failures.IsEmpty, string.Join("\n", first.Failures));
        foreach (var diagnostic in first.Diagnostics)
            output.WriteLine(AnalyzerRun.Fingerprint(diagnostic));
        Assert.NotEmpty(first.Diagnostics);

        var again = await AnalyzerRun.AnalyzeAsync(compilation.Clone(), "data files", concurrent: true, options: options);
        Assert.True(again.Failures.IsEmpty, string.Join("\n", again.Failures));
        foreach (var diagnostic in again.Diagnostics)
            output.WriteLine("again: " + AnalyzerRun.Fingerprint(diagnostic));
        Assert.Equal(AnalyzerRun.Fingerprints(first.Diagnostics).AsEnumerable(), AnalyzerRun.Fingerprints(again.Diagnostics).AsEnumerable());
    }

    [Fact]
    public async Task TorchSharpParsingBadDataFilesNeverThrowsAndIsDeterministic()
    {
        var compilation = (await ReliabilityCompilations.CreateAsync(TorchProgram))
            .WithOptions(ReliabilityCompilations.LibraryOptions.WithOutputKind(OutputKind.ConsoleApplication));
        Assert.Empty(ReliabilityCompilations.CompilerErrors(compilation));
        var options = new AnalyzerOptions(Files());

        var first = await AnalyzerRun.AnalyzeAsync(compilation, "torch data files", concurrent: false, options: options);
        Assert.True(first.Failures.IsEmpty, string.Join("\n", first.Failures));
        foreach (var diagnostic in first.Diagnostics)
            output.WriteLine(AnalyzerRun.Fingerprint(diagnostic));
        // huge.csv's column 3 (4000 in every row, ';'-separated) is read only in part: the rows read are proof, and the
        // message says they are only the first rows (the ML.NET side does the same). Nothing else is a bound.
        Assert.Single(first.Diagnostics, d => d.Id == "SCALE001");
        Assert.Contains(first.Diagnostics, d => d.Id == "SCALE001" && d.GetMessage().Contains("'torch.tensor(huge)") && d.GetMessage().Contains("in the first 100000 rows of huge.csv"));

        var again = await AnalyzerRun.AnalyzeAsync(compilation.Clone(), "torch data files", concurrent: true, options: options);
        Assert.True(again.Failures.IsEmpty, string.Join("\n", again.Failures));
        Assert.Equal(AnalyzerRun.Fingerprints(first.Diagnostics).AsEnumerable(), AnalyzerRun.Fingerprints(again.Diagnostics).AsEnumerable());
    }

    private sealed class File : AdditionalText
    {
        private readonly SourceText? text;

        public File(string path, SourceText? text)
        {
            Path = path;
            this.text = text;
        }

        public override string Path { get; }

        public override SourceText? GetText(CancellationToken cancellationToken = default) => text;
    }
}
