using System.Globalization;
using TorchSharp;
using static TorchSharp.torch;

namespace Mills;

public static class MillData
{
    public static (float[] Features, float[] Wear, int Count) Read(string path)
    {
        var lines = File.ReadAllLines(path);
        var count = lines.Length - 1;
        var features = new float[count * 3];
        var wear = new float[count];
        for (var r = 0; r < count; r++)
        {
            var cells = lines[r + 1].Split(',');
            var row = new float[3];
            for (var c = 0; c < 3; c++)
                row[c] = float.Parse(cells[c], CultureInfo.InvariantCulture);
            Array.Copy(row, 0, features, r * 3, 3);
            wear[r] = float.Parse(cells[3], CultureInfo.InvariantCulture);
        }
        return (features, wear, count);
    }
}

public static class Program
{
    public static void Main()
    {
        var (features, wear, count) = MillData.Read(Path.Combine(AppContext.BaseDirectory, "Data", "mills.csv"));
        using var x = torch.tensor(features, new long[] { count, 3 });
        using var y = torch.tensor(wear, new long[] { count, 1 });
        var model = nn.Sequential(nn.Linear(3, 12), nn.ReLU(), nn.Linear(12, 1));
        var optimizer = torch.optim.AdamW(model.parameters(), lr: 0.01);
        var criterion = nn.MSELoss();
        for (var epoch = 0; epoch < 400; epoch++)
        {
            using var prediction = model.forward(x); // SCALE001 expected
            using var loss = criterion.forward(prediction, y);
            optimizer.zero_grad();
            loss.backward();
            optimizer.step();
        }
    }
}
