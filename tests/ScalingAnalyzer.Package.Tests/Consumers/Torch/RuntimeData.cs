// Sizes read from a file at run time: the analyzer cannot bound them, so SCALE004 (an IDE suggestion) reports the
// missing scaling step; the Strict preset raises it to a build warning.
using System;
using System.Globalization;
using System.IO;
using System.Linq;
using TorchSharp;

namespace Consumer;

public static class RuntimeData
{
    public static void Train(string sizesFile)
    {
        var sizes = File.ReadAllLines(sizesFile).Select(line => float.Parse(line, CultureInfo.InvariantCulture)).ToList();
        var X = torch.tensor(sizes.ToArray()).reshape(-1, 1);
        var y = torch.rand(64, 1);

        var model = torch.nn.Linear(1, 1);
        var optimizer = torch.optim.SGD(model.parameters(), 0.01);
        var lossFunction = torch.nn.MSELoss();
        for (var epoch = 0; epoch < 100; epoch++)
        {
            optimizer.zero_grad();
            var loss = lossFunction.forward(model.forward(X), y); // expect SCALE004 at "X)"
            loss.backward();
            optimizer.step();
        }
    }
}
