using Microsoft.Data.Analysis;
using TorchSharp;
using static TorchSharp.torch;

namespace ChillersFrameRows
{
    internal static class Program
    {
        private static void Main()
        {
            var frame = DataFrame.LoadCsv("Data/chillers.csv");
            var inputs = new List<float>();
            var outputs = new List<float>();
            foreach (var row in frame.Rows)
            {
                inputs.Add(Convert.ToSingle(row[0]));
                inputs.Add(Convert.ToSingle(row[1]));
                outputs.Add(Convert.ToSingle(row[3]) / 6.5f);
            }
            var x = torch.tensor(inputs.ToArray()).reshape(-1, 2);
            var y = torch.tensor(outputs.ToArray()).reshape(-1, 1);
            var model = nn.Linear(2, 1);
            var optimizer = torch.optim.SGD(model.parameters(), 1e-4);
            for (var epoch = 0; epoch < 500; epoch++)
            {
                optimizer.zero_grad();
                var loss = nn.functional.mse_loss(model.forward(x), y); // SCALE001 expected
                loss.backward();
                optimizer.step();
            }
        }
    }
}
