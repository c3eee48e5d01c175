using System.Globalization;
using TorchSharp;
using static TorchSharp.torch;

var patients = File.ReadAllLines(Path.Combine("Data", "patients.csv")).Skip(1)
    .Select(Patient.Parse)
    .ToArray();

var age = Normalization.ZScore(patients.Select(p => p.Age).ToArray());
var systolic = Normalization.ZScore(patients.Select(p => p.Systolic).ToArray());
var cholesterol = Normalization.ZScore(patients.Select(p => p.Cholesterol).ToArray());
var bmi = Normalization.ZScore(patients.Select(p => p.Bmi).ToArray());

var features = new float[patients.Length, 4];
for (var i = 0; i < patients.Length; i++)
{
    features[i, 0] = age[i];
    features[i, 1] = systolic[i];
    features[i, 2] = cholesterol[i];
    features[i, 3] = bmi[i];
}
var x = torch.tensor(features);
var y = torch.tensor(patients.Select(p => (float)p.Risk).ToArray()).reshape(-1, 1);

var model = nn.Sequential(nn.Linear(4, 8), nn.ReLU(), nn.Linear(8, 1));
var optimizer = torch.optim.Adam(model.parameters(), lr: 0.01);
var criterion = nn.BCEWithLogitsLoss();
for (var epoch = 0; epoch < 300; epoch++)
{
    optimizer.zero_grad();
    var loss = criterion.forward(model.forward(x), y);
    loss.backward();
    optimizer.step();
}

internal readonly record struct Patient(float Age, float Systolic, float Cholesterol, float Bmi, int Risk)
{
    public static Patient Parse(string line)
    {
        var p = line.Split(',');
        return new Patient(
            float.Parse(p[0], CultureInfo.InvariantCulture),
            float.Parse(p[1], CultureInfo.InvariantCulture),
            float.Parse(p[2], CultureInfo.InvariantCulture),
            float.Parse(p[3], CultureInfo.InvariantCulture),
            int.Parse(p[4], CultureInfo.InvariantCulture));
    }
}

internal static class Normalization
{
    public static float[] ZScore(float[] values)
    {
        var mean = values.Average();
        var std = MathF.Sqrt(values.Select(v => (v - mean) * (v - mean)).Average());
        return values.Select(v => (v - mean) / std).ToArray();
    }
}
