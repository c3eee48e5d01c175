using System.Globalization;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace Survey
{
    /// <summary>Shares and probabilities: already between 0 and 1.</summary>
    internal sealed class SurveyDataset : torch.utils.data.Dataset
    {
        private readonly float[][] _answers;
        private readonly float[] _risk;

        public SurveyDataset(string path)
        {
            var lines = File.ReadAllLines(path);
            _answers = new float[lines.Length - 1][];
            _risk = new float[lines.Length - 1];
            for (var i = 1; i < lines.Length; i++)
            {
                var cells = lines[i].Split('\t');
                _answers[i - 1] = new[]
                {
                    float.Parse(cells[0], CultureInfo.InvariantCulture),
                    float.Parse(cells[1], CultureInfo.InvariantCulture),
                    float.Parse(cells[2], CultureInfo.InvariantCulture),
                };
                _risk[i - 1] = float.Parse(cells[3], CultureInfo.InvariantCulture);
            }
        }

        public override long Count => _risk.Length;

        public override Dictionary<string, Tensor> GetTensor(long index) => new()
        {
            ["data"] = torch.tensor(_answers[index]),
            ["label"] = torch.tensor(new[] { _risk[index] }),
        };
    }

    internal static class Program
    {
        private static void Main()
        {
            using var loader = new DataLoader(new SurveyDataset("Data/survey.tsv"), 2, shuffle: true);
            var model = Sequential(Linear(3, 8), Tanh(), Linear(8, 1), Sigmoid());
            var optimizer = torch.optim.Adam(model.parameters(), lr: 0.01);
            var criterion = MSELoss();
            for (var epoch = 0; epoch < 100; epoch++)
            {
                foreach (var batch in loader)
                {
                    optimizer.zero_grad();
                    var loss = criterion.forward(model.forward(batch["data"]), batch["label"]);
                    loss.backward();
                    optimizer.step();
                }
            }
        }
    }
}
