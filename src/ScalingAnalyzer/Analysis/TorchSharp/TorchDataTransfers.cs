using System;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace ScalingAnalyzer.Analysis;

/// <summary>
/// torch.utils.data: a dataset's value is the item one index yields (<see cref="AbstractValue.Element"/>: the list or
/// dictionary of tensors GetTensor returns, each a row of the data it was made from), and a DataLoader's value yields
/// that item as its batch. So <c>foreach (var batch in loader)</c> meets <c>batch[0]</c> or <c>batch["data"]</c> with
/// the bound, provenance and scaling of the tensor the dataset was built from.
/// </summary>
internal static class TorchDataTransfers
{
    public static AbstractValue Apply(TorchCall call)
    {
        switch (call.Name)
        {
            case "TensorDataset":
                return TensorDataset(call);
            case "DataLoader":
                var batchSize = call.Constant("batchSize");
                return LoaderOver(call.Arguments.Length > 0 ? call.Interpreter.DatasetOf(call.Invocation.Arguments[0].Value, call.Arguments[0]) : AbstractValue.Unknown, batchSize);
            default:
                return AbstractValue.Unknown;
        }
    }

    /// <summary>TensorDataset(x, y): item i is [x[i], y[i]].</summary>
    private static AbstractValue TensorDataset(TorchCall call)
    {
        // params Tensor[]: one array argument whose elements are the tensors (or an array variable of unknown elements).
        var parts = call.Arguments.Length == 1 ? call.Arguments[0].Elements : default;
        if (parts.IsDefault || parts.IsEmpty)
            return AbstractValue.Unknown;
        var sources = call.Invocation.Arguments[0].Value is IArrayCreationOperation { Initializer: { } initializer } && initializer.ElementValues.Length == parts.Length
            ? initializer.ElementValues
            : default;
        var row = ImmutableArray.CreateBuilder<AbstractValue>(parts.Length);
        for (var i = 0; i < parts.Length; i++)
            row.Add(parts[i] with { Rows = null, DataSource = sources.IsDefault ? null : sources[i] });
        return AbstractValue.Unknown with { Element = AbstractValue.Unknown with { Elements = row.MoveToImmutable() }, Rows = parts[0].Rows };
    }

    /// <summary>
    /// A loader over <paramref name="dataset"/>: its batches are the dataset's items stacked, so they carry the same
    /// values; its length (the foreach's trip count) is the number of batches when rows and batch size are constant.
    /// </summary>
    public static AbstractValue LoaderOver(AbstractValue dataset, double? batchSize)
    {
        if (dataset.Element is null)
            return AbstractValue.Unknown;
        long? batches = dataset.Rows is long rows && batchSize is double size && size >= 1 ? (long)Math.Ceiling(rows / size) : null;
        return AbstractValue.Unknown with { Element = dataset.Element, Rows = batches };
    }
}
