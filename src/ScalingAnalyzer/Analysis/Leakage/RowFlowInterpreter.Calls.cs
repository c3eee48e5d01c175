using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace ScalingAnalyzer.Analysis.Leakage;

/// <summary>Calls: TorchSharp statistics, splits and model calls, LINQ, the runtime scalers, helper methods.</summary>
internal sealed partial class RowFlowInterpreter
{
    /// <summary>Statistics over the values of a tensor (of all rows unless taken along dimension 1).</summary>
    private static readonly HashSet<string> TensorStatistics = new(StringComparer.Ordinal)
    {
        "mean", "nanmean", "median", "nanmedian", "std", "var", "min", "max", "amin", "amax", "aminmax", "std_mean", "var_mean", "quantile", "nanquantile",
    };

    /// <summary>Calls that return pieces of a tensor's rows (an array of tensors).</summary>
    private static readonly HashSet<string> TensorPieces = new(StringComparer.Ordinal)
    {
        "split", "chunk", "tensor_split", "vsplit", "unbind",
    };

    /// <summary>Tensor calls after which rows are no longer the data's rows.</summary>
    private static readonly HashSet<string> RowBreaking = new(StringComparer.Ordinal)
    {
        "t", "transpose", "permute", "swapaxes", "swapdims", "movedim", "matmul_t", "sum", "prod", "cumsum", "cumprod", "item", "ToSingle", "ToDouble",
        "ToInt32", "ToInt64", "size", "numel", "dim", "argmax", "argmin", "nonzero", "count_nonzero", "all", "any", "shape",
    };

    /// <summary>Tensor arithmetic whose other operands (a mean, a spread) scale the data.</summary>
    private static readonly HashSet<string> ArithmeticFunctions = new(StringComparer.Ordinal)
    {
        "add", "sub", "subtract", "mul", "multiply", "div", "divide", "true_divide", "addcdiv", "addcmul", "where", "clamp", "clip", "lerp", "rsub", "pow",
    };

    /// <summary>LINQ statistics over a sequence (with or without a selector).</summary>
    private static readonly HashSet<string> SequenceStatistics = new(StringComparer.Ordinal) { "Average", "Min", "Max", "Sum", "MinBy", "MaxBy" };

    /// <summary>LINQ calls that take some of a sequence's rows.</summary>
    private static readonly HashSet<string> SequenceParts = new(StringComparer.Ordinal)
    {
        "Take", "Skip", "TakeLast", "SkipLast", "TakeWhile", "SkipWhile", "Where", "GetRange", "ElementAt", "First", "Last", "Chunk",
    };

    private LeakValue Invoke(IInvocationOperation invocation)
    {
        var method = invocation.TargetMethod;
        var receiver = invocation.Instance is null ? LeakValue.None : Evaluate(invocation.Instance);
        var arguments = new LeakValue[invocation.Arguments.Length];
        for (var i = 0; i < arguments.Length; i++)
        {
            var argumentValue = invocation.Arguments[i].Value;
            arguments[i] = Strip(argumentValue) is IAnonymousFunctionOperation or IDelegateCreationOperation ? LeakValue.None : Evaluate(argumentValue);
        }

        if (method.Name is "forward" or "call" && invocation.Instance is not null && _symbols.IsModule(invocation.Instance.Type))
            return ModelCall(invocation, receiver, arguments);

        var containing = method.ContainingType;
        if (_symbols.IsTorchSharpType(containing))
            return TorchCall(invocation, receiver, arguments);
        if (_symbols.IsRuntimeScaler(containing))
            return ScalerCall(invocation, receiver, arguments);
        if (containing is { Name: "Enumerable", ContainingNamespace.Name: "Linq" } || IsDataCollection(invocation.Instance?.Type) || invocation.Instance?.Type is IArrayTypeSymbol)
            return SequenceCall(invocation, receiver, arguments);
        if (containing is { Name: "Math" or "MathF", ContainingNamespace.Name: "System" })
            return MathCall(invocation, receiver, arguments);
        return OtherCall(invocation, receiver, arguments);
    }

    /// <summary><c>max = Math.Max(max, X[i][j])</c> over the rows of X: the running extreme is a statistic of those rows.</summary>
    private LeakValue MathCall(IInvocationOperation invocation, LeakValue receiver, LeakValue[] arguments)
    {
        var result = Combined(receiver, arguments).WithRows(null);
        if (invocation.TargetMethod.Name is not ("Min" or "Max")
            || invocation.Parent is not ISimpleAssignmentOperation { Target: ILocalReferenceOperation target })
            return result;
        RowSet? rows = null;
        var runsOverItself = false;
        for (var i = 0; i < arguments.Length; i++)
        {
            if (Strip(invocation.Arguments[i].Value) is ILocalReferenceOperation local && SymbolEqualityComparer.Default.Equals(local.Local, target.Local))
                runsOverItself = true;
            else
                rows ??= arguments[i].Rows;
        }
        if (!runsOverItself || rows is null)
            return result;
        var site = Statistic(invocation, rows, dataOperand: null, target.Local.Name + " (running " + invocation.TargetMethod.Name.ToLowerInvariant() + " over " + (rows.Name ?? "the rows") + ")");
        return result.WithStatistics(result.Statistics.Add(site));
    }

    private static LeakValue Combined(LeakValue receiver, LeakValue[] arguments)
    {
        var result = receiver.WithParts(default);
        foreach (var argument in arguments)
            result = LeakValue.Combine(result, argument);
        return result;
    }

    /// <summary>A module's forward/call, or a loss module's: the data reaching it is used; its output carries the call.</summary>
    private LeakValue ModelCall(IInvocationOperation invocation, LeakValue receiver, LeakValue[] arguments)
    {
        var calls = ImmutableHashSet.Create<IOperation>(invocation);
        for (var i = 0; i < arguments.Length; i++)
        {
            calls = calls.Union(arguments[i].ModelCalls);
            if (_symbols.IsTensor(invocation.Arguments[i].Value.Type))
                RecordUse(invocation, invocation.Arguments[i], arguments[i], UseKind.ModelCall);
        }
        return new LeakValue(null, ImmutableHashSet<StatisticSite>.Empty, calls, default);
    }

    private void RecordUse(IOperation call, IOperation argument, LeakValue value, UseKind kind)
    {
        if (_uses.TryGetValue(argument, out var existing))
        {
            existing.Value = value;
            return;
        }
        var use = new DataUse(call, argument, value, kind);
        _uses.Add(argument, use);
        _useOrder.Add(use);
    }

    private LeakValue TorchCall(IInvocationOperation invocation, LeakValue receiver, LeakValue[] arguments)
    {
        var method = invocation.TargetMethod;
        var name = method.Name;
        var tensorReceiver = _symbols.IsTensor(invocation.Instance?.Type);
        var (input, inputOperand) = FirstTensor(invocation, receiver, arguments, tensorReceiver);

        if (name == "backward" && tensorReceiver)
        {
            foreach (var call in receiver.ModelCalls)
                _backwardReached.Add(call);
            _trains = true;
            return LeakValue.None;
        }
        if (method.ContainingType is { Name: "functional" } && name.EndsWith("_loss", StringComparison.Ordinal) || name is "cross_entropy" or "kl_div")
            return ModelCall(invocation, receiver, arguments);
        if (TensorStatistics.Contains(name) && input.Rows is { } rows && StatisticOfRows(invocation))
        {
            var site = Statistic(invocation, rows, inputOperand, Describe(invocation));
            var statistic = new LeakValue(null, input.Statistics.Add(site), input.ModelCalls, default);
            // aminmax, std_mean, var_mean, and max(dim)/min(dim)/median(dim) with their indexes: tuples of statistics.
            return method.ReturnType is INamedTypeSymbol { IsTupleType: true } tuple
                ? statistic.WithParts(ImmutableArray.CreateRange(System.Linq.Enumerable.Repeat(statistic, tuple.TupleElements.Length)))
                : statistic;
        }
        if (name is "narrow" or "slice" or "index_select")
        {
            return DimensionArgument(invocation) switch
            {
                0 => Part(invocation, input, inputOperand),
                null => input.WithRows(null),
                _ => input,
            };
        }
        if (name == "index")
            return TensorIndex(invocation, input, invocation.Arguments.Length > 0 ? invocation.Arguments[0].Value : null);
        if (TensorPieces.Contains(name))
            return Pieces(invocation, input, inputOperand);
        if (name is "cat" or "concat" or "concatenate" or "stack" or "vstack" or "hstack" or "column_stack")
            return Concatenate(invocation, arguments);
        // TensorDataset(x, y) and DataLoader(dataset, ...): containers of the first tensor's rows; a foreach over the
        // loader meets batches that together cover them.
        if (name is "TensorDataset" or "DataLoader")
        {
            foreach (var argument in arguments)
            {
                if (argument.Rows is not null)
                    return argument.WithParts(default);
            }
            return Combined(receiver, arguments).WithRows(null);
        }
        if (name is "tensor" or "from_array" or "as_tensor" or "from_numpy")
            return Source(invocation, Combined(LeakValue.None, arguments).WithParts(default));
        if (name is "reshape" or "view" or "flatten")
            return KeepsRowsWhenReshaped(invocation) ? input.WithParts(default) : input.WithRows(null).WithParts(default);
        if (RowBreaking.Contains(name))
            return Combined(input, arguments).WithRows(null).WithParts(default);
        if (!_symbols.IsTensor(method.ReturnType))
            return Combined(receiver, arguments).WithRows(null).WithParts(default);
        if (input.Rows is null && method.IsStatic && invocation.Instance is null && (name.StartsWith("rand", StringComparison.Ordinal) || name is "linspace" or "arange" or "normal" or "from_file" or "load"))
            return Source(invocation, LeakValue.None);
        // Element-wise functions, arithmetic, dtype and device changes, column selection: the rows stay. Statistics in
        // other arguments scale the data only through arithmetic (x.sub(mean).div(std)); a padding length or a
        // class count taken over all rows does not.
        var result = input.WithParts(default);
        if (ArithmeticFunctions.Contains(name.TrimEnd('_')))
        {
            foreach (var argument in arguments)
                result = LeakValue.Combine(result, argument.WithRows(null));
        }
        return result.Rows is null ? result.WithRows(input.Rows) : result;
    }

    private (LeakValue Value, IOperation? Operand) FirstTensor(IInvocationOperation invocation, LeakValue receiver, LeakValue[] arguments, bool tensorReceiver)
    {
        if (tensorReceiver)
            return (receiver, invocation.Instance);
        for (var i = 0; i < arguments.Length; i++)
        {
            if (_symbols.IsTensor(invocation.Arguments[i].Value.Type) || IsDataCollection(Strip(invocation.Arguments[i].Value).Type))
                return (arguments[i], Strip(invocation.Arguments[i].Value));
        }
        return (LeakValue.None, null);
    }

    /// <summary>A statistic across rows: no dimension, or dimension 0 among those reduced. Along dimension 1 it is per row.</summary>
    private static bool StatisticOfRows(IInvocationOperation invocation)
    {
        foreach (var argument in invocation.Arguments)
        {
            if (argument.ArgumentKind == ArgumentKind.DefaultValue || argument.Parameter is not { } parameter)
                continue;
            if (parameter.Name is not ("dim" or "dimensions" or "dims" or "dimension" or "axis"))
                continue;
            var value = Strip(argument.Value);
            if (value.ConstantValue is { HasValue: true, Value: var constant })
                return constant is null || Convert.ToInt64(constant, System.Globalization.CultureInfo.InvariantCulture) == 0;
            if (value is IArrayCreationOperation { Initializer.ElementValues: var elements })
            {
                foreach (var element in elements)
                {
                    if (Strip(element).ConstantValue is { HasValue: true, Value: { } item } && Convert.ToInt64(item, System.Globalization.CultureInfo.InvariantCulture) == 0)
                        return true;
                }
                return false;
            }
            return false;
        }
        return true;
    }

    /// <summary>The constant dim/dimension argument (first parameter of narrow/slice/index_select), null when not constant.</summary>
    private static long? DimensionArgument(IInvocationOperation invocation)
    {
        foreach (var argument in invocation.Arguments)
        {
            if (argument.Parameter?.Name is "dim" or "dimension" or "axis")
            {
                return Strip(argument.Value).ConstantValue is { HasValue: true, Value: { } constant } && constant is int or long or short
                    ? Convert.ToInt64(constant, System.Globalization.CultureInfo.InvariantCulture)
                    : null;
            }
        }
        return null;
    }

    private static bool KeepsRowsWhenReshaped(IInvocationOperation invocation)
    {
        if (invocation.TargetMethod.Name == "flatten")
        {
            foreach (var argument in invocation.Arguments)
            {
                if (argument.Parameter?.Name is "start_dim" or "startDim" && argument.ArgumentKind != ArgumentKind.DefaultValue)
                    return Strip(argument.Value).ConstantValue is { HasValue: true, Value: int or long } c && Convert.ToInt64(c.Value, System.Globalization.CultureInfo.InvariantCulture) >= 1;
            }
            return false;
        }
        // reshape(-1, k), view(n, k): two or more dimensions keep one row per row; one dimension flattens.
        if (invocation.Arguments.Length == 1 && Strip(invocation.Arguments[0].Value) is IArrayCreationOperation { Initializer.ElementValues.Length: >= 2 })
            return true;
        return invocation.Arguments.Length >= 2;
    }

    /// <summary>split/chunk/unbind: an array of parts of the rows (along dimension 0, the default).</summary>
    private LeakValue Pieces(IInvocationOperation invocation, LeakValue input, IOperation? inputOperand)
    {
        var dimension = DimensionArgument(invocation);
        if (dimension is not (0 or null) || input.Rows is null)
            return input.WithRows(null).WithParts(default);
        var explicitDimension = false;
        foreach (var argument in invocation.Arguments)
            explicitDimension |= argument.Parameter?.Name is "dim" or "dimension" && argument.ArgumentKind != ArgumentKind.DefaultValue;
        if (dimension is null && explicitDimension)
            return input.WithRows(null).WithParts(default);
        var parts = ImmutableArray.CreateBuilder<LeakValue>(4);
        for (var i = 0; i < 4; i++)
        {
            var piece = Part(invocation, input, inputOperand, "piece" + i.ToString(System.Globalization.CultureInfo.InvariantCulture));
            piece.Rows!.PieceIndex = i;
            parts.Add(piece);
        }
        return new LeakValue(null, input.Statistics, input.ModelCalls, parts.MoveToImmutable());
    }

    /// <summary>cat/stack: along dimension 1 (columns side by side) the rows of the first part; along 0, new rows.</summary>
    private LeakValue Concatenate(IInvocationOperation invocation, LeakValue[] arguments)
    {
        var dimension = DimensionArgument(invocation) ?? (invocation.TargetMethod.Name is "hstack" or "column_stack" ? 1 : 0);
        var parts = default(ImmutableArray<LeakValue>);
        foreach (var argument in arguments)
        {
            if (!argument.Parts.IsDefault)
                parts = argument.Parts;
        }
        var statistics = ImmutableHashSet<StatisticSite>.Empty;
        RowSet? rows = null;
        if (!parts.IsDefault)
        {
            foreach (var part in parts)
            {
                statistics = statistics.Union(part.Statistics);
                rows ??= part.Rows;
            }
        }
        if (dimension is 1 or -1 && invocation.TargetMethod.Name != "stack" || invocation.TargetMethod.Name == "column_stack")
            return new LeakValue(rows, statistics, ImmutableHashSet<IOperation>.Empty, default);
        return new LeakValue(RowsFor(invocation, "source", null, null, covers: false), statistics, ImmutableHashSet<IOperation>.Empty, default);
    }

    /// <summary>StandardScaler/MinMaxScaler: Fit is a statistic of its data; Transform applies it to other rows.</summary>
    private LeakValue ScalerCall(IInvocationOperation invocation, LeakValue receiver, LeakValue[] arguments)
    {
        var name = invocation.TargetMethod.Name;
        var data = arguments.Length > 0 ? arguments[0] : LeakValue.None;
        var operand = invocation.Arguments.Length > 0 ? Strip(invocation.Arguments[0].Value) : null;
        switch (name)
        {
            case "Fit" when data.Rows is { } rows:
                var site = Statistic(invocation, rows, operand, Describe(invocation));
                return new LeakValue(null, data.Statistics.Add(site), data.ModelCalls, default);
            case "FitTransform" when data.Rows is { } fitted:
                var fitSite = Statistic(invocation, fitted, operand, Describe(invocation));
                return new LeakValue(fitted, data.Statistics.Add(fitSite), data.ModelCalls, default);
            case "Transform" or "InverseTransform":
                return new LeakValue(data.Rows, data.Statistics.Union(receiver.Statistics), data.ModelCalls, default);
            default:
                return Combined(receiver, arguments).WithRows(null);
        }
    }

    /// <summary>LINQ and collection calls over data: statistics, parts, and calls that keep the rows.</summary>
    private LeakValue SequenceCall(IInvocationOperation invocation, LeakValue receiver, LeakValue[] arguments)
    {
        var method = invocation.TargetMethod;
        var name = method.Name;
        var isExtension = method.IsExtensionMethod && invocation.Instance is null;
        var source = isExtension ? (arguments.Length > 0 ? arguments[0] : LeakValue.None) : receiver;
        var sourceOperand = isExtension ? (invocation.Arguments.Length > 0 ? Strip(invocation.Arguments[0].Value) : null) : invocation.Instance;

        if (!isExtension && name == "Add" && invocation.Instance is { } list && arguments.Length == 1)
        {
            CopyInto(list, arguments[0]);
            return LeakValue.None;
        }
        if (!isExtension && name is "AddRange" && invocation.Instance is { } target && arguments.Length == 1)
        {
            CopyInto(target, arguments[0]);
            return LeakValue.None;
        }

        // Lambdas run over the source's elements (rows): x => x[0] reads those rows.
        var selected = LeakValue.None;
        var hasSelector = false;
        for (var i = 0; i < invocation.Arguments.Length; i++)
        {
            if (Strip(invocation.Arguments[i].Value) is IAnonymousFunctionOperation lambda)
            {
                hasSelector = true;
                selected = LeakValue.Combine(selected, EvaluateLambda(lambda, source.WithParts(default)));
            }
        }

        if (SequenceStatistics.Contains(name) && name is not ("MinBy" or "MaxBy"))
        {
            var rows = hasSelector ? selected.Rows ?? source.Rows : source.Rows;
            if (rows is null || !IsNumeric(method.ReturnType) && method.ReturnType.SpecialType != SpecialType.None)
                return LeakValue.Combine(source, selected).WithRows(null);
            var site = Statistic(invocation, rows, hasSelector && selected.Rows is not null && !ReferenceEquals(selected.Rows, source.Rows) ? null : sourceOperand, Describe(invocation));
            return new LeakValue(null, source.Statistics.Union(selected.Statistics).Add(site), source.ModelCalls, default);
        }
        if (SequenceParts.Contains(name))
        {
            if (name == "Chunk")
                return source.Rows is null ? source.WithParts(default) : LeakValue.OfRows(RowsFor(invocation, "part", source.Rows, sourceOperand, covers: true)).WithStatistics(source.Statistics);
            return Part(invocation, source, sourceOperand);
        }
        if (name == "Select" && hasSelector)
        {
            // idx.Select(i => X[i]): rows of X picked by index, a part of X; X.Select(r => f(r)): X's rows.
            if (selected.Rows is { } picked && source.Rows is not null && !ReferenceEquals(picked.Canonical, source.Rows.Canonical))
                return Part(invocation, LeakValue.OfRows(picked).WithStatistics(selected.Statistics), null);
            var mapped = new LeakValue(source.Rows, source.Statistics.Union(selected.Statistics), source.ModelCalls, default);
            return mapped.Rows is null && IsData(method.ReturnType) ? Source(invocation, mapped) : mapped;
        }
        if (!IsData(method.ReturnType) && !(method.ReturnType is IArrayTypeSymbol) && !_symbols.IsTensor(method.ReturnType))
            return LeakValue.Combine(source, selected).WithRows(null).WithParts(default);
        // ToArray, ToList, OrderBy (a shuffle), Reverse, Cast, AsEnumerable: the same rows; data made from other
        // things (parsed lines) are new rows.
        var kept = new LeakValue(source.Rows, source.Statistics.Union(selected.Statistics), source.ModelCalls, default);
        return kept.Rows is null && IsData(method.ReturnType) ? Source(invocation, kept) : kept;
    }

    /// <summary>A lambda run on one element of its source; the value of what it returns.</summary>
    private LeakValue EvaluateLambda(IAnonymousFunctionOperation lambda, LeakValue element)
    {
        if (lambda.Symbol.Parameters.Length > 0)
        {
            _environment[lambda.Symbol.Parameters[0]] = element;
            _elementSymbols.Add(lambda.Symbol.Parameters[0]);
        }
        var result = LeakValue.None;
        foreach (var operation in lambda.Body.Operations)
        {
            switch (operation)
            {
                case IReturnOperation { ReturnedValue: { } returned }:
                    result = LeakValue.Combine(result, Evaluate(returned));
                    break;
                default:
                    Execute(operation);
                    break;
            }
        }
        return result;
    }

    /// <summary>A helper of this compilation: its summary says which parameters it trains or evaluates on.</summary>
    private LeakValue OtherCall(IInvocationOperation invocation, LeakValue receiver, LeakValue[] arguments)
    {
        var method = invocation.TargetMethod;
        if (_summaries is not null && !method.DeclaringSyntaxReferences.IsEmpty && _summaries(method.OriginalDefinition) is { } summary)
        {
            _trains |= summary.Trains;
            for (var i = 0; i < invocation.Arguments.Length; i++)
            {
                if (invocation.Arguments[i].Parameter is not { } parameter)
                    continue;
                if (summary.TrainingParameters.Contains(parameter.Ordinal))
                    RecordUse(invocation, invocation.Arguments[i], arguments[i], UseKind.HelperTraining);
                else if (summary.EvaluationParameters.Contains(parameter.Ordinal))
                    RecordUse(invocation, invocation.Arguments[i], arguments[i], UseKind.HelperEvaluation);
            }
        }
        var carried = Combined(receiver, arguments).WithRows(null);
        if (_summaries is not null && !method.DeclaringSyntaxReferences.IsEmpty && _summaries(method.OriginalDefinition) is { } shape
            && HelperResult(invocation, shape, arguments, carried) is { } result)
            return result;
        if (method.ReturnType is INamedTypeSymbol { IsTupleType: true })
            return carried.WithParts(default);
        return IsData(method.ReturnType) ? Source(invocation, carried) : carried;
    }

    /// <summary>
    /// What a helper returns in terms of its arguments: an argument scaled with statistics of all its rows (a
    /// statistic computed here, at the call), or a tuple of parts of an argument's rows (a split helper).
    /// </summary>
    private LeakValue? HelperResult(IInvocationOperation invocation, LeakageSummary summary, LeakValue[] arguments, LeakValue carried)
    {
        LeakValue? ArgumentFor(int ordinal)
        {
            for (var i = 0; i < invocation.Arguments.Length; i++)
            {
                if (invocation.Arguments[i].Parameter?.Ordinal == ordinal)
                    return arguments[i];
            }
            return null;
        }
        if (summary.ScaledParameter >= 0 && ArgumentFor(summary.ScaledParameter) is { Rows: { } rows } scaledArgument)
        {
            var site = Statistic(invocation, rows, dataOperand: null, Describe(invocation));
            return new LeakValue(rows, scaledArgument.Statistics.Add(site), scaledArgument.ModelCalls, default);
        }
        if (!summary.ReturnedParts.IsEmpty && invocation.TargetMethod.ReturnType is INamedTypeSymbol { IsTupleType: true } tuple)
        {
            var parts = ImmutableArray.CreateBuilder<LeakValue>(tuple.TupleElements.Length);
            for (var i = 0; i < tuple.TupleElements.Length; i++)
                parts.Add(carried);
            foreach (var (element, parameter) in summary.ReturnedParts)
            {
                if (element < parts.Count && ArgumentFor(parameter) is { Rows: not null } source)
                    parts[element] = Part(invocation, source, null, "returned" + element.ToString(System.Globalization.CultureInfo.InvariantCulture));
            }
            return carried.WithParts(parts.MoveToImmutable());
        }
        return null;
    }

    private static string Describe(IOperation operation)
    {
        var text = operation.Syntax.ToString();
        return text.Length <= 60 && text.IndexOf('\n') < 0 ? text : text.Substring(0, Math.Min(57, text.IndexOf('\n') is var newline and >= 0 ? newline : 57)).TrimEnd() + "...";
    }
}
