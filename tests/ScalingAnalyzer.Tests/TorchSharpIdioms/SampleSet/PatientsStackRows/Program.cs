using System.Globalization;
using TorchSharp;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

var samples = new List<Tensor>();
var labels = new List<long>();
foreach (var line in File.ReadLines("Data/patients.csv").Skip(1))
{
    var values = line.Split(',').Select(v => float.Parse(v, CultureInfo.InvariantCulture)).ToArray();
    samples.Add(torch.tensor(values[..4]));
    labels.Add((long)values[4]);
}

var x = torch.stack(samples);
var y = torch.tensor(labels.ToArray());

var model = Sequential(Linear(4, 10), ReLU(), Linear(10, 2));
var optimizer = torch.optim.Adam(model.parameters(), lr: 0.01);
var criterion = CrossEntropyLoss();
for (var epoch = 0; epoch < 200; epoch++)
{
    optimizer.zero_grad();
    var logits = model.forward(x); // SCALE001 expected
    var loss = criterion.forward(logits, y);
    loss.backward();
    optimizer.step();
}
