using System.Globalization;
using TorchSharp;
using static TorchSharp.torch;

namespace Lathes
{
    internal sealed class WearModel : nn.Module<Tensor, Tensor>
    {
        private readonly nn.Module<Tensor, Tensor> _hidden = nn.Linear(3, 24);
        private readonly nn.Module<Tensor, Tensor> _output = nn.Linear(24, 1);

        public WearModel() : base(nameof(WearModel)) => RegisterComponents();

        public override Tensor forward(Tensor input) => _output.forward(nn.functional.relu(_hidden.forward(input)));
    }

    internal static class Program
    {
        private static void Main()
        {
            var values = File.ReadAllLines(Path.Combine("Data", "lathes.csv"))
                .Skip(1)
                .SelectMany(line => line.Split(',').Select(cell => float.Parse(cell, CultureInfo.InvariantCulture)))
                .ToArray();
            var all = torch.tensor(values).reshape(-1, 4);
            var x = all.index_select(1, torch.tensor(new long[] { 0, 1, 2 }));
            var y = all.index_select(1, torch.tensor(new long[] { 3 }));

            var model = new WearModel();
            var optimizer = torch.optim.Adam(model.parameters(), lr: 0.003);
            var count = x.shape[0];
            for (var epoch = 0; epoch < 150; epoch++)
            {
                var permutation = torch.randperm(count);
                for (long i = 0; i < count; i += 4)
                {
                    using var d = torch.NewDisposeScope();
                    var idx = permutation[TensorIndex.Slice(i, i + 4)];
                    optimizer.zero_grad();
                    var loss = nn.functional.mse_loss(model.forward(x[idx]), y[idx]); // SCALE001 expected
                    loss.backward();
                    optimizer.step();
                }
            }
        }
    }
}
