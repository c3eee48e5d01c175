using System.Globalization;
using TorchSharp;
using static TorchSharp.torch;

namespace Housing;

public interface IHousingSource
{
    (Tensor Features, Tensor Prices) Load();
}

/// <summary>Reads houses.csv: square feet, bedrooms, age, price (in dollars, reported in hundreds of thousands).</summary>
public sealed class CsvHousingSource : IHousingSource
{
    private readonly string _path;

    public CsvHousingSource(string path) => _path = path;

    public (Tensor Features, Tensor Prices) Load()
    {
        var rows = File.ReadAllLines(_path).Skip(1).Select(line => line.Split(',')).ToList();
        var features = new float[rows.Count, 3];
        var prices = new float[rows.Count];
        for (var i = 0; i < rows.Count; i++)
        {
            features[i, 0] = float.Parse(rows[i][0], CultureInfo.InvariantCulture);
            features[i, 1] = float.Parse(rows[i][1], CultureInfo.InvariantCulture);
            features[i, 2] = float.Parse(rows[i][2], CultureInfo.InvariantCulture);
            prices[i] = float.Parse(rows[i][3], CultureInfo.InvariantCulture) / 100_000f;
        }
        return (torch.tensor(features), torch.tensor(prices).reshape(-1, 1));
    }
}
