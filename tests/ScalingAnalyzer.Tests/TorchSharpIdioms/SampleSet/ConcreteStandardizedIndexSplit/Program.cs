using System;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

// Set seed for reproducibility
torch.manual_seed(1);

// Load the concrete mixtures and skip the header row
var data = File.ReadAllLines("Data/concrete.csv")[1..];

var featuresRaw = new float[data.Length, 8];
var strengthRaw = new float[data.Length];

for (int i = 0; i < data.Length; i++)
{
    var row = data[i].Split(',');
    for (int j = 0; j < 8; j++)
    {
        featuresRaw[i, j] = float.Parse(row[j]);
    }
    strengthRaw[i] = float.Parse(row[8]);
}

// Convert data to tensors
var features = torch.tensor(featuresRaw, dtype: ScalarType.Float32);
var strength = torch.tensor(strengthRaw, dtype: ScalarType.Float32).reshape(-1, 1);

// 80% training, 20% test
int trainSize = (int)(0.8 * features.shape[0]);
var indices = torch.randperm(features.shape[0]);
var trainFeatures = features.index(indices[..trainSize]);
var trainStrength = strength.index(indices[..trainSize]);
var testFeatures = features.index(indices[trainSize..]);
var testStrength = strength.index(indices[trainSize..]);

// Normalize features and the target using training statistics
var mean = trainFeatures.mean([0]);
var std = trainFeatures.std(0);
trainFeatures = (trainFeatures - mean) / std;
testFeatures = (testFeatures - mean) / std;
var strengthMean = trainStrength.mean();
var strengthStd = trainStrength.std();
trainStrength = (trainStrength - strengthMean) / strengthStd;
testStrength = (testStrength - strengthMean) / strengthStd;

using var model = new StrengthModel(8, 16);
var criterion = MSELoss();
var optimizer = torch.optim.Adam(model.parameters(), 0.01);

for (int epoch = 0; epoch < 300; epoch++)
{
    model.train();
    using var outputs = model.forward(trainFeatures);
    using var loss = criterion.forward(outputs, trainStrength);

    optimizer.zero_grad();
    loss.backward();
    optimizer.step();

    if ((epoch + 1) % 50 == 0)
        Console.WriteLine($"Epoch [{epoch + 1}/300], Loss: {loss.ToSingle():F4}");
}

using (torch.inference_mode())
{
    model.eval();
    var testLoss = criterion.forward(model.forward(testFeatures), testStrength);
    Console.WriteLine($"Test MSE: {testLoss.ToSingle():F2}");
}

public class StrengthModel : Module<Tensor, Tensor>
{
    private Linear layer1;
    private Linear layer2;
    private ReLU relu;

    public StrengthModel(int inputDim, int hiddenDim) : base("StrengthModel")
    {
        layer1 = Linear(inputDim, hiddenDim);
        layer2 = Linear(hiddenDim, 1);
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
