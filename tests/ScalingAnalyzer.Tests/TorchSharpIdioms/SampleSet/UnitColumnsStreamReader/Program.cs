using System.Globalization;
using TorchSharp;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

var inputs = new List<float[]>();
var outputs = new List<float>();
using var reader = new StreamReader(Path.Combine(AppContext.BaseDirectory, "Data", "scaled.csv"));
var header = reader.ReadLine();
string? line;
while ((line = reader.ReadLine()) != null)
{
    var p = line.Split(',');
    inputs.Add(new[] { float.Parse(p[0], CultureInfo.InvariantCulture), float.Parse(p[1], CultureInfo.InvariantCulture), float.Parse(p[2], CultureInfo.InvariantCulture) });
    outputs.Add(float.Parse(p[3], CultureInfo.InvariantCulture));
}

var x = torch.tensor(inputs.SelectMany(v => v).ToArray(), new long[] { inputs.Count, 3 });
var y = torch.tensor(outputs.ToArray(), new long[] { outputs.Count, 1 });
var model = Linear(3, 1);
var optimizer = torch.optim.SGD(model.parameters(), 0.1);
for (var epoch = 0; epoch < 200; epoch++)
{
    optimizer.zero_grad();
    var loss = functional.mse_loss(model.forward(x), y);
    loss.backward();
    optimizer.step();
}
