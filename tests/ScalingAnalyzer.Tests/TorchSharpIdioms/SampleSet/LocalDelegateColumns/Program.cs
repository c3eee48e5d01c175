using System.Globalization;
using TorchSharp;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

var records = File.ReadAllLines("Data/houses.csv").Skip(1).Select(l => l.Split(',')).ToArray();

Func<int, float[]> column = index => records.Select(r => float.Parse(r[index], CultureInfo.InvariantCulture)).ToArray();
Func<float[], Tensor> toColumn = values => torch.tensor(values).reshape(-1, 1);

var sqft = toColumn(column(0));
var price = toColumn(column(3)) / 1e5f;

var net = Sequential(Linear(1, 4), Tanh(), Linear(4, 1));
var opt = torch.optim.Adam(net.parameters(), lr: 3e-3);
for (var i = 0; i < 2000; i++)
{
    opt.zero_grad();
    var loss = functional.mse_loss(net.forward(sqft), price); // SCALE001 expected
    loss.backward();
    opt.step();
}
