using System;
using System.Collections.Generic;
using System.Globalization;
using TorchSharp;

namespace ScalingAnalyzer.Runtime;

/// <summary>Checks shared by every entry point, so each bad input is refused with the same words everywhere.</summary>
internal static class InputGuard
{
    internal static (long Rows, int Columns) CheckTensor(torch.Tensor x, string name)
    {
        if (x is null) throw new ArgumentNullException(name);
        if (x.IsInvalid) throw new ArgumentException($"{name} has already been disposed.", name);
        var dtype = x.dtype;
        if (dtype != torch.ScalarType.Float32 && dtype != torch.ScalarType.Float64)
        {
            var kind = torch.is_integral(dtype) || dtype == torch.ScalarType.Bool ? "an integer" : "an unsupported";
            throw new ArgumentException(
                $"{name} has {kind} dtype {dtype}; only float32 and float64 tensors are accepted. " +
                $"Convert it first, e.g. {name}.to(torch.float32).", name);
        }
        var rank = x.dim();
        if (rank is 0 or > 2)
            throw new ArgumentException(
                $"{name} has rank {rank} (shape {Shape(x)}); expected a 1-D [n] or 2-D [n, k] tensor.", name);
        var rows = x.shape[0];
        var columns = rank == 2 ? x.shape[1] : 1;
        if (rows == 0 || columns == 0)
            throw new ArgumentException($"{name} is empty (shape {Shape(x)}); at least one row and one column are needed.", name);
        if (columns > int.MaxValue)
            throw new ArgumentException($"{name} has {columns} columns (shape {Shape(x)}); at most {int.MaxValue} are supported.", name);
        return (rows, (int)columns);
    }

    internal static void CheckArray(Array? x, string name)
    {
        if (x is null) throw new ArgumentNullException(name);
        if (x.Length == 0)
        {
            var shape = x.Rank == 2 ? $"[{x.GetLength(0)}, {x.GetLength(1)}]" : $"[{x.Length}]";
            throw new ArgumentException($"{name} is empty (shape {shape}); at least one row and one column are needed.", name);
        }
    }

    internal static void CheckColumnCount(int actual, int fitted, string name, string shapeText)
    {
        if (actual != fitted)
            throw new ArgumentException(
                $"{name} has {actual} column(s) (shape {shapeText}) but the scaler was fitted on {fitted} column(s).", name);
    }

    internal static ArgumentException NonFinite(string name, double value, long row, long column, bool oneDimensional)
    {
        var what = double.IsNaN(value) ? "NaN" : value > 0 ? "positive infinity" : "negative infinity";
        var where = oneDimensional
            ? $"row {row}"
            : $"row {row}, column {column}";
        return new ArgumentException(
            $"{name} contains {what} at {where} (zero-based); remove or impute missing and infinite values first.", name);
    }

    internal static void CheckFinite(IReadOnlyList<double> values, string name)
    {
        for (var i = 0; i < values.Count; i++)
            if (!double.IsFinite(values[i])) throw NonFinite(name, values[i], i, 0, oneDimensional: true);
    }

    internal static string Shape(torch.Tensor x) => "[" + string.Join(", ", x.shape) + "]";

    internal static string Format(double value) => value.ToString("G6", CultureInfo.InvariantCulture);
}
