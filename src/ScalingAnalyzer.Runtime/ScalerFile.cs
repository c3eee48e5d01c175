using System;
using System.Collections.Generic;
using System.IO;
using System.Text.Json;

namespace ScalingAnalyzer.Runtime;

/// <summary>
/// The file a fitted scaler is saved to (<see cref="StandardScaler.Save(string)"/>, <see cref="MinMaxScaler.Save(string)"/>)
/// and read back from, bit for bit. UTF-8 JSON, version 1:
/// <code>
/// { "format": "ScalingAnalyzer.Scaler", "version": 1, "kind": "standard", "columns": 2,
///   "mean": [2750.5, 297000.25], "scale": [1299.1, 130311.4] }
/// { "format": "ScalingAnalyzer.Scaler", "version": 1, "kind": "minmax", "columns": 1,
///   "rangeMin": 0, "rangeMax": 1, "dataMin": [500], "dataMax": [5000] }
/// </code>
/// Numbers are written in their shortest round-trip form, so reading gives the same doubles. Every field above is
/// required; other fields are ignored. A later version number means a change an older reader cannot follow, and is
/// refused. Reading checks the format, version, kind, that every array has "columns" finite values, that each scale is
/// positive, that dataMin is not above dataMax and the target range is valid; a file that fails is refused with an
/// <see cref="InvalidDataException"/> naming the file and the problem.
/// </summary>
public static class ScalerFile
{
    /// <summary>The value of the "format" field.</summary>
    public const string Format = "ScalingAnalyzer.Scaler";

    /// <summary>The format version this library writes and reads.</summary>
    public const int Version = 1;

    internal const string StandardKind = "standard";
    internal const string MinMaxKind = "minmax";

    /// <summary>Reads a scaler saved by either scaler class, whichever kind the file holds.</summary>
    /// <param name="path">The file.</param>
    /// <param name="columnCount">When given, the number of columns the caller's data has; a file fitted on another number is refused.</param>
    /// <exception cref="InvalidDataException">The file is not a valid scaler file (named problem), or has another column count than <paramref name="columnCount"/>.</exception>
    public static IColumnScaler Load(string path, int? columnCount = null) => ReadFile(path, null, columnCount);

    /// <summary>Reads a scaler saved by either scaler class from a stream (read to its end, not closed).</summary>
    /// <exception cref="InvalidDataException">The stream does not hold a valid scaler (named problem), or has another column count than <paramref name="columnCount"/>.</exception>
    public static IColumnScaler Load(Stream stream, int? columnCount = null) => ReadStream(stream, "The scaler stream", null, columnCount);

    internal static IColumnScaler ReadFile(string path, string? expectedKind, int? columnCount)
    {
        ArgumentNullException.ThrowIfNull(path);
        using var stream = File.OpenRead(path);
        return ReadStream(stream, $"Scaler file '{path}'", expectedKind, columnCount);
    }

    internal static IColumnScaler ReadStream(Stream stream, string source, string? expectedKind, int? columnCount)
    {
        ArgumentNullException.ThrowIfNull(stream);
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(stream);
        }
        catch (JsonException e)
        {
            throw new InvalidDataException(
                $"{source} is not valid JSON (truncated or corrupt) at line {e.LineNumber + 1}, byte {e.BytePositionInLine + 1}: {e.Message}", e);
        }
        using (document)
        {
            return Read(document.RootElement, source, expectedKind, columnCount);
        }
    }

    private static IColumnScaler Read(JsonElement root, string source, string? expectedKind, int? columnCount)
    {
        InvalidDataException Bad(string problem) => new($"{source}: {problem}");
        if (root.ValueKind != JsonValueKind.Object) throw Bad($"expected a JSON object, found {Describe(root)}.");

        var format = root.TryGetProperty("format", out var formatElement) && formatElement.ValueKind == JsonValueKind.String
            ? formatElement.GetString()
            : null;
        if (format != Format)
            throw Bad(format is null
                ? $"not a scaler file: it has no \"format\": \"{Format}\" field."
                : $"not a scaler file: its \"format\" is \"{format}\", expected \"{Format}\".");

        var version = Integer(root, "version", Bad);
        if (version != Version)
            throw Bad(version > Version
                ? $"format version {version} was written by a newer ScalingAnalyzer.Runtime; this one reads version {Version}."
                : $"format version {version} is not a version this library wrote; it reads version {Version}.");

        var kind = root.TryGetProperty("kind", out var kindElement) && kindElement.ValueKind == JsonValueKind.String
            ? kindElement.GetString()
            : throw Bad("\"kind\" is missing or not a string; expected \"standard\" or \"minmax\".");
        if (kind is not (StandardKind or MinMaxKind))
            throw Bad($"\"kind\" is \"{kind}\"; expected \"standard\" or \"minmax\".");
        if (expectedKind is not null && kind != expectedKind)
            throw Bad($"it holds a {kind} scaler, not a {expectedKind} one; load it with {(kind == StandardKind ? "StandardScaler" : "MinMaxScaler")}.Load or ScalerFile.Load.");

        var columns = Integer(root, "columns", Bad);
        if (columns < 1) throw Bad($"\"columns\" is {columns}; a scaler has at least one column.");
        if (columnCount is { } expected && columns != expected)
            throw Bad($"the scaler was fitted on {columns} column(s) but the data has {expected}.");

        if (kind == StandardKind)
        {
            var mean = Numbers(root, "mean", (int)columns, Bad);
            var scale = Numbers(root, "scale", (int)columns, Bad);
            var problem = ScalerStatistics.CheckPositive("scale", scale);
            if (problem is not null) throw Bad(problem);
            return StandardScaler.Create(mean, scale);
        }

        var rangeMin = Number(root, "rangeMin", Bad);
        var rangeMax = Number(root, "rangeMax", Bad);
        var dataMin = Numbers(root, "dataMin", (int)columns, Bad);
        var dataMax = Numbers(root, "dataMax", (int)columns, Bad);
        var error = ScalerStatistics.CheckRange(rangeMin, rangeMax) ?? ScalerStatistics.CheckOrdered(dataMin, dataMax);
        if (error is not null) throw Bad(error);
        return MinMaxScaler.Create(dataMin, dataMax, rangeMin, rangeMax);
    }

    private static long Integer(JsonElement root, string name, Func<string, InvalidDataException> bad)
    {
        if (!root.TryGetProperty(name, out var element)) throw bad($"\"{name}\" is missing.");
        if (element.ValueKind != JsonValueKind.Number || !element.TryGetInt64(out var value))
            throw bad($"\"{name}\" is {Describe(element)}; expected a whole number.");
        if (value > int.MaxValue) throw bad($"\"{name}\" is {value}; at most {int.MaxValue} is supported.");
        return value;
    }

    private static double Number(JsonElement root, string name, Func<string, InvalidDataException> bad)
    {
        if (!root.TryGetProperty(name, out var element)) throw bad($"\"{name}\" is missing.");
        if (element.ValueKind != JsonValueKind.Number || !element.TryGetDouble(out var value) || !double.IsFinite(value))
            throw bad($"\"{name}\" is {Describe(element)}; expected a finite number.");
        return value;
    }

    private static double[] Numbers(JsonElement root, string name, int columns, Func<string, InvalidDataException> bad)
    {
        if (!root.TryGetProperty(name, out var element)) throw bad($"\"{name}\" is missing.");
        if (element.ValueKind != JsonValueKind.Array) throw bad($"\"{name}\" is {Describe(element)}; expected an array of {columns} number(s).");
        var length = element.GetArrayLength();
        if (length != columns) throw bad($"\"{name}\" has {length} value(s) but \"columns\" is {columns}.");
        var values = new double[columns];
        var i = 0;
        foreach (var item in element.EnumerateArray())
        {
            if (item.ValueKind != JsonValueKind.Number || !item.TryGetDouble(out values[i]) || !double.IsFinite(values[i]))
                throw bad($"\"{name}\"[{i}] is {Describe(item)}; expected a finite number.");
            i++;
        }
        return values;
    }

    private static string Describe(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Number => element.GetRawText(),
        JsonValueKind.String => $"the string \"{element.GetString()}\"",
        JsonValueKind.Null => "null",
        JsonValueKind.True or JsonValueKind.False => element.GetRawText(),
        JsonValueKind.Array => "an array",
        _ => "an object",
    };

    internal static void Write(Stream stream, string kind, int columns, Action<Utf8JsonWriter> statistics)
    {
        ArgumentNullException.ThrowIfNull(stream);
        using var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true });
        writer.WriteStartObject();
        writer.WriteString("format", Format);
        writer.WriteNumber("version", Version);
        writer.WriteString("kind", kind);
        writer.WriteNumber("columns", columns);
        statistics(writer);
        writer.WriteEndObject();
        writer.Flush();
    }

    internal static void WriteFile(string path, string kind, int columns, Action<Utf8JsonWriter> statistics)
    {
        ArgumentNullException.ThrowIfNull(path);
        using var stream = File.Create(path);
        Write(stream, kind, columns, statistics);
    }

    /// <summary>Shortest round-trip form: Utf8JsonWriter writes doubles as "R" does, so they read back identical.</summary>
    internal static void WriteArray(Utf8JsonWriter writer, string name, IReadOnlyList<double> values)
    {
        writer.WriteStartArray(name);
        foreach (var value in values) writer.WriteNumberValue(value);
        writer.WriteEndArray();
    }
}
