using System.Globalization;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

var lines = File.ReadAllLines("Data/traffic.csv").Skip(1).ToArray();
var table = new float[lines.Length, 3];
var congested = new long[lines.Length];
for (var i = 0; i < lines.Length; i++)
{
    var fields = lines[i].Split(',');
    for (var j = 0; j < 3; j++)
        table[i, j] = float.Parse(fields[j], CultureInfo.InvariantCulture);
    congested[i] = long.Parse(fields[3], CultureInfo.InvariantCulture);
}

var x = torch.tensor(table);
var y = torch.tensor(congested);

// Min-max scale every column to [0, 1].
var min = x.min(0).values;
var max = x.max(0).values;
x = (x - min) / (max - min);

var model = Sequential(("hidden", Linear(3, 8)), ("relu", ReLU()), ("out", Linear(8, 2)));
var optimizer = torch.optim.Adam(model.parameters(), lr: 0.01);
var criterion = CrossEntropyLoss();
for (var epoch = 0; epoch < 200; epoch++)
{
    optimizer.zero_grad();
    var loss = criterion.forward(model.forward(x), y);
    loss.backward();
    optimizer.step();
}
Console.WriteLine("trained");
