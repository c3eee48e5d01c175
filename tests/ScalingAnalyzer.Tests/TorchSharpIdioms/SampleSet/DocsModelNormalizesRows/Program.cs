using System.Globalization;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace Spam
{
    /// <summary>Each document's counts scaled to unit length before the first layer: only their proportions matter.</summary>
    internal sealed class SpamNet : Module<Tensor, Tensor>
    {
        private readonly Linear _hidden = Linear(3, 8);
        private readonly Linear _output = Linear(8, 2);

        public SpamNet() : base(nameof(SpamNet)) => RegisterComponents();

        public override Tensor forward(Tensor input)
        {
            var proportions = functional.normalize(input, p: 2, dim: 1);
            return _output.forward(functional.relu(_hidden.forward(proportions)));
        }
    }

    internal static class Program
    {
        private static void Main()
        {
            var rows = File.ReadAllLines("Data/documents.csv").Skip(1).Select(l => l.Split(',')).ToArray();
            var x = torch.tensor(rows.SelectMany(r => r.Take(3)).Select(v => float.Parse(v, CultureInfo.InvariantCulture)).ToArray()).reshape(-1, 3);
            var y = torch.tensor(rows.Select(r => long.Parse(r[3], CultureInfo.InvariantCulture)).ToArray());
            var model = new SpamNet();
            var optimizer = torch.optim.Adam(model.parameters(), lr: 0.01);
            var criterion = CrossEntropyLoss();
            for (var epoch = 0; epoch < 200; epoch++)
            {
                optimizer.zero_grad();
                var loss = criterion.forward(model.forward(x), y);
                loss.backward();
                optimizer.step();
            }
        }
    }
}
