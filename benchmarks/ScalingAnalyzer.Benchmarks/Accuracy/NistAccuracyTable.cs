using System.Globalization;
using MathNet.Numerics.LinearAlgebra;
using MathNet.Numerics.LinearAlgebra.Factorization;
using ScalingAnalyzer.Runtime;
using TorchSharp;

namespace ScalingAnalyzer.Benchmarks.Accuracy;

/// <summary>
/// Prints, per NIST StRD linear dataset, the smallest coefficient LRE of each solver beside the LRE of the
/// exact solution of the same float64 input, and whether LeastSquares is within one digit of it (the goal).
/// </summary>
internal static class NistAccuracyTable
{
    public static int Print(TextWriter output)
    {
        output.WriteLine("| Dataset | exact solution of the float64 input | LeastSquares.Fit | MathNet thin QR | torch.linalg.lstsq (gelsy) | LeastSquares within 1 digit of exact |");
        output.WriteLine("|---|---:|---:|---:|---:|---|");
        var allMet = true;
        foreach (var name in NistDataset.AllNames)
        {
            var data = NistDataset.Load(name);
            var exact = data.MinimumLre(ExactLeastSquares.Solve(data.DesignColumns(), data.Y));
            var ours = data.MinimumLre(OursInCertifiedOrder(data));
            var mathNet = data.MinimumLre(MathNetQr(data));
            var torchLstsq = data.MinimumLre(TorchLstsq(data));
            var met = ours >= exact - 1;
            allMet &= met;
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {name} | {exact:F1} | {ours:F1} | {mathNet:F1} | {torchLstsq:F1} | {(met ? "yes" : "NO")} |"));
        }
        output.WriteLine();
        output.WriteLine("LRE = correct significant digits of the worst coefficient against the certified value, capped at 15.");
        return allMet ? 0 : 1;
    }

    private static double[] OursInCertifiedOrder(NistDataset data)
    {
        var result = LeastSquares.Fit(data.FeatureMatrix(), data.Y, data.HasIntercept);
        return data.HasIntercept ? [result.Intercept, .. result.Coefficients] : result.Coefficients.ToArray();
    }

    private static double[] MathNetQr(NistDataset data)
    {
        var design = Matrix<double>.Build.DenseOfColumnArrays(data.DesignColumns());
        return design.QR(QRMethod.Thin).Solve(Vector<double>.Build.DenseOfArray(data.Y)).ToArray();
    }

    private static double[] TorchLstsq(NistDataset data)
    {
        using var scope = torch.NewDisposeScope();
        var columns = data.DesignColumns();
        var design = torch.stack(columns.Select(c => torch.tensor(c, dtype: torch.ScalarType.Float64)), dim: 1);
        var target = torch.tensor(data.Y, dtype: torch.ScalarType.Float64).reshape(data.Y.Length, 1);
        var (solution, _, _, _) = torch.linalg.lstsq(design, target);
        return solution.flatten().data<double>().ToArray();
    }
}
