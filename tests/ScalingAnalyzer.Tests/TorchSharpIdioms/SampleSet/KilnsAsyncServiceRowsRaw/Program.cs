using System.Globalization;
using TorchSharp;
using static TorchSharp.torch;

var rows = new List<KilnRow>();
foreach (var line in (await File.ReadAllLinesAsync(Path.Combine("Data", "kilns.csv"))).Skip(1))
{
    var p = line.Split(';');
    rows.Add(new KilnRow(
        float.Parse(p[0], CultureInfo.InvariantCulture),
        float.Parse(p[1], CultureInfo.InvariantCulture),
        float.Parse(p[2], CultureInfo.InvariantCulture),
        float.Parse(p[3], CultureInfo.InvariantCulture)));
}
var service = new QualityService();
await service.TrainAsync(rows, 200);

internal sealed record KilnRow(float BurnerKw, float FeedTph, float DraftPa, float Quality);

internal sealed class QualityService
{
    private readonly nn.Module<Tensor, Tensor> _model = nn.Sequential(nn.Linear(3, 8), nn.ReLU(), nn.Linear(8, 1));

    public Task TrainAsync(IEnumerable<KilnRow> rows, int epochs) => Task.Run(() =>
    {
        var list = rows.ToList();
        var x = torch.tensor(list.SelectMany(r => new[] { r.BurnerKw, r.FeedTph, r.DraftPa }).ToArray()).reshape(list.Count, 3);
        var y = torch.tensor(list.Select(r => r.Quality).ToArray()).reshape(list.Count, 1);
        var optimizer = torch.optim.Adam(_model.parameters(), lr: 0.01);
        for (var epoch = 0; epoch < epochs; epoch++)
        {
            optimizer.zero_grad();
            var loss = nn.functional.mse_loss(_model.forward(x), y); // SCALE001 expected
            loss.backward();
            optimizer.step();
        }
    });
}
