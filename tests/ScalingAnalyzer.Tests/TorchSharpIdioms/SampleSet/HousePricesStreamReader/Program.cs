using System.Globalization;
using TorchSharp;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

// House prices from a CSV kept next to the program: square feet -> price.
var sizes = new List<float>();
var prices = new List<float>();
using (var reader = new StreamReader(Path.Combine("Data", "houses.csv")))
{
    string? line;
    reader.ReadLine(); // skip the header
    while ((line = reader.ReadLine()) != null)
    {
        var fields = line.Split(',');
        sizes.Add(float.Parse(fields[0], CultureInfo.InvariantCulture));
        prices.Add(float.Parse(fields[3], CultureInfo.InvariantCulture));
    }
}

var x = torch.tensor(sizes.ToArray()).reshape(-1, 1);
var y = torch.tensor(prices.ToArray()).reshape(-1, 1);

var model = Linear(1, 1);
var optimizer = torch.optim.Adam(model.parameters(), lr: 0.01);
var lossFunction = MSELoss();

for (int epoch = 0; epoch < 500; epoch++)
{
    optimizer.zero_grad();
    var prediction = model.forward(x); // SCALE001 expected
    var loss = lossFunction.forward(prediction,
        y); // SCALE003 expected
    loss.backward();
    optimizer.step();
    if (epoch % 100 == 0)
        Console.WriteLine($"epoch {epoch}: loss {loss.item<float>()}");
}
