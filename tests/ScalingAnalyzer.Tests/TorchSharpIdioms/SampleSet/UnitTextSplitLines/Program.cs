using System.Globalization;
using TorchSharp;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

var text = File.ReadAllText("Data/unit.csv");
var lines = text.Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(1).ToArray();
var a = new float[lines.Length];
var b = new float[lines.Length];
var t = new float[lines.Length];
for (var i = 0; i < lines.Length; i++)
{
    var cells = lines[i].Trim().Split(',');
    a[i] = float.Parse(cells[0], CultureInfo.InvariantCulture);
    b[i] = float.Parse(cells[1], CultureInfo.InvariantCulture);
    t[i] = float.Parse(cells[2], CultureInfo.InvariantCulture);
}
var x = torch.stack(new[] { torch.tensor(a), torch.tensor(b) }, dim: 1);
var y = torch.tensor(t).unsqueeze(1);
var model = Linear(2, 1);
var optimizer = torch.optim.Adam(model.parameters(), lr: 0.05);
for (var step = 0; step < 300; step++)
{
    optimizer.zero_grad();
    var loss = functional.mse_loss(model.forward(x), y);
    loss.backward();
    optimizer.step();
}
