using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using ScalingAnalyzer.Rules;
using ScalingAnalyzer.Tests.Verifiers;
using static ScalingAnalyzer.Tests.TorchSharp.TorchPrograms;

namespace ScalingAnalyzer.Tests.TorchSharp;

/// <summary>
/// SCALE001/SCALE004 and the project's data files (Analysis/DataFiles, read as AdditionalFiles): numbers a TorchSharp
/// program parses out of a CSV it reads line by line (<c>File.ReadLines(path).Skip(1)</c>, <c>line.Split(',')</c>,
/// <c>float.Parse(parts[k])</c>) take the bounds the file shows for that column. Without the file, or with a file
/// that cannot be read as numbers, the range stays unknown (SCALE004, as before).
/// </summary>
public class DataFileEvidenceTests
{
    private static Task ExpectAsync(string source, (string, string)[] files, params DiagnosticResult[] expected)
        => Verify<UnscaledFeatureAnalyzer>.AnalyzerWithFilesAsync(source, files, TestReferences.WithTorchSharp, null, expected);

    private static Task ExpectWithConfigAsync(string source, (string, string)[] files, string editorConfig, params DiagnosticResult[] expected)
        => Verify<UnscaledFeatureAnalyzer>.AnalyzerWithFilesAsync(source, files, TestReferences.WithTorchSharp, editorConfig, expected);

    private static DiagnosticResult Scale001(string text, string range, string evidence, string magnitude) => new DiagnosticResult("SCALE001", DiagnosticSeverity.Warning)
        .WithLocation(0)
        .WithArguments(text, range, "model.forward", "values up to about " + magnitude + " (" + evidence + ") make gradient steps overshoot or barely move its weights");

    private static DiagnosticResult Scale004(string text, string source) => new DiagnosticResult("SCALE004", DiagnosticSeverity.Info)
        .WithLocation(0)
        .WithArguments(text, source, "model.forward");

    // Readings of a sensor rig: a humidity fraction, a pressure in hPa-like units, and the target.
    private const string SensorData = """
        humidity,pressure,yield
        0.31,612.5,1.2
        0.45,980.0,1.9
        0.12,4875.25,3.1
        0.88,500,0.7
        0.67,5000,2.4
        """;

    private const string Target = "        var y = torch.rand(5, 1);\n";

    private static string LineLoop(int column) => ProgramWithMain($$"""
                var values = new List<float>();
                foreach (var line in File.ReadLines(Path.Combine("Data", "sensors.csv")).Skip(1))
                {
                    var parts = line.Split(',');
                    values.Add(float.Parse(parts[{{column}}], System.Globalization.CultureInfo.InvariantCulture));
                }
                var x = torch.tensor(values.ToArray()).reshape(-1, 1);
        """ + Target + Loop("{|#0:x|}"));

    private static string LinqForm(int column, string skip = ".Skip(1)") => ProgramWithMain($$"""
                float[] values = File.ReadAllLines("Data/sensors.csv"){{skip}}
                    .Select(line => line.Split(','))
                    .Select(parts => Convert.ToSingle(parts[{{column}}], System.Globalization.CultureInfo.InvariantCulture))
                    .ToArray();
                var x = torch.tensor(values).reshape(-1, 1);
        """ + Target + Loop("{|#0:x|}"));

    private static readonly (string, string)[] SensorFiles = { ("/src/Sensors/Data/sensors.csv", SensorData) };

    [Fact]
    public Task AColumnBeyondTheThresholdInTheFileIsReportedWithItsNumbers() => ExpectAsync(
        LineLoop(column: 1), SensorFiles,
        Scale001("x", "[500, 5000]", "column 1 spans [500, 5000] in sensors.csv", "5000"));

    [Fact]
    public Task AColumnWithinTheThresholdInTheFileIsSilent() => ExpectAsync(LineLoop(column: 0), SensorFiles);

    [Fact]
    public Task TheLinqFormReadsTheSameColumn() => ExpectAsync(
        LinqForm(column: 1), SensorFiles,
        Scale001("x", "[500, 5000]", "column 1 spans [500, 5000] in sensors.csv", "5000"));

    [Fact]
    public Task TheLinqFormOfAUnitColumnIsSilent() => ExpectAsync(LinqForm(column: 0), SensorFiles);

    [Fact]
    public Task WithoutTheFileTheRangeStaysUnknown() => ExpectAsync(
        LineLoop(column: 1), new[] { ("/src/Sensors/Data/other.csv", SensorData) },
        Scale004("x", "'values.ToArray()'"));

    [Fact]
    public Task AHeaderNotSkippedLeavesTheRangeUnknown() => ExpectAsync(
        LinqForm(column: 0, skip: ""), SensorFiles,
        Scale004("x", "'values'"));

    [Fact]
    public Task AColumnOutsideTheFileLeavesTheRangeUnknown() => ExpectAsync(
        LineLoop(column: 7), SensorFiles,
        Scale004("x", "'values.ToArray()'"));

    [Fact]
    public Task AMalformedFileLeavesTheRangeUnknown() => ExpectAsync(
        LineLoop(column: 1),
        new[] { ("/src/Sensors/Data/sensors.csv", "humidity,pressure\n\"0.3,1\0\0\u0001garbage\n0.4;n/a;;;\n,,,\n") },
        Scale004("x", "'values.ToArray()'"));

    [Fact]
    public Task AnEmptyFileLeavesTheRangeUnknown() => ExpectAsync(
        LineLoop(column: 1), new[] { ("/src/Sensors/Data/sensors.csv", "") },
        Scale004("x", "'values.ToArray()'"));

    private const string HouseSizes = "1450\n2210.5\n980\n3120\n1675\n";

    [Fact]
    public Task LinesOfAOneColumnFileParsedWholeTakeItsBounds() => ExpectAsync(
        ProgramWithMain("""
                float[] sizes = File.ReadAllLines("houses.txt").Select(float.Parse).ToArray();
                var x = torch.tensor(sizes).reshape(-1, 1);
        """ + Target + Loop("{|#0:x|}")),
        new[] { ("/src/Houses/houses.txt", HouseSizes) },
        Scale001("x", "[980, 3100]", "column 0 spans [980, 3100] in houses.txt", "3100"));

    [Fact]
    public Task AHelperThatLoadsAColumnCarriesTheFile() => ExpectAsync(
        ProgramWithMain("""
                var x = torch.tensor(LoadColumn(1)).reshape(-1, 1);
        """ + Target + Loop("{|#0:x|}"), members: """
            static float[] LoadColumn(int column)
            {
                var values = new List<float>();
                foreach (var line in File.ReadLines("Data/sensors.csv").Skip(1))
                    values.Add(float.Parse(line.Split(',')[1], System.Globalization.CultureInfo.InvariantCulture));
                return values.ToArray();
            }
        """),
        SensorFiles,
        Scale001("x", "[500, 5000]", "column 1 spans [500, 5000] in sensors.csv", "5000"));

    /// <summary>A StreamReader read line by line after its header: every line after the first.</summary>
    private static string ReaderLoop(int column, string condition = "(line = reader.ReadLine()) != null", string split = "line.Split(',')") => ProgramWithMain($$"""
                var values = new List<float>();
                using (var reader = new StreamReader("Data/sensors.csv"))
                {
                    string? line = reader.ReadLine();
                    while ({{condition}})
                    {
                        var parts = {{split}};
                        values.Add(float.Parse(parts[{{column}}], System.Globalization.CultureInfo.InvariantCulture));
                    }
                }
                var x = torch.tensor(values.ToArray()).reshape(-1, 1);
        """ + Target + Loop("{|#0:x|}"));

    [Fact]
    public Task AStreamReaderLoopAfterItsHeaderReadsTheColumn() => ExpectAsync(
        ReaderLoop(column: 1), SensorFiles,
        Scale001("x", "[500, 5000]", "column 1 spans [500, 5000] in sensors.csv", "5000"));

    [Fact]
    public Task AStreamReaderLoopOverAUnitColumnIsSilent() => ExpectAsync(ReaderLoop(column: 0), SensorFiles);

    [Fact]
    public Task AnEndOfStreamLoopReadsTheColumn() => ExpectAsync(
        ReaderLoop(column: 1, condition: "!reader.EndOfStream", split: "reader.ReadLine()!.Split(',')"), SensorFiles,
        Scale001("x", "[500, 5000]", "column 1 spans [500, 5000] in sensors.csv", "5000"));

    [Fact]
    public Task SeveralSeparatorsSplitTheLine() => ExpectAsync(
        ReaderLoop(column: 1, split: "line.Split(new[] { ',', ';' })"), new[] { ("/src/Sensors/Data/sensors.csv", SensorData.Replace(",612.5", ";612.5").Replace(",980.0", ";980.0")) },
        Scale001("x", "[500, 5000]", "column 1 spans [500, 5000] in sensors.csv", "5000"));

    [Fact]
    public Task DroppingEmptyFieldsOfAFileWithoutAnyKeepsTheColumns() => ExpectAsync(
        ReaderLoop(column: 1, split: "line.Split(',', StringSplitOptions.RemoveEmptyEntries)"), SensorFiles,
        Scale001("x", "[500, 5000]", "column 1 spans [500, 5000] in sensors.csv", "5000"));

    [Fact]
    public Task DroppingEmptyFieldsOfAFileWithSomeLeavesTheRangeUnknown() => ExpectAsync(
        ReaderLoop(column: 1, split: "line.Split(',', StringSplitOptions.RemoveEmptyEntries)"), new[] { ("/src/Sensors/Data/sensors.csv", SensorData + "\n,7,1.1\n") },
        Scale004("x", "'values.ToArray()'"));

    [Fact]
    public Task FieldsPickedByALoopCounterJoinTheirColumns() => ExpectAsync(
        ProgramWithMain("""
                var lines = File.ReadAllLines("Data/sensors.csv").Skip(1).ToArray();
                var table = new float[lines.Length, 2];
                for (var i = 0; i < lines.Length; i++)
                {
                    var parts = lines[i].Split(',');
                    for (var j = 0; j < 2; j++)
                        table[i, j] = float.Parse(parts[j], System.Globalization.CultureInfo.InvariantCulture);
                }
                var x = torch.tensor(table);
        """ + Target + Loop("{|#0:x|}")),
        SensorFiles,
        Scale001("x", "[0, 5000]", "columns 0-1 span [0.12, 5000] in sensors.csv", "5000"));

    private const string FirstRowsConfig = "root = true\n[*.cs]\nscaling_analyzer.data_file_max_rows = 2\n";

    [Fact]
    public Task AFileReadInPartIsJudgedByTheRowsRead() => ExpectWithConfigAsync(
        LineLoop(column: 1), SensorFiles, FirstRowsConfig,
        Scale001("x", "[610, 980]", "column 1 spans [610, 980] in the first 2 rows of sensors.csv", "980"));

    [Fact]
    public Task AUnitColumnReadInPartIsSilent() => ExpectWithConfigAsync(LineLoop(column: 0), SensorFiles, FirstRowsConfig);

    [Fact]
    public Task APrefixCopyOfALargeFileIsOnlyItsFirstRows() => ExpectAsync(
        LineLoop(column: 1), new[] { ("/src/Sensors/obj/Release/net8.0/scaling-analyzer/data/Data/sensors.csv", SensorData) },
        Scale001("x", "[500, 5000]", "column 1 spans [500, 5000] in the first 5 rows of sensors.csv", "5000"));

    [Fact]
    public Task APathHandedToAReaderClassIsTheFileItReads() => ExpectAsync(
        ProgramWithMain("""
                var x = torch.tensor(new SensorReader("Data/sensors.csv").Column(1)).reshape(-1, 1);
        """ + Target + Loop("{|#0:x|}"), members: """
            sealed class SensorReader
            {
                private readonly string _path;

                public SensorReader(string path) => _path = path;

                public float[] Column(int index)
                    => File.ReadLines(_path).Skip(1).Select(l => float.Parse(l.Split(',')[index], System.Globalization.CultureInfo.InvariantCulture)).ToArray();
            }
        """),
        SensorFiles,
        Scale001("x", "[500, 5000]", "column 1 spans [500, 5000] in sensors.csv", "5000"));

    /// <summary>Rows parsed whole and laid end to end keep their columns: a slice of the tensor is those columns.</summary>
    private static string WholeRows(string slice) => ProgramWithMain($$"""
                var table = File.ReadAllLines("Data/sensors.csv").Skip(1)
                    .Select(line => line.Split(',').Select(v => float.Parse(v, System.Globalization.CultureInfo.InvariantCulture)).ToArray())
                    .ToArray();
                var all = torch.tensor(table.SelectMany(row => row).ToArray(), new long[] { table.Length, 3 });
                var x = {{slice}};
        """ + Target + Loop("{|#0:x|}"));

    [Fact]
    public Task ASliceOfWholeRowsIsItsColumns() => ExpectAsync(
        WholeRows("all[.., 1..]"), SensorFiles,
        Verify<UnscaledFeatureAnalyzer>.Diagnostic("SCALE001").WithLocation(0)
            .WithArguments("x", "[0.7, 5000]", "model.forward", "values up to about 5000 make gradient steps overshoot or barely move its weights"));

    [Fact]
    public Task AUnitColumnSlicedOutOfWholeRowsIsSilent() => ExpectAsync(WholeRows("all[.., ..1]"), SensorFiles);

    [Fact]
    public Task ARangeAfterTheHeaderRowSkipsIt() => ExpectAsync(
        ProgramWithMain("""
                var lines = File.ReadAllLines("Data/sensors.csv")[1..];
                var table = new float[lines.Length, 2];
                for (int i = 0; i < lines.Length; i++)
                {
                    var row = lines[i].Split(',');
                    for (int j = 0; j < 2; j++)
                        table[i, j] = float.Parse(row[j], System.Globalization.CultureInfo.InvariantCulture);
                }
                var x = torch.tensor(table);
        """ + Target + Loop("{|#0:x|}", model: "nn.Linear(2, 1)")),
        SensorFiles,
        Scale001("x", "[0, 5000]", "columns 0-1 span [0.12, 5000] in sensors.csv", "5000"));

    [Fact]
    public Task WindowsOfAColumnReadRowByRowKeepItsBound() => ExpectAsync(
        ProgramWithMain("""
                var series = File.ReadLines("Data/sensors.csv").Skip(1)
                    .Select(line => float.Parse(line.Split(',')[1], System.Globalization.CultureInfo.InvariantCulture))
                    .ToArray();
                var windows = new float[series.Length - 2, 2];
                for (var i = 0; i < series.Length - 2; i++)
                    for (var j = 0; j < 2; j++)
                        windows[i, j] = series[i + j];
                var x = torch.tensor(windows);
        """ + Target + Loop("{|#0:x|}", model: "nn.Linear(2, 1)")),
        SensorFiles,
        Scale001("x", "[0, 5000]", "column 1 spans [500, 5000] in sensors.csv", "5000"));

    [Fact]
    public Task ATableFilledByBlockCopyHoldsTheNumbersCopied() => ExpectAsync(
        ProgramWithMain("""
                var flat = File.ReadAllLines("Data/sensors.csv").Skip(1)
                    .Select(line => float.Parse(line.Split(',')[1], System.Globalization.CultureInfo.InvariantCulture))
                    .ToArray();
                var table = new float[flat.Length, 1];
                Buffer.BlockCopy(flat, 0, table, 0, flat.Length * sizeof(float));
                var x = torch.tensor(table);
        """ + Target + Loop("{|#0:x|}")),
        SensorFiles,
        Scale001("x", "[0, 5000]", "column 1 spans [500, 5000] in sensors.csv", "5000"));

    [Fact]
    public Task BytesBlockCopiedIntoFloatsAreRunTimeDataNotBytes() => ExpectAsync(
        ProgramWithMain("""
                var bytes = File.ReadAllBytes("readings.bin");
                var values = new float[bytes.Length / sizeof(float)];
                Buffer.BlockCopy(bytes, 0, values, 0, bytes.Length);
                var x = torch.tensor(values).reshape(-1, 1);
        """ + Target + Loop("{|#0:x|}")),
        SensorFiles,
        Scale004("x", "'values'"));

    [Fact]
    public Task TheFirstFieldsOfARowParsedWholeAreThoseColumns() => ExpectAsync(
        ProgramWithMain("""
                var samples = new List<Tensor>();
                foreach (var line in File.ReadLines("Data/sensors.csv").Skip(1))
                {
                    var values = line.Split(',').Select(v => float.Parse(v, System.Globalization.CultureInfo.InvariantCulture)).ToArray();
                    samples.Add(torch.tensor(values[..2]));
                }
                var x = torch.stack(samples);
        """ + Target + Loop("{|#0:x|}", model: "nn.Linear(2, 1)")),
        SensorFiles,
        Scale001("x", "[0.12, 5000]", "columns 0-1 span [0.12, 5000] in sensors.csv", "5000"));

    [Fact]
    public Task TheLastFieldOfARowParsedWholeIsItsColumn() => ExpectAsync(
        ProgramWithMain("""
                var samples = new List<Tensor>();
                foreach (var line in File.ReadLines("Data/sensors.csv").Skip(1))
                {
                    var values = line.Split(',').Select(v => float.Parse(v, System.Globalization.CultureInfo.InvariantCulture)).ToArray();
                    samples.Add(torch.tensor(values[2..]));
                }
                var x = torch.stack(samples);
        """ + Target + Loop("x")),
        SensorFiles);
}
