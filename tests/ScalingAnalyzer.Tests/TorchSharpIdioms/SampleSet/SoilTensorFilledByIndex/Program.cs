using System.Globalization;
using TorchSharp;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

var lines = File.ReadAllLines("Data/soil.csv").Skip(1).ToArray();
var x = torch.zeros(lines.Length, 3);
var y = torch.zeros(lines.Length, 1);
for (var i = 0; i < lines.Length; i++)
{
    var cells = lines[i].Split(',');
    for (var j = 0; j < 3; j++)
        x[i, j] = float.Parse(cells[j], CultureInfo.InvariantCulture);
    y[i, 0] = float.Parse(cells[3], CultureInfo.InvariantCulture);
}

var model = Sequential(Linear(3, 8), ReLU(), Linear(8, 1));
var optimizer = torch.optim.Adam(model.parameters(), lr: 0.01);
for (var epoch = 0; epoch < 300; epoch++)
{
    optimizer.zero_grad();
    var loss = functional.mse_loss(model.forward(x), y); // SCALE001 expected
    loss.backward();
    optimizer.step();
}
