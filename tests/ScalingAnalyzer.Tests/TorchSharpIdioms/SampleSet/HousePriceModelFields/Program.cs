using System.Globalization;
using TorchSharp;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace Housing
{
    public sealed class HousePriceModel
    {
        private readonly Tensor _x;
        private readonly Tensor _y;
        private readonly Module<Tensor, Tensor> _model = Sequential(Linear(3, 16), ReLU(), Linear(16, 1));

        public HousePriceModel(string path)
        {
            (_x, _y) = ReadTable(path);
        }

        private static (Tensor, Tensor) ReadTable(string path)
        {
            var lines = File.ReadAllLines(path);
            var x = new float[lines.Length - 1, 3];
            var y = new float[lines.Length - 1, 1];
            for (var i = 1; i < lines.Length; i++)
            {
                var cells = lines[i].Split(',');
                x[i - 1, 0] = float.Parse(cells[0], CultureInfo.InvariantCulture);
                x[i - 1, 1] = float.Parse(cells[1], CultureInfo.InvariantCulture);
                x[i - 1, 2] = float.Parse(cells[2], CultureInfo.InvariantCulture);
                y[i - 1, 0] = float.Parse(cells[3], CultureInfo.InvariantCulture);
            }
            return (torch.tensor(x), torch.tensor(y));
        }

        public void Train(int epochs)
        {
            var optimizer = torch.optim.Adam(_model.parameters(), lr: 0.001);
            var criterion = MSELoss();
            for (var epoch = 0; epoch < epochs; epoch++)
            {
                optimizer.zero_grad();
                var output = _model.forward(_x); // SCALE001 expected
                var loss = criterion.forward(output,
                    _y); // SCALE003 expected
                loss.backward();
                optimizer.step();
            }
        }
    }

    public static class Program
    {
        public static void Main() => new HousePriceModel("Data/houses.csv").Train(epochs: 200);
    }
}
