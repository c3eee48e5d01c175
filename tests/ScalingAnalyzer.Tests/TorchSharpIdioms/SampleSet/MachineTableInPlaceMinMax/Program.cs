using System.Globalization;
using TorchSharp;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

var lines = File.ReadAllLines("Data/machines.csv").Skip(1).ToArray();
const int columns = 3;
var table = new float[lines.Length, columns];
var failures = new long[lines.Length];
for (var i = 0; i < lines.Length; i++)
{
    var cells = lines[i].Split(',');
    for (var j = 0; j < columns; j++)
        table[i, j] = float.Parse(cells[j], CultureInfo.InvariantCulture);
    failures[i] = long.Parse(cells[3], CultureInfo.InvariantCulture);
}

// Min-max scale each column to [0, 1].
var mins = new float[columns];
var maxs = new float[columns];
for (var j = 0; j < columns; j++)
{
    mins[j] = float.MaxValue;
    maxs[j] = float.MinValue;
    for (var i = 0; i < lines.Length; i++)
    {
        mins[j] = Math.Min(mins[j], table[i, j]);
        maxs[j] = Math.Max(maxs[j], table[i, j]);
    }
}
for (var i = 0; i < lines.Length; i++)
    for (var j = 0; j < columns; j++)
        table[i, j] = (table[i, j] - mins[j]) / (maxs[j] - mins[j]);

var x = torch.tensor(table);
var y = torch.tensor(failures);
var model = Sequential(Linear(columns, 8), ReLU(), Linear(8, 2));
var optimizer = torch.optim.SGD(model.parameters(), learningRate: 0.1);
var criterion = CrossEntropyLoss();
for (var epoch = 0; epoch < 500; epoch++)
{
    optimizer.zero_grad();
    var loss = criterion.forward(model.forward(x), y);
    loss.backward();
    optimizer.step();
}
