using System.Globalization;
using TorchSharp;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

var lines = File.ReadLines("Data/houses.csv").Skip(1).ToList();
var sizes = lines.Select(l => float.Parse(l.Split(',')[0], CultureInfo.InvariantCulture)).ToArray();
var prices = lines.Select(l => float.Parse(l.Split(',')[3], CultureInfo.InvariantCulture)).ToArray();

// Min-max scale both to [0, 1] before they become tensors.
float minSize = sizes.Min(), maxSize = sizes.Max();
float minPrice = prices.Min(), maxPrice = prices.Max();
var scaledSizes = sizes.Select(s => (s - minSize) / (maxSize - minSize)).ToArray();
var scaledPrices = prices.Select(p => (p - minPrice) / (maxPrice - minPrice)).ToArray();

var x = torch.tensor(scaledSizes).reshape(-1, 1);
var y = torch.tensor(scaledPrices).reshape(-1, 1);
var model = Linear(1, 1);
var optimizer = torch.optim.Adam(model.parameters(), lr: 0.01);
for (var epoch = 0; epoch < 500; epoch++)
{
    optimizer.zero_grad();
    var loss = functional.mse_loss(model.forward(x), y);
    loss.backward();
    optimizer.step();
}
