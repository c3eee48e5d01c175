using TorchSharp;
using static TorchSharp.torch;

namespace Patients;

public sealed class PatientData
{
    public PatientData(int count, int seed)
    {
        var random = new Random(seed);
        var raw = new float[count, 3];
        var risk = new float[count, 1];
        for (var i = 0; i < count; i++)
        {
            raw[i, 0] = 40f + (float)random.NextDouble() * 80f;      // weight, kg
            raw[i, 1] = 90f + (float)random.NextDouble() * 110f;     // systolic pressure
            raw[i, 2] = 3f + (float)random.NextDouble() * 7f;        // cholesterol, mmol/l
            risk[i, 0] = raw[i, 1] > 150f ? 1f : 0f;
        }
        var x = torch.tensor(raw);
        var min = x.amin(new long[] { 0 }, keepdim: true);
        var max = x.amax(new long[] { 0 }, keepdim: true);
        Features = (x - min) / (max - min);
        Labels = torch.tensor(risk);
    }

    public Tensor Features { get; }
    public Tensor Labels { get; }
}

public static class Program
{
    public static void Main()
    {
        var data = new PatientData(300, seed: 3);
        var model = nn.Sequential(nn.Linear(3, 6), nn.ReLU(), nn.Linear(6, 1), nn.Sigmoid());
        var optimizer = torch.optim.Adam(model.parameters(), lr: 0.01);
        var bce = nn.BCELoss();
        for (var epoch = 0; epoch < 150; epoch++)
        {
            optimizer.zero_grad();
            var loss = bce.forward(model.forward(data.Features), data.Labels);
            loss.backward();
            optimizer.step();
        }
    }
}
