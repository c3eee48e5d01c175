using System.Globalization;
using TorchSharp;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

var sizes = new List<float>();
var prices = new List<float>();
using (var stream = File.OpenRead("Data/houses.csv"))
using (var reader = new StreamReader(stream))
{
    _ = reader.ReadLine();
    while (!reader.EndOfStream)
    {
        string[]? parts = reader.ReadLine()?.Split(',');
        if (parts is null || parts.Length < 4)
            continue;
        sizes.Add(float.Parse(parts[0], CultureInfo.InvariantCulture));
        prices.Add(float.Parse(parts[3], CultureInfo.InvariantCulture) / 1e5f);
    }
}

var x = torch.tensor(sizes.ToArray()).unsqueeze(1);
var y = torch.tensor(prices.ToArray()).unsqueeze(1);
var model = Sequential(Linear(1, 8), ReLU(), Linear(8, 1));
var optimizer = torch.optim.Adam(model.parameters(), lr: 0.01);
for (var epoch = 0; epoch < 300; epoch++)
{
    optimizer.zero_grad();
    var loss = functional.mse_loss(model.forward(x), y); // SCALE001 expected
    loss.backward();
    optimizer.step();
}
