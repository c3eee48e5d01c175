using TorchSharp;
using static TorchSharp.torch;

namespace Boston;

internal static class Program
{
    private static double[,] ReadTable(string path, out double[] prices)
    {
        var lines = File.ReadAllLines(path).Where(l => l.Trim().Length > 0).ToArray();
        var table = new double[lines.Length, 13];
        prices = new double[lines.Length];
        for (var i = 0; i < lines.Length; i++)
        {
            var parts = lines[i].Split(' ', StringSplitOptions.RemoveEmptyEntries);
            for (var j = 0; j < 13; j++)
                table[i, j] = double.Parse(parts[j], System.Globalization.CultureInfo.InvariantCulture);
            prices[i] = double.Parse(parts[13], System.Globalization.CultureInfo.InvariantCulture);
        }
        return table;
    }

    private static void Main()
    {
        var table = ReadTable("housing.data", out var prices);
        var x = torch.from_array(table).to(ScalarType.Float32);
        
        var y = torch.tensor(prices).to(ScalarType.Float32).reshape(-1, 1);
        var model = nn.Sequential(nn.Linear(13, 64), nn.ReLU(), nn.Linear(64, 1));
        var optimizer = optim.SGD(model.parameters(), 0.001);
        var loss = nn.MSELoss();
        for (var epoch = 0; epoch < 500; epoch++)
        {
            var pred = model.forward(x); // SCALE001 expected
            var l = loss.forward(pred, y);
            optimizer.zero_grad();
            l.backward();
            optimizer.step();
        }
    }
}
