using System.Globalization;
using TorchSharp;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

// Daily river flow (m3/s), one reading per line.
var flow = File.ReadAllLines("Data/flow.txt").Select(l => double.Parse(l, CultureInfo.InvariantCulture)).ToArray();
var series = torch.from_array(flow).to_type(ScalarType.Float32);

// Yesterday's flow predicts today's change.
var x = series[..^1].reshape(-1, 1);
var y = (series[1..] - series[..^1]).reshape(-1, 1) / 100f;

var trainCount = (int)(x.shape[0] * 0.75);
var parts = x.split(new long[] { trainCount, x.shape[0] - trainCount });
var xTrain = parts[0];
var yTrain = y[..trainCount];

var model = Sequential(Linear(1, 8), Tanh(), Linear(8, 1));
var optimizer = torch.optim.SGD(model.parameters(), learningRate: 0.001);
for (var epoch = 0; epoch < 500; epoch++)
{
    optimizer.zero_grad();
    var loss = functional.mse_loss(model.forward(xTrain), yTrain); // SCALE001 expected
    loss.backward();
    optimizer.step();
}
