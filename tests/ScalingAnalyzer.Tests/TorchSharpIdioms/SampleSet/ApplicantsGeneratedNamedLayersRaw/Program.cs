using TorchSharp;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

var random = new Random(11);
const int Count = 512;
var table = new float[Count, 2];
var approved = new float[Count, 1];
for (var i = 0; i < Count; i++)
{
    var age = random.Next(18, 90);
    var income = (float)(random.NextDouble() * 150_000);
    table[i, 0] = age;
    table[i, 1] = income;
    approved[i, 0] = income > 40_000 && age < 70 ? 1f : 0f;
}

var dataset = torch.utils.data.TensorDataset(torch.tensor(table), torch.tensor(approved));
var loader = torch.utils.data.DataLoader(dataset, batchSize: 64, shuffle: true);

var model = Sequential(
    ("fc1", Linear(2, 16)),
    ("relu", ReLU()),
    ("fc2", Linear(16, 1)));
var optimizer = torch.optim.Adam(model.parameters(), lr: 1e-3);
var criterion = BCEWithLogitsLoss();

for (var epoch = 0; epoch < 20; epoch++)
{
    model.train();
    foreach (var batch in loader)
    {
        optimizer.zero_grad();
        var logits = model.forward(batch[0]); // SCALE001 expected
        var loss = criterion.forward(logits, batch[1]);
        loss.backward();
        optimizer.step();
    }
}
