using System.Globalization;
using TorchSharp;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

// Every row parsed whole, then features and target sliced out of one tensor.
var table = File.ReadAllLines("Data/sensors.csv")
    .Skip(1)
    .Select(line => line.Split(',').Select(v => float.Parse(v, CultureInfo.InvariantCulture)).ToArray())
    .ToArray();
var all = torch.tensor(table.SelectMany(row => row).ToArray(), new long[] { table.Length, 4 });
var features = all[.., ..3];
var target = all[.., 3..];

var model = Sequential(Linear(3, 8), ReLU(), Linear(8, 1));
var optimizer = torch.optim.Adam(model.parameters(), lr: 0.01);
for (var epoch = 0; epoch < 300; epoch++)
{
    optimizer.zero_grad();
    var loss = functional.mse_loss(model.forward(features), target); // SCALE001 expected
    loss.backward();
    optimizer.step();
}
