using System.Globalization;
using TorchSharp;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

// Ratings from 1 to 5 and a discount fraction: already on a small scale.
var x = new List<float>();
var y = new List<long>();
using var reader = new StreamReader("Data/ratings.csv");
var header = reader.ReadLine();
string? line;
while ((line = reader.ReadLine()) is not null)
{
    var parts = line.Split(';');
    x.Add(float.Parse(parts[0], CultureInfo.InvariantCulture));
    x.Add(float.Parse(parts[1], CultureInfo.InvariantCulture));
    x.Add(float.Parse(parts[2], CultureInfo.InvariantCulture));
    y.Add(long.Parse(parts[3], CultureInfo.InvariantCulture));
}
var features = torch.tensor(x.ToArray()).reshape(-1, 3);
var labels = torch.tensor(y.ToArray());
var model = Sequential(Linear(3, 8), ReLU(), Linear(8, 2));
var optimizer = torch.optim.Adam(model.parameters(), lr: 0.01);
var criterion = CrossEntropyLoss();
for (var epoch = 0; epoch < 200; epoch++)
{
    optimizer.zero_grad();
    var loss = criterion.forward(model.forward(features), labels);
    loss.backward();
    optimizer.step();
}
