using System.Globalization;
using TorchSharp;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

var lines = File.ReadAllLines("Data/houses.csv");
var logSizes = new float[lines.Length - 1];
var prices = new float[lines.Length - 1];
for (var i = 1; i < lines.Length; i++)
{
    var cells = lines[i].Split(',');
    logSizes[i - 1] = (float)Math.Log(double.Parse(cells[0], CultureInfo.InvariantCulture));
    prices[i - 1] = float.Parse(cells[3], CultureInfo.InvariantCulture) / 100_000f;
}
var x = torch.tensor(logSizes).reshape(-1, 1);
var y = torch.tensor(prices).reshape(-1, 1);
var model = Linear(1, 1);
var optimizer = torch.optim.SGD(model.parameters(), 0.01);
for (var epoch = 0; epoch < 2000; epoch++)
{
    optimizer.zero_grad();
    var loss = functional.mse_loss(model.forward(x), y);
    loss.backward();
    optimizer.step();
}
