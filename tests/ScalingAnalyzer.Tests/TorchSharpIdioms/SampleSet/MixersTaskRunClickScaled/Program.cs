using System.Globalization;
using TorchSharp;
using static TorchSharp.torch;

namespace MixersAppScaled;

internal sealed class MixerSample
{
    public float SpeedRpm { get; init; }
    public float TorqueNm { get; init; }
    public float ViscosityCp { get; init; }
    public float PowerKw { get; init; }
}

/// <summary>The form's code-behind: the button starts the training off the UI thread.</summary>
internal sealed class MainForm
{
    private readonly PowerModelService _service = new();
    public string StatusText { get; private set; } = "";

    public async Task OnTrainButtonClick(object? sender, EventArgs e)
    {
        var samples = File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, "Data", "mixers.csv"))
            .Skip(1)
            .Select(line => line.Split(','))
            .Select(p => new MixerSample
            {
                SpeedRpm = float.Parse(p[0], CultureInfo.InvariantCulture),
                TorqueNm = float.Parse(p[1], CultureInfo.InvariantCulture),
                ViscosityCp = float.Parse(p[2], CultureInfo.InvariantCulture),
                PowerKw = float.Parse(p[3], CultureInfo.InvariantCulture),
            })
            .ToList();
        var loss = await Task.Run(() => _service.Train(samples));
        StatusText = $"loss {loss:F3}";
    }
}

internal sealed class PowerModelService
{
    private readonly nn.Module<Tensor, Tensor> _model = nn.Sequential(nn.Linear(3, 12), nn.ReLU(), nn.Linear(12, 1));

    public float Train(List<MixerSample> samples)
    {
        var raw = torch.tensor(samples.SelectMany(s => new[] { s.SpeedRpm, s.TorqueNm, s.ViscosityCp }).ToArray()).view(-1, 3);
        var (std, mean) = torch.std_mean(raw, new long[] { 0 }, keepdim: true);
        var x = (raw - mean) / std;
        var y = torch.tensor(samples.Select(s => s.PowerKw).ToArray()).view(-1, 1);
        var optimizer = torch.optim.Adam(_model.parameters(), lr: 0.01);
        var last = 0f;
        for (var epoch = 0; epoch < 250; epoch++)
        {
            optimizer.zero_grad();
            var loss = nn.functional.mse_loss(_model.forward(x), y);
            loss.backward();
            optimizer.step();
            last = loss.item<float>();
        }
        return last;
    }
}

internal static class Program
{
    private static async Task Main()
    {
        var form = new MainForm();
        await form.OnTrainButtonClick(null, EventArgs.Empty);
        Console.WriteLine(form.StatusText);
    }
}
