using TorchSharp;

namespace ScalingAnalyzer.Runtime.Tests.Support;

internal static class Tensors
{
    public static torch.Tensor From(double[,] values, torch.ScalarType dtype = torch.ScalarType.Float64) =>
        torch.tensor(values, dtype: dtype);

    public static double[,] ToMatrix(torch.Tensor tensor)
    {
        var rows = (int)tensor.shape[0];
        var columns = tensor.dim() == 2 ? (int)tensor.shape[1] : 1;
        using var asDouble = tensor.detach().to(torch.ScalarType.Float64).contiguous();
        var flat = asDouble.data<double>().ToArray();
        var result = new double[rows, columns];
        for (var i = 0; i < rows; i++)
        for (var j = 0; j < columns; j++)
            result[i, j] = flat[i * columns + j];
        return result;
    }
}
