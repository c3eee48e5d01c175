using System.Globalization;
using TorchSharp;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

var features = new List<float>();
var survived = new List<long>();
foreach (var line in File.ReadAllLines("Data/titanic.csv").Skip(1))
{
    var parts = line.Split(',');
    if (!float.TryParse(parts[4], NumberStyles.Float, CultureInfo.InvariantCulture, out var age))
        continue;
    var fare = float.Parse(parts[5], CultureInfo.InvariantCulture);
    var pclass = float.Parse(parts[2], CultureInfo.InvariantCulture);
    features.AddRange(new[] { pclass, age, fare });
    survived.Add(long.Parse(parts[1]));
}

var x = torch.tensor(features.ToArray()).view(-1, 3);
var y = torch.tensor(survived.ToArray());
var model = Sequential(Linear(3, 16), ReLU(), Linear(16, 2));
var optimizer = torch.optim.Adam(model.parameters(), lr: 0.01);
var lossFn = CrossEntropyLoss();
for (var epoch = 0; epoch < 100; epoch++)
{
    optimizer.zero_grad();
    var loss = lossFn.forward(model.forward(x), y); // SCALE001 expected
    loss.backward();
    optimizer.step();
}
