using System.Globalization;

namespace Flats;

public static class CsvLoader
{
    /// <summary>The feature table and the target column of a CSV file with a header row.</summary>
    public static (float[,] Features, float[] Target) Load(string path, int featureCount)
    {
        var lines = File.ReadAllLines(path);
        var features = new float[lines.Length - 1, featureCount];
        var target = new float[lines.Length - 1];
        for (var row = 1; row < lines.Length; row++)
        {
            var cells = lines[row].Split(',');
            for (var column = 0; column < featureCount; column++)
                features[row - 1, column] = float.Parse(cells[column], CultureInfo.InvariantCulture);
            target[row - 1] = float.Parse(cells[featureCount], CultureInfo.InvariantCulture);
        }
        return (features, target);
    }
}
