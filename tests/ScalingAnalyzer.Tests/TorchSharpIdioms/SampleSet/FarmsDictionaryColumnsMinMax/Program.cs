using System.Globalization;
using TorchSharp;
using static TorchSharp.torch;

var lines = File.ReadAllLines(Path.Combine("Data", "farms.csv"));
var header = lines[0].Split(',');
var columns = new Dictionary<string, float[]>();
foreach (var name in header)
    columns[name] = new float[lines.Length - 1];
for (var row = 1; row < lines.Length; row++)
{
    var cells = lines[row].Split(',');
    for (var c = 0; c < header.Length; c++)
        columns[header[c]][row - 1] = float.Parse(cells[c], CultureInfo.InvariantCulture);
}

string[] featureNames = { "area_ha", "rainfall_mm", "fertilizer_kg" };
foreach (var name in featureNames)
{
    var values = columns[name];
    var min = values.Min();
    var max = values.Max();
    columns[name] = values.Select(v => (v - min) / (max - min)).ToArray();
}

var x = torch.stack(featureNames.Select(name => torch.tensor(columns[name])).ToArray(), 1);
var y = torch.tensor(columns["yield_t"]).unsqueeze(1);

var model = nn.Sequential(nn.Linear(3, 8), nn.ReLU(), nn.Linear(8, 1));
var optimizer = torch.optim.SGD(model.parameters(), 0.05);
for (var epoch = 0; epoch < 400; epoch++)
{
    optimizer.zero_grad();
    var loss = nn.functional.mse_loss(model.forward(x), y);
    loss.backward();
    optimizer.step();
}
