using System.Globalization;
using TorchSharp;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

var features = new List<List<float>>();
var outputs = new List<float>();
using (var reader = new StreamReader("Data/panels.csv"))
{
    reader.ReadLine();
    while (!reader.EndOfStream)
    {
        var cells = reader.ReadLine()!.Split(',');
        var row = new List<float>();
        for (var c = 0; c < 3; c++)
            row.Add(float.Parse(cells[c], CultureInfo.InvariantCulture));
        features.Add(row);
        outputs.Add(float.Parse(cells[3], CultureInfo.InvariantCulture));
    }
}

var x = torch.tensor(features.SelectMany(r => r).ToArray(), new long[] { features.Count, 3 });
var y = torch.tensor(outputs.ToArray()).reshape(-1, 1);
var model = Sequential(Linear(3, 8), ReLU(), Linear(8, 1));
var optimizer = torch.optim.SGD(model.parameters(), learningRate: 0.0001);
for (var epoch = 0; epoch < 500; epoch++)
{
    optimizer.zero_grad();
    var loss = functional.mse_loss(model.forward(x), y); // SCALE001 expected
    loss.backward();
    optimizer.step();
}
