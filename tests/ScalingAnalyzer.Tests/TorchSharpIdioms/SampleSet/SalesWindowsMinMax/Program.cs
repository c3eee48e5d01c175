using System.Globalization;
using TorchSharp;
using static TorchSharp.torch;

var units = File.ReadAllLines("Data/sales.csv")
    .Skip(1)
    .Select(line => float.Parse(line.Split(',')[1], CultureInfo.InvariantCulture))
    .ToArray();
var series = torch.tensor(units);
var lo = series.min();
var hi = series.max();
series = (series - lo) / (hi - lo);
const int window = 7;
var windows = series.unfold(0, window + 1, 1);
var inputs = windows[.., ..window];
var targets = windows[.., window..];
var model = nn.Sequential(nn.Linear(window, 16), nn.Tanh(), nn.Linear(16, 1));
var optimizer = optim.Adam(model.parameters(), 0.005);
var mse = nn.MSELoss();
for (int epoch = 0; epoch < 300; epoch++)
{
    optimizer.zero_grad();
    var loss = mse.forward(model.forward(inputs), targets);
    loss.backward();
    optimizer.step();
}
Console.WriteLine("done");
