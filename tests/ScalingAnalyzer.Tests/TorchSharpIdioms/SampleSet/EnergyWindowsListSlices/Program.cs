using System.Globalization;
using TorchSharp;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

const int window = 6;

// Hourly load of the building, in kW.
var load = new List<float>();
foreach (var line in File.ReadLines("Data/load.csv").Skip(1))
{
    var fields = line.Split(',');
    load.Add(float.Parse(fields[1], CultureInfo.InvariantCulture));
}

var inputs = new List<float[]>();
var outputs = new List<float>();
for (var start = 0; start + window < load.Count; start++)
{
    inputs.Add(load.Skip(start).Take(window).ToArray());
    outputs.Add(load[start + window]);
}

var x = torch.tensor(inputs.SelectMany(w => w).ToArray(), new long[] { inputs.Count, window });
var y = torch.tensor(outputs.ToArray()).reshape(-1, 1) / 1000f;

var model = Sequential(Linear(window, 12), ReLU(), Linear(12, 1));
var optimizer = torch.optim.Adam(model.parameters(), lr: 0.005);
var criterion = MSELoss();
for (var epoch = 0; epoch < 250; epoch++)
{
    optimizer.zero_grad();
    var loss = criterion.forward(model.forward(x), y); // SCALE001 expected
    loss.backward();
    optimizer.step();
}
