using System.Globalization;
using TorchSharp;
using static TorchSharp.torch;

var (x, y) = Load(Path.Combine(AppContext.BaseDirectory, "Data", "sensors.csv"));
var model = nn.Sequential(nn.Linear(3, 8), nn.ReLU(), nn.Linear(8, 2));
var optimizer = torch.optim.Adam(model.parameters(), lr: 0.01);
var criterion = nn.CrossEntropyLoss();
for (var epoch = 0; epoch < 100; epoch++)
{
    optimizer.zero_grad();
    var loss = criterion.forward(model.forward(x), y);
    loss.backward();
    optimizer.step();
}

static (Tensor Features, Tensor Labels) Load(string path)
{
    var features = new List<float>();
    var labels = new List<long>();
    using var reader = new StreamReader(File.OpenRead(path));
    reader.ReadLine();
    string? line;
    while ((line = reader.ReadLine()) is not null)
    {
        var parts = line.Split(',');
        for (var j = 0; j < 3; j++)
            features.Add(float.Parse(parts[j], CultureInfo.InvariantCulture));
        labels.Add(long.Parse(parts[3], CultureInfo.InvariantCulture));
    }
    return (torch.tensor(features.ToArray()).reshape(-1, 3), torch.tensor(labels.ToArray()));
}
