using System.Globalization;
using TorchSharp;
using static TorchSharp.torch;

namespace SurveyChurn
{
    internal static class SurveyFile
    {
        public static IEnumerable<(float[] Answers, long Churned)> Rows(string path)
        {
            foreach (var line in File.ReadLines(path).Skip(1))
            {
                var parts = line.Split(',');
                var answers = parts.Take(4).Select(p => float.Parse(p, CultureInfo.InvariantCulture)).ToArray();
                yield return (answers, long.Parse(parts[4], CultureInfo.InvariantCulture));
            }
        }
    }

    internal static class Program
    {
        private static void Main()
        {
            var rows = SurveyFile.Rows(Path.Combine(AppContext.BaseDirectory, "Data", "survey.csv")).ToArray();
            var x = torch.tensor(rows.SelectMany(r => r.Answers).ToArray()).reshape(-1, 4);
            var y = torch.tensor(rows.Select(r => r.Churned).ToArray());
            var model = nn.Sequential(nn.Linear(4, 16), nn.ReLU(), nn.Linear(16, 2));
            var optimizer = torch.optim.Adagrad(model.parameters(), lr: 0.05);
            var criterion = nn.CrossEntropyLoss();
            for (var epoch = 0; epoch < 150; epoch++)
            {
                optimizer.zero_grad();
                var loss = criterion.forward(model.forward(x), y);
                loss.backward();
                optimizer.step();
            }
        }
    }
}
