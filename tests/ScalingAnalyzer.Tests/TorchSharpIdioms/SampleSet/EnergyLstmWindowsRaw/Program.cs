using System.Globalization;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace LoadForecast
{
    internal sealed class LoadLstm : Module<Tensor, Tensor>
    {
        private readonly LSTM _lstm;
        private readonly Linear _head;

        public LoadLstm(int hidden) : base(nameof(LoadLstm))
        {
            _lstm = LSTM(1, hidden, batchFirst: true);
            _head = Linear(hidden, 1);
            RegisterComponents();
        }

        public override Tensor forward(Tensor input)
        {
            var (output, _, _) = _lstm.forward(input);
            return _head.forward(output[.., -1, ..]);
        }
    }

    internal static class Program
    {
        private const int Window = 8;

        private static float[] ReadLoad(string path)
            => File.ReadAllLines(path).Skip(1).Select(l => float.Parse(l.Split(',')[1], CultureInfo.InvariantCulture)).ToArray();

        private static void Main()
        {
            var load = torch.tensor(ReadLoad("Data/load.csv"));
            // [samples, window, 1]: sequences for the LSTM, and the hour after each.
            var windows = load.unfold(0, Window + 1, 1);
            var x = windows[.., ..Window].unsqueeze(-1);
            var y = windows[.., Window..] / 1000f;

            var model = new LoadLstm(16);
            var optimizer = torch.optim.Adam(model.parameters(), lr: 0.01);
            var criterion = MSELoss();
            for (var epoch = 0; epoch < 150; epoch++)
            {
                model.train();
                optimizer.zero_grad();
                var prediction = model.forward(x); // SCALE001 expected
                var loss = criterion.forward(prediction, y);
                loss.backward();
                optimizer.step();
            }
        }
    }
}
