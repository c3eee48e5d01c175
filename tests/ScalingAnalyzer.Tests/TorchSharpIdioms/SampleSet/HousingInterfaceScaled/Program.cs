using System.Globalization;
using TorchSharp;
using static TorchSharp.torch;

public interface IDataSource
{
    (Tensor X, Tensor Y) Load();
}

/// <summary>House sizes in thousands of square feet and prices in hundreds of thousands of dollars.</summary>
public sealed class ScaledHouses : IDataSource
{
    public (Tensor X, Tensor Y) Load()
    {
        var lines = File.ReadAllLines("Data/houses.csv").Skip(1);
        var sizes = new List<float>();
        var prices = new List<float>();
        foreach (var line in lines)
        {
            var parts = line.Split(',');
            sizes.Add(float.Parse(parts[0], CultureInfo.InvariantCulture) / 1000f);
            prices.Add(float.Parse(parts[3], CultureInfo.InvariantCulture) / 100000f);
        }
        return (torch.tensor(sizes.ToArray()).reshape(-1, 1), torch.tensor(prices.ToArray()).reshape(-1, 1));
    }
}

public static class Program
{
    public static void Main()
    {
        IDataSource data = new ScaledHouses();
        var (x, y) = data.Load();
        var model = nn.Linear(1, 1);
        var optimizer = torch.optim.Adam(model.parameters(), lr: 0.05);
        for (var epoch = 0; epoch < 400; epoch++)
        {
            optimizer.zero_grad();
            var loss = nn.functional.mse_loss(model.forward(x), y);
            loss.backward();
            optimizer.step();
        }
        Console.WriteLine(model.weight);
    }
}
