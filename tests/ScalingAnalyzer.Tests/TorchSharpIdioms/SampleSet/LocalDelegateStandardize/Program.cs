using System.Globalization;
using TorchSharp;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

var records = File.ReadAllLines("Data/houses.csv").Skip(1).Select(l => l.Split(',')).ToArray();
var sqft = torch.tensor(records.Select(r => float.Parse(r[0], CultureInfo.InvariantCulture)).ToArray()).reshape(-1, 1);
var price = torch.tensor(records.Select(r => float.Parse(r[3], CultureInfo.InvariantCulture)).ToArray()).reshape(-1, 1);

Func<Tensor, Tensor> standardize = t => (t - t.mean()) / t.std();
var x = standardize(sqft);
var y = standardize(price);

var net = Sequential(Linear(1, 4), Tanh(), Linear(4, 1));
var opt = torch.optim.Adam(net.parameters(), lr: 3e-3);
for (var i = 0; i < 2000; i++)
{
    opt.zero_grad();
    var loss = functional.mse_loss(net.forward(x), y);
    loss.backward();
    opt.step();
}
