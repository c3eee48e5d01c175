using System.Globalization;
using TorchSharp;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

// Hourly load of a building: hour, outdoor temperature (C), load (kWh), tab-separated, no header.
var temperatures = new List<float>();
var loads = new List<float>();
foreach (var line in File.ReadLines(Path.Combine(AppContext.BaseDirectory, "Data", "energy.tsv")))
{
    var cells = line.Split('\t', StringSplitOptions.RemoveEmptyEntries);
    temperatures.Add(float.Parse(cells[1], CultureInfo.InvariantCulture));
    loads.Add(float.Parse(cells[2], CultureInfo.InvariantCulture) / 1000f);
}

var x = torch.tensor(temperatures.ToArray()).unsqueeze(1);
var y = torch.tensor(loads.ToArray()).unsqueeze(1);
var model = Sequential(Linear(1, 8), ReLU(), Linear(8, 1));
var optimizer = torch.optim.RMSProp(model.parameters(), lr: 0.01);
for (var epoch = 0; epoch < 300; epoch++)
{
    optimizer.zero_grad();
    var loss = functional.mse_loss(model.forward(x), y); // SCALE001 expected
    loss.backward();
    optimizer.step();
}
