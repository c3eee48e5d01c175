using System.Globalization;
using TorchSharp;
using static TorchSharp.torch;

namespace Kilns;

internal static class Program
{
    private static async Task<(List<float[]> Inputs, List<float> Strength)> ReadAsync(string path)
    {
        var inputs = new List<float[]>();
        var strength = new List<float>();
        using var reader = new StreamReader(path);
        await reader.ReadLineAsync();
        string? line;
        while ((line = await reader.ReadLineAsync()) != null)
        {
            var parts = line.Split(',');
            inputs.Add(new[]
            {
                float.Parse(parts[0], CultureInfo.InvariantCulture),
                float.Parse(parts[1], CultureInfo.InvariantCulture),
                float.Parse(parts[2], CultureInfo.InvariantCulture),
            });
            strength.Add(float.Parse(parts[3], CultureInfo.InvariantCulture) / 60f);
        }
        return (inputs, strength);
    }

    public static async Task Main()
    {
        var (inputs, strength) = await ReadAsync("Data/kilns.csv");
        var x = torch.tensor(inputs.SelectMany(r => r).ToArray()).reshape(-1, 3);
        var y = torch.tensor(strength.ToArray()).reshape(-1, 1);

        var model = nn.Sequential(nn.Linear(3, 12), nn.Tanh(), nn.Linear(12, 1));
        var optimizer = torch.optim.Adam(model.parameters(), lr: 0.005);
        var criterion = nn.MSELoss();
        for (var epoch = 1; epoch <= 400; epoch++)
        {
            optimizer.zero_grad();
            var loss = criterion.forward(model.forward(x), y); // SCALE001 expected
            loss.backward();
            optimizer.step();
            if (epoch % 100 == 0)
                Console.WriteLine($"epoch {epoch}: {loss.item<float>():F5}");
        }
    }
}
