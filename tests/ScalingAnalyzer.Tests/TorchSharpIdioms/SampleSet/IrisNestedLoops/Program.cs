using System.Globalization;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

torch.manual_seed(42);

// Load the Iris measurements (centimetres) from the CSV in the project.
var lines = File.ReadAllLines("Data/iris.csv").Skip(1).ToArray();
string[] classes = { "Iris-setosa", "Iris-versicolor", "Iris-virginica" };

var featuresRaw = new float[lines.Length, 4];
var labelsRaw = new long[lines.Length];
for (int i = 0; i < lines.Length; i++)
{
    var row = lines[i].Split(',');
    for (int j = 0; j < 4; j++)
    {
        featuresRaw[i, j] = float.Parse(row[j], CultureInfo.InvariantCulture);
    }
    labelsRaw[i] = Array.IndexOf(classes, row[4]);
}

var features = torch.tensor(featuresRaw, dtype: ScalarType.Float32);
var labels = torch.tensor(labelsRaw, dtype: ScalarType.Int64);

using var model = new IrisModel(4, 8, 3);
var criterion = CrossEntropyLoss();
var optimizer = torch.optim.Adam(model.parameters(), 0.01);

for (int epoch = 0; epoch < 200; epoch++)
{
    using var outputs = model.forward(features);
    using var loss = criterion.forward(outputs, labels);
    optimizer.zero_grad();
    loss.backward();
    optimizer.step();
    if ((epoch + 1) % 20 == 0)
        Console.WriteLine($"Epoch [{epoch + 1}/200], Loss: {loss.ToSingle():F4}");
}

public class IrisModel : Module<Tensor, Tensor>
{
    private readonly Linear layer1;
    private readonly Linear layer2;
    private readonly ReLU relu;

    public IrisModel(int inputDim, int hiddenDim, int outputDim) : base("IrisModel")
    {
        layer1 = Linear(inputDim, hiddenDim);
        layer2 = Linear(hiddenDim, outputDim);
        relu = ReLU();
        RegisterComponents();
    }

    public override Tensor forward(Tensor input)
    {
        var x = layer1.forward(input);
        x = relu.forward(x);
        return layer2.forward(x);
    }
}
