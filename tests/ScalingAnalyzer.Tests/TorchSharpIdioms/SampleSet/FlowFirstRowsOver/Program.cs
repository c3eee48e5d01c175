using System.Globalization;
using TorchSharp;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

// A long log of readings: sensor_a (fraction), flow (litres per hour), target.
var flows = new List<float>();
var targets = new List<float>();
foreach (var line in File.ReadLines("Data/readings.csv").Skip(1))
{
    var parts = line.Split(',');
    flows.Add(float.Parse(parts[1], CultureInfo.InvariantCulture));
    targets.Add(float.Parse(parts[2], CultureInfo.InvariantCulture));
}
var x = torch.tensor(flows.ToArray()).reshape(-1, 1);
var y = torch.tensor(targets.ToArray()).reshape(-1, 1);
var model = Linear(1, 1);
var optimizer = torch.optim.SGD(model.parameters(), 0.001);
for (var epoch = 0; epoch < 100; epoch++)
{
    optimizer.zero_grad();
    var loss = functional.mse_loss(model.forward(x), y); // SCALE001 expected
    loss.backward();
    optimizer.step();
}
