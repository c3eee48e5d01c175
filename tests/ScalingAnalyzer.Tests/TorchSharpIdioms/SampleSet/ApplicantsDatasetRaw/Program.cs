using System.Globalization;
using TorchSharp;
using static TorchSharp.torch;

namespace Credit;

public sealed record Applicant(float Income, float Debt, float Age, long Defaulted);

public sealed class ApplicantDataset : utils.data.Dataset
{
    private readonly Tensor features;
    private readonly Tensor labels;

    public ApplicantDataset(IReadOnlyList<Applicant> applicants)
    {
        features = torch.tensor(applicants.SelectMany(a => new[] { a.Income, a.Debt, a.Age }).ToArray()).reshape(applicants.Count, 3);
        labels = torch.tensor(applicants.Select(a => a.Defaulted).ToArray());
    }

    public override long Count => labels.shape[0];

    public override Dictionary<string, Tensor> GetTensor(long index)
        => new() { { "x", features[index] }, { "y", labels[index] } };
}

public static class Program
{
    public static void Main()
    {
        var applicants = File.ReadAllLines("Data/applicants.csv").Skip(1)
            .Select(l => l.Split(','))
            .Select(p => new Applicant(float.Parse(p[0], CultureInfo.InvariantCulture), float.Parse(p[1], CultureInfo.InvariantCulture),
                float.Parse(p[2], CultureInfo.InvariantCulture), long.Parse(p[3], CultureInfo.InvariantCulture)))
            .ToList();
        using var dataset = new ApplicantDataset(applicants);
        using var loader = utils.data.DataLoader(dataset, 32, shuffle: true);
        var model = nn.Sequential(nn.Linear(3, 16), nn.ReLU(), nn.Linear(16, 2));
        var optimizer = optim.Adam(model.parameters());
        var loss = nn.CrossEntropyLoss();
        for (var epoch = 0; epoch < 20; epoch++)
        {
            foreach (var batch in loader)
            {
                optimizer.zero_grad();
                var l = loss.forward(model.forward(batch["x"]), batch["y"]); // SCALE001 expected
                l.backward();
                optimizer.step();
            }
        }
    }
}
