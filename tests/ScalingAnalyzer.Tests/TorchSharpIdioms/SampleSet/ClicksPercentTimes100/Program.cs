using System.Globalization;
using TorchSharp;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

var rows = File.ReadAllLines("Data/campaigns.csv").Skip(1).Select(l => l.Split(',')).ToArray();
// Rates as percentages, the way the dashboard shows them.
var percent = rows.SelectMany(r => r.Take(3).Select(v => float.Parse(v, CultureInfo.InvariantCulture) * 100f)).ToArray();
var x = torch.tensor(percent, new long[] { rows.Length, 3 });
var y = torch.tensor(rows.Select(r => float.Parse(r[3], CultureInfo.InvariantCulture)).ToArray()).reshape(-1, 1);

var model = Sequential(Linear(3, 6), ReLU(), Linear(6, 1));
var optimizer = torch.optim.SGD(model.parameters(), learningRate: 0.01);
for (var epoch = 0; epoch < 300; epoch++)
{
    optimizer.zero_grad();
    var loss = functional.mse_loss(model.forward(x), y); // SCALE001 expected
    loss.backward();
    optimizer.step();
}
