using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.Json;

namespace ScalingAnalyzer.Runtime.Tests.Support;

/// <summary>
/// scikit-learn 1.2.1 outputs stored in scaler-anchors.sklearn-1.2.1.json: floats are Python repr strings
/// (round-trip exact), null is NaN.
/// </summary>
internal sealed class SklearnAnchors
{
    private readonly JsonElement _root;

    private SklearnAnchors(JsonElement root) => _root = root;

    public static SklearnAnchors Load() =>
        new(JsonDocument.Parse(File.ReadAllText(ReferenceData.PathOf("scaler-anchors.sklearn-1.2.1.json"))).RootElement);

    public double[] Vector(string section, string field) =>
        _root.GetProperty(section).GetProperty(field).EnumerateArray().Select(ToDouble).ToArray();

    public double[,] Matrix(string section, string field)
    {
        var rows = _root.GetProperty(section).GetProperty(field).EnumerateArray()
            .Select(row => row.EnumerateArray().Select(ToDouble).ToArray()).ToArray();
        var matrix = new double[rows.Length, rows[0].Length];
        for (var i = 0; i < rows.Length; i++)
        for (var j = 0; j < rows[0].Length; j++)
            matrix[i, j] = rows[i][j];
        return matrix;
    }

    public double Scalar(string section, string field) => ToDouble(_root.GetProperty(section).GetProperty(field));

    private static double ToDouble(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Null => double.NaN,
        JsonValueKind.Number => element.GetDouble(),
        _ => double.Parse(element.GetString()!, NumberStyles.Float, CultureInfo.InvariantCulture),
    };
}
