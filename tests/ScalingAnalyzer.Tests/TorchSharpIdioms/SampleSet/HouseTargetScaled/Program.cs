using System.Globalization;
using TorchSharp;
using static TorchSharp.torch;

namespace HousePrices;

public record HouseRow(float Sqft, float Bedrooms, float Age, float Price);

public static class Program
{
    private static List<HouseRow> ReadRows(string path)
    {
        var rows = new List<HouseRow>();
        foreach (var line in File.ReadLines(path).Skip(1))
        {
            var f = line.Split(',');
            rows.Add(new HouseRow(float.Parse(f[0], CultureInfo.InvariantCulture), float.Parse(f[1], CultureInfo.InvariantCulture),
                float.Parse(f[2], CultureInfo.InvariantCulture), float.Parse(f[3], CultureInfo.InvariantCulture)));
        }
        return rows;
    }

    public static void Main()
    {
        var rows = ReadRows(Path.Combine(AppContext.BaseDirectory, "houses.csv"));
        var x = torch.tensor(rows.SelectMany(r => new[] { r.Sqft, r.Bedrooms, r.Age }).ToArray()).reshape(rows.Count, 3);
        var y = torch.tensor(rows.Select(r => r.Price).ToArray()).reshape(rows.Count, 1);
        x = (x - x.mean(new long[] { 0 })) / x.std(0);
        var yMean = y.mean();
        var yStd = y.std();
        y = (y - yMean) / yStd;
        var model = nn.Linear(3, 1);
        var optimizer = optim.Adam(model.parameters(), lr: 0.01);
        var lossFn = nn.MSELoss();
        for (var step = 0; step < 500; step++)
        {
            optimizer.zero_grad();
            var loss = lossFn.forward(model.forward(x), y);
            loss.backward();
            optimizer.step();
        }
        Console.WriteLine(model.weight.ToString());
    }
}
