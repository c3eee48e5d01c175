using System.Globalization;
using TorchSharp;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

var table = File.ReadAllLines("Data/sensors.csv")
    .Skip(1)
    .Select(line => line.Split(','))
    .Select(parts => parts.Select(p => float.Parse(p, CultureInfo.InvariantCulture)).ToArray())
    .ToArray();
var flat = table.SelectMany(row => row).ToArray();
var all = torch.tensor(flat).reshape(table.Length, 4);
var raw = all[.., ..3];
var target = all[.., 3..];
var x = (raw - raw.mean(new long[] { 0 }, keepdim: true)) / raw.std(0, keepdim: true);

var model = Sequential(Linear(3, 8), ReLU(), Linear(8, 1));
var optimizer = torch.optim.Adam(model.parameters(), lr: 0.01);
for (var epoch = 0; epoch < 300; epoch++)
{
    optimizer.zero_grad();
    var loss = functional.mse_loss(model.forward(x), target);
    loss.backward();
    optimizer.step();
}
