using System.Globalization;
using TorchSharp;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

var rows = File.ReadAllLines("Data/customers.csv").Skip(1).Select(line => line.Split(',')).ToArray();
Tensor Column(int index) => torch.tensor(rows.Select(r => float.Parse(r[index], CultureInfo.InvariantCulture)).ToArray()).reshape(-1, 1);

var age = Column(0);
var income = Column(1);
var visits = Column(2);
var churned = Column(3);

// Age and visits standardized; income left as it is.
var ageScaled = (age - age.mean()) / age.std();
var visitsScaled = (visits - visits.mean()) / visits.std();
var all = torch.cat(new[] { ageScaled, income, visitsScaled, churned }, 1);

var x = all.narrow(1, 0, 3);
var y = all.narrow(1, 3, 1);

var model = Sequential(Linear(3, 8), ReLU(), Linear(8, 1));
var optimizer = torch.optim.Adam(model.parameters(), lr: 0.01);
var criterion = BCEWithLogitsLoss();
for (var epoch = 0; epoch < 200; epoch++)
{
    optimizer.zero_grad();
    var logits = model.forward(x); // SCALE001 expected
    var loss = criterion.forward(logits, y);
    loss.backward();
    optimizer.step();
}
