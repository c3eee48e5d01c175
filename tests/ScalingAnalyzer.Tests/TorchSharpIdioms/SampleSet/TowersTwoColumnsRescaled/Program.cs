using System.Globalization;
using TorchSharp;
using static TorchSharp.torch;

var lines = File.ReadAllLines(Path.Combine("Data", "towers.csv")).Skip(1).ToArray();
var table = new float[lines.Length, 3];
var approach = new float[lines.Length, 1];
for (var i = 0; i < lines.Length; i++)
{
    var c = lines[i].Split(',');
    table[i, 0] = float.Parse(c[0], CultureInfo.InvariantCulture);
    table[i, 1] = float.Parse(c[1], CultureInfo.InvariantCulture);
    table[i, 2] = float.Parse(c[2], CultureInfo.InvariantCulture);
    approach[i, 0] = float.Parse(c[3], CultureInfo.InvariantCulture);
}

// The water temperature, then the pressure, each standardized in its own loops.
var column = 1;
var mean = 0f;
for (var i = 0; i < lines.Length; i++)
    mean += table[i, column] / lines.Length;
var spread = 0f;
for (var i = 0; i < lines.Length; i++)
    spread += (table[i, column] - mean) * (table[i, column] - mean) / lines.Length;
spread = MathF.Sqrt(spread);
for (var i = 0; i < lines.Length; i++)
    table[i, column] = (table[i, column] - mean) / spread;

column = 2;
mean = 0f;
for (var i = 0; i < lines.Length; i++)
    mean += table[i, column] / lines.Length;
spread = 0f;
for (var i = 0; i < lines.Length; i++)
    spread += (table[i, column] - mean) * (table[i, column] - mean) / lines.Length;
spread = MathF.Sqrt(spread);
for (var i = 0; i < lines.Length; i++)
    table[i, column] = (table[i, column] - mean) / spread;

var x = torch.tensor(table);
var y = torch.tensor(approach);
var model = nn.Sequential(nn.Linear(3, 6), nn.ReLU(), nn.Linear(6, 1));
var optimizer = torch.optim.Adam(model.parameters(), lr: 0.01);
for (var epoch = 0; epoch < 200; epoch++)
{
    optimizer.zero_grad();
    var loss = nn.functional.mse_loss(model.forward(x), y);
    loss.backward();
    optimizer.step();
}
