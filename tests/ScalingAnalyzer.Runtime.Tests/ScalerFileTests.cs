using System;
using System.IO;
using System.Linq;
using System.Text;
using ScalingAnalyzer.Runtime.Tests.Support;
using TorchSharp;

namespace ScalingAnalyzer.Runtime.Tests;

/// <summary>Save and load: bit-identical round trips, and every bad file refused with the problem named.</summary>
public sealed class ScalerFileTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("scaler-file-tests-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private string PathOf(string name) => Path.Combine(_directory, name);

    /// <summary>Columns whose statistics need all 17 significant digits: 1e9 plus noise, thirds, tiny spreads.</summary>
    private static double[,] HardData(int rows, int columns, int seed)
    {
        var random = new Random(seed);
        return Matrices.Random(random, rows, columns, j => j % 2 == 0 ? 1e9 / (j + 3) : -1.0 / 3 * j, j => Math.Pow(10, j % 5 - 2));
    }

    public static TheoryData<torch.ScalarType, int> DtypesAndRanks => new()
    {
        { torch.ScalarType.Float32, 1 },
        { torch.ScalarType.Float32, 2 },
        { torch.ScalarType.Float64, 1 },
        { torch.ScalarType.Float64, 2 },
    };

    [Theory]
    [MemberData(nameof(DtypesAndRanks))]
    public void FittedScalersReadBackBitIdenticalAndTransformAlike(torch.ScalarType dtype, int rank)
    {
        using var scope = torch.NewDisposeScope();
        var data = Tensors.From(HardData(300, 4, 5), dtype);
        var x = rank == 1 ? data[.., 0].contiguous() : data;
        var standard = StandardScaler.Fit(x);
        var minMax = MinMaxScaler.Fit(x, -1.5, 2.25);

        standard.Save(PathOf("standard.json"));
        minMax.Save(PathOf("minmax.json"));
        var standardBack = StandardScaler.Load(PathOf("standard.json"));
        var minMaxBack = MinMaxScaler.Load(PathOf("minmax.json"), columnCount: standard.ColumnCount);

        Assert.Equal(Bits(standard.Mean), Bits(standardBack.Mean));
        Assert.Equal(Bits(standard.Scale), Bits(standardBack.Scale));
        Assert.Equal(Bits(minMax.DataMin), Bits(minMaxBack.DataMin));
        Assert.Equal(Bits(minMax.DataMax), Bits(minMaxBack.DataMax));
        Assert.Equal((minMax.RangeMin, minMax.RangeMax), (minMaxBack.RangeMin, minMaxBack.RangeMax));
        Assert.Equal(Bits(minMax.Offset), Bits(minMaxBack.Offset));
        Assert.Equal(Bits(minMax.Divisor), Bits(minMaxBack.Divisor));
        Assert.True(standard.Transform(x).eq(standardBack.Transform(x)).all().item<bool>());
        Assert.True(minMax.Transform(x).eq(minMaxBack.Transform(x)).all().item<bool>());
    }

    [Fact]
    public void StreamsRoundTripAndScalerFileLoadsEitherKind()
    {
        var x = HardData(50, 3, 9);
        using var stream = new MemoryStream();
        StandardScaler.Fit(x).Save(stream);
        var standardJson = stream.ToArray();
        stream.SetLength(0);
        MinMaxScaler.Fit(x).Save(stream);
        var minMaxJson = stream.ToArray();

        var standard = Assert.IsType<StandardScaler>(ScalerFile.Load(new MemoryStream(standardJson)));
        var minMax = Assert.IsType<MinMaxScaler>(ScalerFile.Load(new MemoryStream(minMaxJson), columnCount: 3));
        Assert.Equal(Bits(StandardScaler.Fit(x).Scale), Bits(standard.Scale));
        Assert.Equal(Bits(MinMaxScaler.Fit(x).DataMax), Bits(minMax.DataMax));
        Assert.Equal(StandardScaler.Fit(x).Transform(x), StandardScaler.Load(new MemoryStream(standardJson)).Transform(x));
    }

    [Fact]
    public void TheFileIsTheDocumentedJson()
    {
        StandardScaler.FromStatistics([2.5, -0.1], [1.25, 3]).Save(PathOf("s.json"));
        MinMaxScaler.FromStatistics([0], [255], -1, 1).Save(PathOf("m.json"));

        var standard = System.Text.Json.JsonDocument.Parse(File.ReadAllText(PathOf("s.json"))).RootElement;
        Assert.Equal("ScalingAnalyzer.Scaler", standard.GetProperty("format").GetString());
        Assert.Equal(1, standard.GetProperty("version").GetInt32());
        Assert.Equal("standard", standard.GetProperty("kind").GetString());
        Assert.Equal(2, standard.GetProperty("columns").GetInt32());
        Assert.Equal("[2.5,-0.1]", Compact(standard.GetProperty("mean")));
        Assert.Equal("[1.25,3]", Compact(standard.GetProperty("scale")));
        var minMax = System.Text.Json.JsonDocument.Parse(File.ReadAllText(PathOf("m.json"))).RootElement;
        Assert.Equal("minmax", minMax.GetProperty("kind").GetString());
        Assert.Equal((-1.0, 1.0), (minMax.GetProperty("rangeMin").GetDouble(), minMax.GetProperty("rangeMax").GetDouble()));
        Assert.Equal("[0]", Compact(minMax.GetProperty("dataMin")));
        Assert.Equal("[255]", Compact(minMax.GetProperty("dataMax")));
    }

    [Fact]
    public void FromStatisticsTransformsAsTheFittedScaler()
    {
        var x = HardData(200, 3, 17);
        var fitted = StandardScaler.Fit(x);
        var known = StandardScaler.FromStatistics(fitted.Mean, fitted.Scale);
        Assert.Equal(fitted.Transform(x), known.Transform(x));

        var fittedRange = MinMaxScaler.Fit(x, 2, 7);
        var knownRange = MinMaxScaler.FromStatistics(fittedRange.DataMin, fittedRange.DataMax, 2, 7);
        Assert.Equal(fittedRange.Transform(x), knownRange.Transform(x));

        // Pixels: a known 0..255 range needs no data at all.
        var pixels = MinMaxScaler.FromStatistics([0], [255]);
        Assert.Equal([0.0, 0.2, 1.0], pixels.Transform(new[] { 0.0, 51, 255 }));
    }

    [Fact]
    public void FromStatisticsRefusesStatisticsNoFitCouldGive()
    {
        AssertArgument(() => StandardScaler.FromStatistics([], []), "mean is empty");
        AssertArgument(() => StandardScaler.FromStatistics([1, 2], [1]), "scale has 1 value(s) but mean has 2");
        AssertArgument(() => StandardScaler.FromStatistics([1, double.NaN], [1, 1]), "mean[1] is NaN");
        AssertArgument(() => StandardScaler.FromStatistics([1, 2], [1, 0]), "scale[1] is 0; every scale must be positive");
        AssertArgument(() => StandardScaler.FromStatistics([1], [-2]), "scale[0] is -2");
        AssertArgument(() => MinMaxScaler.FromStatistics([0, 5], [1, 4]), "dataMin[1] is 5, above dataMax[1] = 4");
        AssertArgument(() => MinMaxScaler.FromStatistics([0], [double.PositiveInfinity]), "dataMax[0] is positive infinity");
        AssertArgument(() => MinMaxScaler.FromStatistics([0], [1], 1, 1), "The target range [1, 1] is invalid");
    }

    private const string ValidStandard = """
        { "format": "ScalingAnalyzer.Scaler", "version": 1, "kind": "standard", "columns": 2, "mean": [1, 2], "scale": [3, 4] }
        """;

    private const string ValidMinMax = """
        { "format": "ScalingAnalyzer.Scaler", "version": 1, "kind": "minmax", "columns": 1, "rangeMin": 0, "rangeMax": 1, "dataMin": [500], "dataMax": [5000] }
        """;

    [Fact]
    public void HandWrittenFilesOfTheDocumentedFormatLoad()
    {
        var standard = StandardScaler.Load(Stream(ValidStandard));
        Assert.Equal([1.0, 2.0], standard.Mean);
        Assert.Equal([3.0, 4.0], standard.Scale);
        var minMax = MinMaxScaler.Load(Stream(ValidMinMax.Replace("\"dataMax\"", "\"comment\": \"unknown fields are ignored\", \"dataMax\"")));
        Assert.Equal([0.5], minMax.Transform(new[] { 2750.0 }));
    }

    public static TheoryData<string, string> BadFiles => new()
    {
        { "", "is not valid JSON (truncated or corrupt) at line 1" },
        { ValidStandard[..60], "is not valid JSON (truncated or corrupt)" },
        { ValidStandard.Replace("[3, 4]", "[3, 4"), "is not valid JSON (truncated or corrupt)" },
        { "[1, 2]", "expected a JSON object, found an array" },
        { ValidStandard.Replace("ScalingAnalyzer.Scaler", "Keras.Normalization"), "its \"format\" is \"Keras.Normalization\", expected \"ScalingAnalyzer.Scaler\"" },
        { ValidStandard.Replace("\"format\": \"ScalingAnalyzer.Scaler\",", ""), "it has no \"format\": \"ScalingAnalyzer.Scaler\" field" },
        { ValidStandard.Replace("\"version\": 1", "\"version\": 2"), "format version 2 was written by a newer ScalingAnalyzer.Runtime; this one reads version 1" },
        { ValidStandard.Replace("\"version\": 1", "\"version\": \"1\""), "\"version\" is the string \"1\"; expected a whole number" },
        { ValidStandard.Replace("\"version\": 1,", ""), "\"version\" is missing" },
        { ValidStandard.Replace("\"standard\"", "\"robust\""), "\"kind\" is \"robust\"; expected \"standard\" or \"minmax\"" },
        { ValidMinMax, "it holds a minmax scaler, not a standard one; load it with MinMaxScaler.Load" },
        { ValidStandard.Replace("\"columns\": 2", "\"columns\": 3"), "\"mean\" has 2 value(s) but \"columns\" is 3" },
        { ValidStandard.Replace("\"columns\": 2", "\"columns\": 0"), "\"columns\" is 0; a scaler has at least one column" },
        { ValidStandard.Replace("\"columns\": 2", "\"columns\": 2.5"), "\"columns\" is 2.5; expected a whole number" },
        { ValidStandard.Replace("[3, 4]", "[3, \"4\"]"), "\"scale\"[1] is the string \"4\"; expected a finite number" },
        { ValidStandard.Replace("[3, 4]", "[3, 1e400]"), "\"scale\"[1] is 1e400; expected a finite number" },
        { ValidStandard.Replace("[3, 4]", "[3, 0]"), "scale[1] is 0; every scale must be positive" },
        { ValidStandard.Replace(", \"scale\": [3, 4]", ""), "\"scale\" is missing" },
        { ValidStandard.Replace("[1, 2]", "null"), "\"mean\" is null; expected an array of 2 number(s)" },
    };

    [Theory]
    [MemberData(nameof(BadFiles))]
    public void BadFilesAreRefusedWithTheProblemNamed(string content, string problem)
    {
        File.WriteAllText(PathOf("bad.json"), content);
        var fromFile = Assert.Throws<InvalidDataException>(() => StandardScaler.Load(PathOf("bad.json")));
        Assert.Contains(problem, fromFile.Message, StringComparison.Ordinal);
        Assert.StartsWith($"Scaler file '{PathOf("bad.json")}'", fromFile.Message, StringComparison.Ordinal);
        var fromStream = Assert.Throws<InvalidDataException>(() => StandardScaler.Load(Stream(content)));
        Assert.StartsWith("The scaler stream", fromStream.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void MismatchesWithTheCallerAreRefused()
    {
        AssertInvalid(() => StandardScaler.Load(Stream(ValidStandard), columnCount: 3), "the scaler was fitted on 2 column(s) but the data has 3");
        AssertInvalid(() => ScalerFile.Load(Stream(ValidMinMax), columnCount: 2), "fitted on 1 column(s) but the data has 2");
        AssertInvalid(() => MinMaxScaler.Load(Stream(ValidStandard)), "it holds a standard scaler, not a minmax one; load it with StandardScaler.Load");
        AssertInvalid(() => MinMaxScaler.Load(Stream(ValidMinMax.Replace("[500]", "[6000]"))), "dataMin[0] is 6000, above dataMax[0] = 5000");
        AssertInvalid(() => MinMaxScaler.Load(Stream(ValidMinMax.Replace("\"rangeMax\": 1", "\"rangeMax\": -1"))), "The target range [0, -1] is invalid");
        Assert.Throws<FileNotFoundException>(() => StandardScaler.Load(PathOf("missing.json")));
    }

    [Fact]
    public void SaveReplacesAnExistingFile()
    {
        File.WriteAllText(PathOf("s.json"), new string('x', 10_000));
        StandardScaler.FromStatistics([1], [2]).Save(PathOf("s.json"));
        Assert.Equal([1.0], StandardScaler.Load(PathOf("s.json")).Mean);
    }

    private static MemoryStream Stream(string content) => new(Encoding.UTF8.GetBytes(content));

    private static long[] Bits(System.Collections.Generic.IReadOnlyList<double> values) => values.Select(BitConverter.DoubleToInt64Bits).ToArray();

    private static string Compact(System.Text.Json.JsonElement element) => System.Text.Json.JsonSerializer.Serialize(element);

    private static void AssertArgument(Action action, string part)
    {
        var error = Assert.ThrowsAny<ArgumentException>(action);
        Assert.Contains(part, error.Message, StringComparison.Ordinal);
    }

    private static void AssertInvalid(Action action, string part)
    {
        var error = Assert.Throws<InvalidDataException>(action);
        Assert.Contains(part, error.Message, StringComparison.Ordinal);
    }
}
