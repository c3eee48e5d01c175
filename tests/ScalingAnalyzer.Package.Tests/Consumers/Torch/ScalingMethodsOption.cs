// A project's own scaling helper whose effect the analyzer cannot know: it divides the sizes read from a file by the
// catalog's largest size, read from configuration. The sizes it returns count as run-time data, so SCALE004 reports
// them (a suggestion; a warning under ScalingAnalysisMode=Strict). The configured consumer lists the helper in
// scaling_analyzer.scaling_methods for this file (and raises SCALE004 to a warning there, so a miss would show) and
// the finding goes away.
using System;
using System.Globalization;
using System.IO;
using System.Linq;
using TorchSharp;

namespace Consumer;

public static class Preprocessing
{
    public static float[] LoadSizes(string path)
        => File.ReadAllLines(path).Select(line => float.Parse(line, CultureInfo.InvariantCulture)).ToArray();

    /// <summary>Divides by the largest size of the catalog, which the configuration file holds.</summary>
    public static float[] Standardize(float[] values, string configurationPath)
    {
        var largest = float.Parse(File.ReadAllText(configurationPath), CultureInfo.InvariantCulture);
        return values.Select(v => v / largest).ToArray();
    }
}

public static class ScalingMethodsOption
{
    public static void Train(string sizesFile, string configurationPath)
    {
        var X = torch.tensor(Preprocessing.Standardize(Preprocessing.LoadSizes(sizesFile), configurationPath)).reshape(-1, 1);
        var y = torch.rand(100, 1);

        var model = torch.nn.Linear(1, 1);
        var optimizer = torch.optim.SGD(model.parameters(), 0.01);
        var lossFunction = torch.nn.MSELoss();
        for (var epoch = 0; epoch < 100; epoch++)
        {
            optimizer.zero_grad();
            var loss = lossFunction.forward(model.forward(X), y); // expect SCALE004 at "X)" except configured
            loss.backward();
            optimizer.step();
        }
    }
}
