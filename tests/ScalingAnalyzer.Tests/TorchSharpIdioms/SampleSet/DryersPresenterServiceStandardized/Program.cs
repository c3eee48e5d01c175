using System.Globalization;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace DryersAppScaled;

/// <summary>What the main window shows; the training runs in the service behind it.</summary>
internal sealed class MainPresenter
{
    private readonly MoistureModelService _service = new();
    public string Status { get; private set; } = "";

    public void OnTrainClicked(object? sender, EventArgs e)
    {
        var path = Path.Combine(AppContext.BaseDirectory, "Data", "dryers.csv");
        var loss = _service.TrainFromFile(path, epochs: 250);
        Status = $"trained, loss {loss:F4}";
    }
}

internal sealed class MoistureModelService
{
    private static readonly CultureInfo German = CultureInfo.GetCultureInfo("de-DE");
    private readonly Linear _layer = nn.Linear(3, 1);

    public float TrainFromFile(string path, int epochs)
    {
        var rows = File.ReadAllLines(path).Skip(1).Select(l => l.Split(';')).ToArray();
        var inputs = new float[rows.Length * 3];
        var outputs = new float[rows.Length];
        for (var i = 0; i < rows.Length; i++)
        {
            inputs[i * 3] = float.Parse(rows[i][0], German);
            inputs[i * 3 + 1] = float.Parse(rows[i][1], German);
            inputs[i * 3 + 2] = float.Parse(rows[i][2], German);
            outputs[i] = float.Parse(rows[i][3], German);
        }
        var raw = torch.tensor(inputs, new long[] { rows.Length, 3 });
        var x = (raw - raw.mean(new long[] { 0 }, keepdim: true)) / raw.std(0, keepdim: true);
        var y = torch.tensor(outputs, new long[] { rows.Length, 1 });
        var optimizer = torch.optim.SGD(_layer.parameters(), 0.01);
        var loss = torch.zeros(1);
        for (var epoch = 0; epoch < epochs; epoch++)
        {
            optimizer.zero_grad();
            loss = nn.functional.l1_loss(_layer.forward(x), y);
            loss.backward();
            optimizer.step();
        }
        return loss.item<float>();
    }
}

internal static class Program
{
    private static void Main()
    {
        var presenter = new MainPresenter();
        presenter.OnTrainClicked(null, EventArgs.Empty);
        Console.WriteLine(presenter.Status);
    }
}
