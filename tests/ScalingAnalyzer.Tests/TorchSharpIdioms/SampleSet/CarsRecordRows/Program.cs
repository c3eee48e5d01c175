using System.Globalization;
using TorchSharp;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

var cars = File.ReadLines("Data/cars.csv")
    .Skip(1)
    .Select(line => line.Split(','))
    .Select(p => new Car(
        float.Parse(p[0], CultureInfo.InvariantCulture),
        float.Parse(p[1], CultureInfo.InvariantCulture),
        float.Parse(p[2], CultureInfo.InvariantCulture),
        float.Parse(p[3], CultureInfo.InvariantCulture)))
    .ToList();

var x = torch.tensor(cars.SelectMany(c => new[] { c.Horsepower, c.Weight, c.Acceleration }).ToArray(), new long[] { cars.Count, 3 });
var y = torch.tensor(cars.Select(c => c.Mpg / 50f).ToArray()).reshape(-1, 1);

var model = Sequential(Linear(3, 8), ReLU(), Linear(8, 1));
var optimizer = torch.optim.SGD(model.parameters(), learningRate: 1e-4);
for (var epoch = 0; epoch < 1000; epoch++)
{
    optimizer.zero_grad();
    var loss = functional.mse_loss(model.forward(x), y); // SCALE001 expected
    loss.backward();
    optimizer.step();
}

internal sealed record Car(float Horsepower, float Weight, float Acceleration, float Mpg);
