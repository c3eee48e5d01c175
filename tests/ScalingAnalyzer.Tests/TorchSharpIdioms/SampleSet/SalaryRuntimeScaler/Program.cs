using System.Globalization;
using ScalingAnalyzer.Runtime;
using TorchSharp;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

var rows = File.ReadAllLines("Data/Salary_Data.csv").Skip(1).Select(l => l.Split(',')).ToArray();
var years = torch.tensor(rows.Select(r => float.Parse(r[0], CultureInfo.InvariantCulture)).ToArray()).reshape(-1, 1);
var salary = torch.tensor(rows.Select(r => float.Parse(r[1], CultureInfo.InvariantCulture)).ToArray()).reshape(-1, 1);

var xScaler = StandardScaler.Fit(years);
var yScaler = StandardScaler.Fit(salary);
var x = xScaler.Transform(years);
var y = yScaler.Transform(salary);

var model = Linear(1, 1);
var optimizer = torch.optim.Adam(model.parameters(), lr: 0.01);
for (var epoch = 0; epoch < 300; epoch++)
{
    optimizer.zero_grad();
    var loss = functional.mse_loss(model.forward(x), y);
    loss.backward();
    optimizer.step();
}
