using System.Globalization;
using TorchSharp;
using static TorchSharp.torch;

// Columns kept by header name; only the fractions are features, the plot area in square metres is not.
var lines = File.ReadAllLines(Path.Combine("Data", "soils.csv"));
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

var x = torch.stack(new[]
{
    torch.tensor(columns["ph_fraction"]),
    torch.tensor(columns["moisture_frac"]),
    torch.tensor(columns["organic_frac"]),
}, 1);
var y = torch.tensor(columns["yield_kg"]).unsqueeze(1) / 1000f;

var model = nn.Sequential(nn.Linear(3, 8), nn.ReLU(), nn.Linear(8, 1));
var optimizer = torch.optim.SGD(model.parameters(), 0.01);
for (var epoch = 0; epoch < 400; epoch++)
{
    optimizer.zero_grad();
    var loss = nn.functional.mse_loss(model.forward(x), y);
    loss.backward();
    optimizer.step();
}
