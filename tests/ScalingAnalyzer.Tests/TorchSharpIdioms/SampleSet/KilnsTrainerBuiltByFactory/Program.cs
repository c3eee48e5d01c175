using System.Globalization;
using TorchSharp;
using static TorchSharp.torch;

namespace KilnFactory;

internal sealed class StrengthTrainer
{
    private readonly Tensor _inputs;
    private readonly Tensor _strength;
    private readonly nn.Module<Tensor, Tensor> _model = nn.Sequential(nn.Linear(3, 10), nn.ReLU(), nn.Linear(10, 1));

    public StrengthTrainer(Tensor inputs, Tensor strength)
    {
        _inputs = inputs;
        _strength = strength;
    }

    public static StrengthTrainer FromCsv(string path)
    {
        var rows = File.ReadAllLines(path).Skip(1).Select(l => l.Split(',')).ToArray();
        var inputs = torch.tensor(rows.SelectMany(r => r.Take(3)).Select(v => float.Parse(v, CultureInfo.InvariantCulture)).ToArray()).reshape(-1, 3);
        var strength = torch.tensor(rows.Select(r => float.Parse(r[3], CultureInfo.InvariantCulture) / 60f).ToArray()).reshape(-1, 1);
        return new StrengthTrainer(inputs, strength);
    }

    public void Fit(int epochs)
    {
        var optimizer = torch.optim.Adam(_model.parameters(), lr: 0.01);
        for (var epoch = 0; epoch < epochs; epoch++)
        {
            optimizer.zero_grad();
            var loss = nn.functional.mse_loss(_model.forward(_inputs), _strength); // SCALE001 expected
            loss.backward();
            optimizer.step();
        }
    }
}

internal static class Program
{
    private static void Main() => StrengthTrainer.FromCsv("Data/kilns.csv").Fit(200);
}
