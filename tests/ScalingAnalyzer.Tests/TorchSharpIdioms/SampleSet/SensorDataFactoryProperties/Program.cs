using System.Globalization;
using TorchSharp;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace Sensors;

public sealed class SensorData
{
    private SensorData(Tensor inputs, Tensor outputs)
    {
        Inputs = inputs;
        Outputs = outputs;
    }

    public Tensor Inputs { get; }
    public Tensor Outputs { get; }

    public static SensorData FromCsv(string path)
    {
        var records = File.ReadLines(path).Skip(1).Select(l => l.Split(',')).ToList();
        var pressure = records.Select(r => float.Parse(r[1], CultureInfo.InvariantCulture)).ToArray();
        var output = records.Select(r => float.Parse(r[3], CultureInfo.InvariantCulture)).ToArray();
        return new SensorData(torch.tensor(pressure).reshape(-1, 1), torch.tensor(output).reshape(-1, 1));
    }
}

public static class Program
{
    public static void Main()
    {
        var data = SensorData.FromCsv("Data/sensors.csv");
        var model = Linear(1, 1);
        var optimizer = torch.optim.Adam(model.parameters(), lr: 0.01);
        for (var epoch = 0; epoch < 300; epoch++)
        {
            optimizer.zero_grad();
            var loss = functional.mse_loss(model.forward(data.Inputs), data.Outputs); // SCALE001 expected
            loss.backward();
            optimizer.step();
        }
    }
}
