using System.Globalization;
using TorchSharp;
using static TorchSharp.torch;

namespace KilnData;

public sealed class KilnDataset : torch.utils.data.Dataset
{
    private readonly Tensor _inputs;
    private readonly Tensor _strength;

    public KilnDataset(Tensor inputs, Tensor strength)
    {
        _inputs = inputs;
        _strength = strength;
    }

    public override long Count => _inputs.shape[0];

    public override Dictionary<string, Tensor> GetTensor(long index)
    {
        var item = new Dictionary<string, Tensor>();
        item.Add("data", _inputs[index]);
        item.Add("label", _strength[index]);
        return item;
    }
}

public static class Program
{
    public static void Main()
    {
        var rows = File.ReadAllLines("Data/kilns.csv").Skip(1).Select(l => l.Split(',')).ToArray();
        var flat = rows.SelectMany(r => r.Take(3)).Select(v => float.Parse(v, CultureInfo.InvariantCulture)).ToArray();
        var inputs = torch.tensor(flat).reshape(rows.Length, 3);
        var strength = torch.tensor(rows.Select(r => float.Parse(r[3], CultureInfo.InvariantCulture) / 60f).ToArray()).reshape(-1, 1);

        using var train = new KilnDataset(inputs, strength);
        using var loader = torch.utils.data.DataLoader(train, batchSize: 10, shuffle: true);
        var model = nn.Sequential(nn.Linear(3, 12), nn.ReLU(), nn.Linear(12, 1));
        var optimizer = torch.optim.Adam(model.parameters(), lr: 0.003);
        for (var epoch = 0; epoch < 50; epoch++)
        {
            foreach (var batch in loader)
            {
                optimizer.zero_grad();
                var loss = nn.functional.mse_loss(model.forward(batch["data"]), batch["label"]); // SCALE001 expected
                loss.backward();
                optimizer.step();
            }
        }
    }
}
