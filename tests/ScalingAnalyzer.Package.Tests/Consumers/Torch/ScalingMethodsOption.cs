// A project's own scaling helper over .NET arrays whose scaling the analyzer does not recognise (a robust scaling by
// the median and the interquartile range of a sorted copy): the sizes it returns count as run-time data of unknown
// range, so SCALE004 reports them (a suggestion; a warning under ScalingAnalysisMode=Strict). The
// configured consumer lists the helper in scaling_analyzer.scaling_methods for this file (and raises SCALE004 to a
// warning there, so a miss would show) and the finding goes away.
using System;
using System.Linq;
using TorchSharp;

namespace Consumer;

public static class Preprocessing
{
    public static float[] LoadSizes()
    {
        var random = new Random(7);
        return Enumerable.Range(0, 100).Select(_ => 500 + 4500 * random.NextSingle()).ToArray();
    }

    /// <summary>Centres values on their median and divides by their interquartile range.</summary>
    public static float[] Standardize(float[] values)
    {
        var sorted = (float[])values.Clone();
        Array.Sort(sorted);
        var median = sorted[sorted.Length / 2];
        var spread = sorted[3 * sorted.Length / 4] - sorted[sorted.Length / 4];
        return values.Select(v => (v - median) / spread).ToArray();
    }
}

public static class ScalingMethodsOption
{
    public static void Train()
    {
        var X = torch.tensor(Preprocessing.Standardize(Preprocessing.LoadSizes())).reshape(-1, 1);
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
