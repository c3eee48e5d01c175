using System.Globalization;
using TorchSharp;
using static TorchSharp.torch;

var samples = new List<CompressorSample>();
using (var reader = new StreamReader(Path.Combine("Data", "compressors.csv")))
{
    reader.ReadLine();
    while (!reader.EndOfStream)
    {
        var p = reader.ReadLine()!.Split(',');
        samples.Add(new CompressorSample
        {
            OutletBar = float.Parse(p[0], CultureInfo.InvariantCulture),
            MotorKw = float.Parse(p[1], CultureInfo.InvariantCulture),
            OilC = float.Parse(p[2], CultureInfo.InvariantCulture),
            FailureProbability = float.Parse(p[3], CultureInfo.InvariantCulture),
        });
    }
}

var buffer = new float[samples.Count * 3];
var labels = new float[samples.Count];
for (var i = 0; i < samples.Count; i++)
{
    var s = samples[i];
    buffer[3 * i] = s.OutletBar;
    buffer[3 * i + 1] = s.MotorKw;
    buffer[3 * i + 2] = s.OilC;
    labels[i] = s.FailureProbability;
}

var x = torch.tensor(buffer).reshape(samples.Count, 3);
var y = torch.tensor(labels).reshape(samples.Count, 1);
var model = nn.Sequential(nn.Linear(3, 8), nn.ReLU(), nn.Linear(8, 1), nn.Sigmoid());
var optimizer = torch.optim.Adam(model.parameters());
var bce = nn.BCELoss();
for (var epoch = 0; epoch < 500; epoch++)
{
    optimizer.zero_grad();
    var loss = bce.forward(model.forward(x), y); // SCALE001 expected
    loss.backward();
    optimizer.step();
}

internal struct CompressorSample
{
    public float OutletBar;
    public float MotorKw;
    public float OilC;
    public float FailureProbability;
}
