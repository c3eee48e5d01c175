using System.Globalization;
using TorchSharp;
using static TorchSharp.torch;

// Columns kept by header name, the way a small pandas-like loader of one's own keeps them.
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

var x = torch.stack(new[]
{
    torch.tensor(columns["area_ha"]),
    torch.tensor(columns["rainfall_mm"]),
    torch.tensor(columns["fertilizer_kg"]),
}, 1);
var y = torch.tensor(columns["yield_t"]).unsqueeze(1);

var model = nn.Sequential(nn.Linear(3, 8), nn.ReLU(), nn.Linear(8, 1));
var optimizer = torch.optim.SGD(model.parameters(), 0.001);
for (var epoch = 0; epoch < 400; epoch++)
{
    optimizer.zero_grad();
    var loss = nn.functional.mse_loss(model.forward(x), y); // SCALE001 expected
    loss.backward();
    optimizer.step();
}
