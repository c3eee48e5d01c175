using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace ScalingAnalyzer.Analysis;

internal delegate AbstractValue TorchTransfer(TorchCall call);

/// <summary>
/// Transfer functions of TorchSharp calls, as tables keyed by method name on a known type (torch, Tensor,
/// nn.functional, nn, optim). Functions shared by torch.f(x) and x.f() live in one table.
/// </summary>
internal static class TorchTransfers
{
    /// <summary>randn is unbounded; |z| &lt;= 4 holds for all but 6e-5 of the values, which is what a user reads as its range.</summary>
    private static readonly Interval NormalRange = Interval.Of(-4, 4);

    private static readonly HashSet<string> AdaptiveOptimizers = new(StringComparer.Ordinal)
    {
        "Adam", "AdamW", "Adamax", "NAdam", "RAdam", "RMSProp", "Adagrad", "Adadelta",
    };

    private static readonly HashSet<string> RegressionLosses = new(StringComparer.Ordinal)
    {
        "mse_loss", "l1_loss", "huber_loss", "smooth_l1_loss",
    };

    private static readonly HashSet<string> ShapeParameterNames = new(StringComparer.Ordinal)
    {
        "size", "rows", "columns", "size0", "size1", "dim0", "dim1", "dim2", "dim3", "length", "n",
    };

    /// <summary>torch.* only: creation of tensors.</summary>
    private static readonly Dictionary<string, TorchTransfer> Creations = new(StringComparer.Ordinal)
    {
        ["rand"] = call => Generated(call, Interval.Of(0, 1), ElementKind.Floating),
        ["rand_like"] = call => Like(call, Interval.Of(0, 1)),
        ["randn"] = call => Generated(call, NormalRange, ElementKind.Floating),
        ["randn_like"] = call => Like(call, NormalRange),
        ["normal"] = Normal,
        ["randint"] = RandInt,
        ["randperm"] = call => Generated(call, call.ConstantAt(0) is double n ? Interval.Of(0, n - 1) : Interval.Unknown, ElementKind.Integer),
        ["linspace"] = Linspace,
        ["arange"] = Arange,
        ["ones"] = call => Generated(call, Interval.Constant(1), ElementKind.Floating, ValueOrigin.Literal),
        ["ones_like"] = call => Like(call, Interval.Constant(1)),
        ["zeros"] = call => Generated(call, Interval.Constant(0), ElementKind.Floating, ValueOrigin.Literal),
        ["zeros_like"] = call => Like(call, Interval.Constant(0)),
        ["full"] = call => Generated(call, call.Constant("value") is double v ? Interval.Constant(v) : Interval.Unknown, ElementKind.Floating, ValueOrigin.Literal),
        ["full_like"] = call => Like(call, call.Constant("value") is double v ? Interval.Constant(v) : Interval.Unknown),
        ["eye"] = call => Generated(call, Interval.Of(0, 1), ElementKind.Floating, ValueOrigin.Literal),
        ["tensor"] = FromData,
        ["from_array"] = FromData,
        ["as_tensor"] = FromData,
        ["from_file"] = call => IsByteDType(call)
            ? ToBytes(AbstractValue.Data(Interval.Unknown, ValueOrigin.RuntimeData, ElementKind.Integer).WithSourceText("a file"))
            : AbstractValue.Data(Interval.Unknown, ValueOrigin.RuntimeData, DTypeArgument(call)).WithSourceText("a file"),
        ["cat"] = call => Concatenate(call, stack: false),
        ["concat"] = call => Concatenate(call, stack: false),
        ["concatenate"] = call => Concatenate(call, stack: false),
        ["hstack"] = call => Concatenate(call, stack: false, defaultDimension: 1),
        ["column_stack"] = call => Concatenate(call, stack: true, defaultDimension: 1),
        ["stack"] = call => Concatenate(call, stack: true),
        ["vstack"] = call => Concatenate(call, stack: false, defaultDimension: 0),
    };

    /// <summary>Functions of a tensor, called as torch.f(x, ...) or x.f(...).</summary>
    private static readonly Dictionary<string, TorchTransfer> TensorFunctions = new(StringComparer.Ordinal)
    {
        // Arithmetic.
        ["add"] = call => Binary(call, BinaryOperatorKind.Add),
        ["sub"] = call => Binary(call, BinaryOperatorKind.Subtract),
        ["subtract"] = call => Binary(call, BinaryOperatorKind.Subtract),
        ["mul"] = call => Binary(call, BinaryOperatorKind.Multiply),
        ["multiply"] = call => Binary(call, BinaryOperatorKind.Multiply),
        ["div"] = call => Binary(call, BinaryOperatorKind.Divide),
        ["divide"] = call => Binary(call, BinaryOperatorKind.Divide),
        ["true_divide"] = call => Binary(call, BinaryOperatorKind.Divide),
        ["neg"] = call => Elementwise(call, r => -r),
        ["negative"] = call => Elementwise(call, r => -r),
        ["abs"] = call => Elementwise(call, r => r.Abs(), keepIdentity: true),
        ["absolute"] = call => Elementwise(call, r => r.Abs(), keepIdentity: true),
        ["square"] = call => Elementwise(call, r => r.Power(2)),
        ["pow"] = Power,
        ["sqrt"] = SquareRoot,
        ["exp"] = call => Elementwise(call, r => r.Monotone(Math.Exp)),
        ["log"] = call => Elementwise(call, r => r.Low > 0 ? r.Monotone(Math.Log) : Interval.Unknown),
        ["log1p"] = call => Elementwise(call, r => r.Low > -1 ? r.Monotone(v => Math.Log(1 + v)) : Interval.Unknown),
        ["log10"] = call => Elementwise(call, r => r.Low > 0 ? r.Monotone(Math.Log10) : Interval.Unknown),
        ["sigmoid"] = call => Elementwise(call, r => Interval.Of(0, 1)),
        ["tanh"] = call => Elementwise(call, r => Interval.Of(-1, 1)),
        ["relu"] = call => Elementwise(call, r => r.Clamp(0, null)),
        ["clamp"] = Clamp,
        ["clip"] = Clamp,
        ["round"] = call => Elementwise(call, r => r.Monotone(Math.Round)),
        ["floor"] = call => Elementwise(call, r => r.Monotone(Math.Floor)),
        ["ceil"] = call => Elementwise(call, r => r.Monotone(Math.Ceiling)),
        // Statistics: values *of* the data, so scaling is recognised by structure whatever the spelling.
        ["mean"] = call => Statistic(call, StatisticKind.Centre, r => r),
        ["nanmean"] = call => Statistic(call, StatisticKind.Centre, r => r),
        ["median"] = call => WithIndexes(call, Statistic(call, StatisticKind.Centre, r => r)),
        ["nanmedian"] = call => WithIndexes(call, Statistic(call, StatisticKind.Centre, r => r)),
        ["std"] = call => Statistic(call, StatisticKind.Spread, Width),
        ["var"] = call => Statistic(call, StatisticKind.Variance, r => Width(r).Power(2)),
        ["min"] = call => WithIndexes(call, Statistic(call, StatisticKind.Minimum, r => r)),
        ["amin"] = call => Statistic(call, StatisticKind.Minimum, r => r),
        ["max"] = call => WithIndexes(call, Statistic(call, StatisticKind.Maximum, r => r)),
        ["amax"] = call => Statistic(call, StatisticKind.Maximum, r => r),
        ["aminmax"] = call => Pair(Statistic(call, StatisticKind.Minimum, r => r), Statistic(call, StatisticKind.Maximum, r => r)),
        ["std_mean"] = call => Pair(Statistic(call, StatisticKind.Spread, Width), Statistic(call, StatisticKind.Centre, r => r)),
        ["var_mean"] = call => Pair(Statistic(call, StatisticKind.Variance, r => Width(r).Power(2)), Statistic(call, StatisticKind.Centre, r => r)),
        // Value-keeping shape operations.
        ["reshape"] = Reshape,
        ["view"] = Reshape,
        ["view_as"] = call => KeepValues(call, keepColumns: false),
        ["flatten"] = call => KeepValues(call, keepColumns: false),
        ["unsqueeze"] = Unsqueeze,
        ["squeeze"] = call => KeepValues(call, keepColumns: false),
        ["t"] = call => KeepValues(call, keepColumns: false),
        ["transpose"] = call => KeepValues(call, keepColumns: false),
        ["permute"] = call => KeepValues(call, keepColumns: false),
        ["expand"] = call => KeepValues(call, keepColumns: false),
        ["expand_as"] = call => KeepValues(call, keepColumns: false),
        ["repeat"] = call => KeepValues(call, keepColumns: false),
        ["flip"] = call => KeepValues(call, keepColumns: false),
        ["select"] = call => KeepValues(call, keepColumns: false, selectsColumns: call.Constant("dim") != 0),
        ["gather"] = call => KeepValues(call, keepColumns: false, selectsColumns: true),
        ["take"] = call => KeepValues(call, keepColumns: false, selectsColumns: true),
        ["masked_select"] = call => KeepValues(call, keepColumns: false, selectsColumns: true),
        ["narrow"] = call => call.Constant("dim") is 1 or -1 && call.Constant("start") is double start && call.Constant("length") is double length
                             && PickColumns(call.FirstTensor(), ColumnRun(start, length)) is { } narrowed
            ? narrowed
            : KeepValues(call, keepColumns: call.Constant("dim") == 0, rows: call.Constant("dim") == 0 ? call.Constant("length") : null, selectsColumns: call.Constant("dim") != 0),
        ["one_hot"] = OneHot,
        ["index"] = call => KeepValues(call, keepColumns: PicksRowsOnly(call), selectsColumns: !PicksRowsOnly(call)),
        ["index_select"] = call => call.Constant("dim") is 1 or -1 && LiteralPositions(call.Invocation) is { } positions && PickColumns(call.FirstTensor(), positions) is { } selected
            ? selected
            :  KeepValues(call, keepColumns: call.Constant("dim") == 0, selectsColumns: call.Constant("dim") != 0),
        ["slice"] = call => KeepValues(call, keepColumns: call.Constant("dim") == 0, selectsColumns: call.Constant("dim") != 0),
        ["roll"] = call => KeepValues(call, keepColumns: true),
        // x.index_put_(values, index), x.copy_(values): x now also holds the values written into it.
        ["index_put"] = call => WrittenInto(call),
        ["copy"] = call => WrittenInto(call),
        // Pieces of a tensor (an array of tensors): foreach over them meets the same values.
        ["split"] = call => KeepValues(call, keepColumns: false, selectsColumns: (call.Constant("dim") ?? 0) != 0),
        ["chunk"] = call => KeepValues(call, keepColumns: false, selectsColumns: (call.Constant("dim") ?? 0) != 0),
        ["tensor_split"] = call => KeepValues(call, keepColumns: false, selectsColumns: (call.Constant("dim") ?? 0) != 0),
        ["vsplit"] = call => KeepValues(call, keepColumns: false),
        ["hsplit"] = call => KeepValues(call, keepColumns: false, selectsColumns: true),
        ["unbind"] = call => KeepValues(call, keepColumns: false, selectsColumns: (call.Constant("dim") ?? 0) != 0),
        ["contiguous"] = call => KeepValues(call, keepColumns: true, keepRows: true),
        ["clone"] = call => KeepValues(call, keepColumns: true, keepRows: true),
        ["detach"] = call => KeepValues(call, keepColumns: true, keepRows: true),
        ["cpu"] = call => KeepValues(call, keepColumns: true, keepRows: true),
        ["cuda"] = call => KeepValues(call, keepColumns: true, keepRows: true),
        ["requires_grad_"] = call => KeepValues(call, keepColumns: true, keepRows: true),
        ["alias"] = call => KeepValues(call, keepColumns: true, keepRows: true),
        // Element type conversions.
        ["to"] = call => ConvertType(call, DTypeArgument(call)),
        ["type"] = call => ConvertType(call, DTypeArgument(call)),
        ["to_type"] = call => ConvertType(call, DTypeArgument(call)),
        // Windows over a dimension: the same values, seen again.
        ["unfold"] = call => KeepValues(call, keepColumns: false),
        // A sum over a dimension of known length n: n times the element range.
        ["sum"] = Sum,
        ["nansum"] = Sum,
        ["float"] = call => ConvertType(call, ElementKind.Floating),
        ["double"] = call => ConvertType(call, ElementKind.Floating),
        ["half"] = call => ConvertType(call, ElementKind.Floating),
        ["bfloat16"] = call => ConvertType(call, ElementKind.Floating),
        ["long"] = call => ConvertType(call, ElementKind.Integer),
        ["@int"] = call => ConvertType(call, ElementKind.Integer),
        ["int"] = call => ConvertType(call, ElementKind.Integer),
        ["short"] = call => ConvertType(call, ElementKind.Integer),
        ["@byte"] = call => ToBytes(ConvertType(call, ElementKind.Integer)),
        ["byte"] = call => ToBytes(ConvertType(call, ElementKind.Integer)),
        // Tensor to .NET number.
        ["item"] = call => KeepValues(call, keepColumns: false),
        ["ToSingle"] = call => KeepValues(call, keepColumns: false),
        ["ToDouble"] = call => KeepValues(call, keepColumns: false),
        ["ToInt64"] = call => KeepValues(call, keepColumns: false).WithKind(ElementKind.Integer),
        ["ToInt32"] = call => KeepValues(call, keepColumns: false).WithKind(ElementKind.Integer),
        ["size"] = Size,
        // Already unit scale.
        ["normalize"] = call => Scaled(call, ScalingKind.Normalized, Interval.Of(-1, 1)),
        ["layer_norm"] = call => Scaled(call, ScalingKind.Standardized, Interval.Unknown),
        ["batch_norm"] = call => Scaled(call, ScalingKind.Standardized, Interval.Unknown),
        ["instance_norm"] = call => Scaled(call, ScalingKind.Standardized, Interval.Unknown),
        ["group_norm"] = call => Scaled(call, ScalingKind.Standardized, Interval.Unknown),
    };

    /// <summary>Losses in nn.functional; everything else there is looked up in <see cref="TensorFunctions"/>.</summary>
    private static readonly Dictionary<string, TorchTransfer> FunctionalLosses = new(StringComparer.Ordinal)
    {
        ["mse_loss"] = call => call.Interpreter.LossCall(call, isRegression: true),
        ["l1_loss"] = call => call.Interpreter.LossCall(call, isRegression: true),
        ["huber_loss"] = call => call.Interpreter.LossCall(call, isRegression: true),
        ["smooth_l1_loss"] = call => call.Interpreter.LossCall(call, isRegression: true),
        ["cross_entropy"] = call => call.Interpreter.LossCall(call, isRegression: false),
        ["nll_loss"] = call => call.Interpreter.LossCall(call, isRegression: false),
        ["binary_cross_entropy"] = call => call.Interpreter.LossCall(call, isRegression: false),
        ["binary_cross_entropy_with_logits"] = call => call.Interpreter.LossCall(call, isRegression: false),
        ["kl_div"] = call => call.Interpreter.LossCall(call, isRegression: false),
        ["poisson_nll_loss"] = call => call.Interpreter.LossCall(call, isRegression: false),
    };

    public static AbstractValue Apply(TorchCall call)
    {
        var symbols = call.Interpreter.Symbols;
        var method = call.Invocation.TargetMethod;
        var containing = method.ContainingType;
        var name = method.Name;

        if (SymbolEqualityComparer.Default.Equals(containing, symbols.Tensor) || symbols.IsTensor(call.Invocation.Instance?.Type))
        {
            if (name == "backward")
            {
                call.Interpreter.Backward(call.Receiver ?? AbstractValue.Unknown);
                return AbstractValue.Unknown;
            }
            return ApplyTensorFunction(call, name);
        }
        if (name == "step" && symbols.IsOptimizer(call.Invocation.Instance?.Type))
        {
            // optimizer.step(closure) (LBFGS): the closure's forward, loss and backward run here, as training.
            foreach (var argument in call.Arguments)
            {
                if (argument.Callable is { } closure)
                    call.Interpreter.RunClosure(closure);
            }
            call.Interpreter.Step(call.Receiver);
            return AbstractValue.Unknown;
        }
        if (SymbolEqualityComparer.Default.Equals(containing, symbols.Torch))
            return Creations.TryGetValue(name, out var creation) ? creation(call) : ApplyTensorFunction(call, name);
        if (SymbolEqualityComparer.Default.Equals(containing, symbols.Functional))
        {
            if (FunctionalLosses.TryGetValue(name, out var loss))
                return loss(call);
            if (name.EndsWith("_loss", StringComparison.Ordinal))
                return call.Interpreter.LossCall(call, isRegression: RegressionLosses.Contains(name));
            return ApplyTensorFunction(call, name);
        }
        if (SymbolEqualityComparer.Default.Equals(containing, symbols.Nn))
            return ModuleFactory(call);
        if (SymbolEqualityComparer.Default.Equals(containing, symbols.Data))
            return TorchDataTransfers.Apply(call);
        if (SymbolEqualityComparer.Default.Equals(containing, symbols.Optim) && symbols.IsOptimizer(method.ReturnType))
            return OptimizerCreation(call);
        return Unmodelled(call);
    }

    private static AbstractValue ApplyTensorFunction(TorchCall call, string name)
    {
        if (TensorFunctions.TryGetValue(name, out var transfer))
            return transfer(call);
        // x.add_(y): the in-place form writes its result back into x.
        if (TorchSymbols.IsInPlaceName(name) && TensorFunctions.TryGetValue(name.Substring(0, name.Length - 1), out var inPlace))
        {
            var result = inPlace(call);
            call.Interpreter.AssignBack(call.Invocation.Instance, result);
            return result;
        }
        return Unmodelled(call);
    }

    /// <summary>matmul, sum, cumsum, ...: bounds would only come from compounding worst cases, so the range is unknown.</summary>
    private static AbstractValue Unmodelled(TorchCall call)
    {
        if (!call.Interpreter.Symbols.IsTensor(call.Invocation.TargetMethod.ReturnType))
            return CarryAll(AbstractValue.Unknown, call);
        var input = call.FirstTensor();
        var origin = input.Origin;
        foreach (var argument in call.Arguments)
            origin = AbstractValue.CombineOrigins(origin, argument.Origin);
        return CarryAll((input with { Range = Interval.Unknown, Columns = default, Rows = null, Scaling = ScalingKind.None, Origin = origin }).AsDerived(), call);
    }

    private static AbstractValue CarryAll(AbstractValue result, TorchCall call)
    {
        if (call.Receiver is not null)
            result = TrainingInterpreter.CarryTags(result, result, call.Receiver);
        foreach (var argument in call.Arguments)
            result = TrainingInterpreter.CarryTags(result, result, argument);
        return result;
    }

    private static AbstractValue Generated(TorchCall call, Interval range, ElementKind kind, ValueOrigin origin = ValueOrigin.Generated)
    {
        var dtype = DTypeArgument(call);
        var value = AbstractValue.Data(range, origin, dtype == ElementKind.Unknown ? kind : dtype);
        var (rows, columns) = ShapeOf(call);
        value = value.WithRows(rows);
        if (columns is long count && count > 0 && count <= 64)
            value = value.WithColumns(ImmutableArray.CreateRange(Repeat(range, (int)count)));
        return value;
    }

    private static IEnumerable<Interval> Repeat(Interval range, int count)
    {
        for (var i = 0; i < count; i++)
            yield return range;
    }

    private static AbstractValue Like(TorchCall call, Interval range)
    {
        var template = call.FirstTensor();
        var value = AbstractValue.Data(range, ValueOrigin.Generated, template.Kind == ElementKind.Unknown ? ElementKind.Floating : template.Kind).WithRows(template.Rows);
        return template.Columns.IsDefault ? value : value.WithColumns(ImmutableArray.CreateRange(Repeat(range, template.Columns.Length)));
    }

    /// <summary>The constant sizes of a creation call: (rows, columns) of a 2-D shape, rows of a 1-D one.</summary>
    private static (long? Rows, long? Columns) ShapeOf(TorchCall call)
    {
        var dimensions = new List<long>();
        var invocation = call.Invocation;
        for (var i = 0; i < invocation.Arguments.Length; i++)
        {
            var argument = invocation.Arguments[i];
            if (argument.Parameter is not { } parameter || argument.ArgumentKind == ArgumentKind.DefaultValue)
                continue;
            if (ShapeParameterNames.Contains(parameter.Name) && TrainingInterpreter.IsIntegral(parameter.Type))
            {
                if (!call.Arguments[i].Range.IsConstant)
                    return (null, null);
                dimensions.Add((long)call.Arguments[i].Range.Low);
            }
            else if (parameter.Name == "size" && argument.Value is IArrayCreationOperation { Initializer: { } initializer })
            {
                foreach (var element in initializer.ElementValues)
                {
                    if (element.ConstantValue is not { HasValue: true } constant)
                        return (null, null);
                    dimensions.Add(System.Convert.ToInt64(constant.Value, System.Globalization.CultureInfo.InvariantCulture));
                }
            }
        }
        return dimensions.Count switch
        {
            1 => (dimensions[0], null),
            2 => (dimensions[0], dimensions[1]),
            > 2 => (dimensions[0], null),
            _ => (null, null),
        };
    }

    private static AbstractValue Normal(TorchCall call)
    {
        var mean = call.Constant("mean") ?? 0;
        var std = call.Constant("std") ?? 1;
        return Generated(call, Interval.Of(mean - 4 * std, mean + 4 * std), ElementKind.Floating);
    }

    private static AbstractValue RandInt(TorchCall call)
    {
        var low = call.Constant("low") ?? 0;
        var range = call.Constant("high") is double high ? Interval.Of(low, high - 1) : Interval.Unknown;
        return Generated(call, range, ElementKind.Integer);
    }

    private static AbstractValue Linspace(TorchCall call)
    {
        var start = call.Constant("start");
        var end = call.Constant("end");
        var value = Generated(call, start is double s && end is double e ? Interval.Of(s, e) : Interval.Unknown, ElementKind.Floating);
        return value.WithRows(call.Constant("steps") is double steps ? (long)steps : null);
    }

    private static AbstractValue Arange(TorchCall call)
    {
        var start = call.Constant("start") ?? 0;
        var stop = call.Constant("stop") ?? call.Constant("end");
        var step = call.Constant("step") ?? 1;
        // Integer arguments make an int64 tensor, as in PyTorch.
        var integral = true;
        foreach (var argument in call.Invocation.Arguments)
        {
            if (argument.ArgumentKind != ArgumentKind.DefaultValue && argument.Parameter?.Name is "start" or "stop" or "end" or "step"
                && !TrainingInterpreter.IsIntegral(Unconverted(argument.Value).Type))
                integral = false;
        }
        if (stop is not double end || step == 0)
            return Generated(call, Interval.Unknown, integral ? ElementKind.Integer : ElementKind.Floating);
        return Generated(call, Interval.Of(start, end), integral ? ElementKind.Integer : ElementKind.Floating)
            .WithRows((long)Math.Ceiling((end - start) / step));
    }

    private static IOperation Unconverted(IOperation operation)
    {
        while (operation is IConversionOperation conversion)
            operation = conversion.Operand;
        return operation;
    }

    private static AbstractValue FromData(TorchCall call)
    {
        var invocation = call.Invocation;
        for (var i = 0; i < invocation.Arguments.Length; i++)
        {
            var argument = invocation.Arguments[i];
            if (argument.Parameter?.Ordinal == 0)
                return FromDotNetData(call.Interpreter, call.Arguments[i], argument.Value, call);
        }
        return AbstractValue.Data(Interval.Unknown, ValueOrigin.RuntimeData, ElementKind.Unknown);
    }

    /// <summary>A tensor made from .NET data: literal arrays keep their bounds, anything else is run-time data.</summary>
    internal static AbstractValue FromDotNetData(TrainingInterpreter interpreter, AbstractValue data, IOperation source, TorchCall? call)
    {
        var kind = call is TorchCall c && DTypeArgument(c) is var dtype && dtype != ElementKind.Unknown
            ? dtype
            : data.Kind != ElementKind.Unknown ? data.Kind : TrainingInterpreter.ElementKindOf(Unconverted(source).Type);
        if (interpreter.Symbols.IsTensor(Unconverted(source).Type))
            return data.WithKind(kind);
        var origin = data.Origin == ValueOrigin.Literal ? ValueOrigin.Literal
            : data.Origin is ValueOrigin.Generated or ValueOrigin.Parameter or ValueOrigin.ModuleOutput ? data.Origin : ValueOrigin.RuntimeData;
        var result = data.Derived() with { Origin = origin, Kind = kind, Elements = default, RowColumns = data.RowColumns };
        // torch.tensor(flat, new long[] { n, 4 }) of rows of 4 known columns: those columns.
        if (!data.RowColumns.IsDefault && call is TorchCall shaped)
        {
            for (var i = 0; i < shaped.Invocation.Arguments.Length && i < shaped.Arguments.Length; i++)
            {
                if (shaped.Invocation.Arguments[i].Parameter is { Ordinal: > 0 } && WithRowColumns(result, shaped.Arguments[i].Elements) is { } columned)
                {
                    result = columned;
                    break;
                }
            }
        }
        // torch.tensor(new[] { 1980f, 3.4f, 24f }) with no shape: a vector of constants broadcasts along the last
        // dimension, one constant per column ((x - means) / stds with per-column statistics written out).
        if (origin == ValueOrigin.Literal && result.Columns.IsDefault && !data.Elements.IsDefault && data.Elements.Length is >= 2 and <= 32
            && call is TorchCall literal && !HasShape(literal))
        {
            var constants = ImmutableArray.CreateBuilder<Interval>(data.Elements.Length);
            foreach (var element in data.Elements)
            {
                if (!element.Range.IsConstant)
                    break;
                constants.Add(element.Range);
            }
            if (constants.Count == data.Elements.Length)
                result = result.WithColumns(constants.MoveToImmutable());
        }
        // torch.tensor(bytes): 0..255 by the element type, whatever the bytes hold.
        if (!result.Range.IsKnown && IsByteData(Unconverted(source).Type))
            result = result with { Range = ByteRange };
        // torch.tensor(new[] { size }) of a method's .NET numbers: data in the caller's units (SCALE005 reads it as raw).
        if (result.SourceText is null && origin == ValueOrigin.Parameter && !interpreter.Symbols.IsTensor(Unconverted(source).Type))
            result = result.WithSourceText("'" + Unconverted(source).Syntax + "'");
        if (result.SourceText is null && origin == ValueOrigin.RuntimeData)
        {
            var text = Unconverted(source).Syntax.ToString();
            result = result.WithSourceText(text.Length <= 40 && text.IndexOf('\n') < 0 ? "'" + text + "'" : "run-time .NET data");
        }
        if (data.ParameterOrdinal >= 0)
            result = result.WithParameterOrdinal(data.ParameterOrdinal);
        return result;
    }

    /// <summary>A dimensions argument (<c>torch.tensor(values, new long[] { 3, 2 })</c>) given explicitly.</summary>
    private static bool HasShape(TorchCall call)
    {
        foreach (var argument in call.Invocation.Arguments)
        {
            if (argument.ArgumentKind != ArgumentKind.DefaultValue && argument.Parameter is { Ordinal: > 0 } parameter
                && parameter.Type is IArrayTypeSymbol or INamedTypeSymbol { Name: "ReadOnlySpan" or "Span" })
                return true;
        }
        return false;
    }

    private static bool IsByteData(ITypeSymbol? type)
    {
        while (type is IArrayTypeSymbol array)
            type = array.ElementType;
        if (GenericTypes.OnlyTypeArgument(type) is { } element)
            type = element;
        return type?.SpecialType == SpecialType.System_Byte;
    }

    /// <summary>cat/stack: per-column bounds survive when joining along the column dimension.</summary>
    private static AbstractValue Concatenate(TorchCall call, bool stack, int? defaultDimension = null)
    {
        var parts = default(ImmutableArray<AbstractValue>);
        var dimension = call.Constant("dim") ?? call.Constant("dimension") ?? defaultDimension ?? 0;
        AbstractValue? combined = null;
        for (var i = 0; i < call.Arguments.Length; i++)
        {
            var value = call.Arguments[i];
            if (!value.Elements.IsDefault && parts.IsDefault)
                parts = value.Elements;
        }
        if (parts.IsDefault || parts.IsEmpty)
        {
            // stack(samples) / cat(batches) of a list of tensors: each element's values, in rows (or columns) of unknown number.
            var list = call.Arguments.Length > 0 && call.Invocation.Arguments.Length > 0 ? call.Arguments[0] : null;
            if (list is not null && !list.IsEmptyCollection && call.Invocation.Arguments[0].Parameter?.Ordinal == 0
                && TrainingInterpreter.IsCollection(Unconverted(call.Invocation.Arguments[0].Value).Type)
                && call.Interpreter.Symbols.IsTensor(ElementTypeOf(Unconverted(call.Invocation.Arguments[0].Value).Type)))
                return list.Derived() with { Columns = default, Rows = null, Element = null };
            return Unmodelled(call);
        }
        var blocks = dimension is 1 or -1 ? BlocksOf(parts, stack, PartTexts(call)) : default;
        if (dimension is 1 or -1 && AllScaled(parts) == ScalingKind.None && AnyScaled(parts))
            return RawColumnsBesideScaled(call, parts, stack) with { ColumnBlocks = blocks };
        var columns = ImmutableArray.CreateBuilder<Interval>();
        var columnsKnown = dimension is 1 or -1;
        foreach (var part in parts)
        {
            combined = combined is null ? part.Derived() : Combine(combined, part);
            if (!columnsKnown)
                continue;
            if (stack)
                columns.Add(part.Range);
            else if (!part.Columns.IsDefault)
                columns.AddRange(part.Columns);
            else
                columnsKnown = false;
        }
        var result = combined! with { Scaling = AllScaled(parts), Rows = dimension == 0 && !stack ? null : parts[0].Rows };
        return columnsKnown ? result.WithColumns(columns.ToImmutable()) with { ColumnBlocks = blocks } : result.WithColumns(default);
    }

    private static ITypeSymbol? ElementTypeOf(ITypeSymbol? collection) => collection switch
    {
        IArrayTypeSymbol array => array.ElementType,
        INamedTypeSymbol { Arity: 1, IsGenericType: true } named => GenericTypes.OnlyTypeArgument(named),
        _ => null,
    };

    /// <summary>The block each column of cat(parts, 1) / stack(parts, 1) comes from, with that column's range; default when a width is not known.</summary>
    private static ImmutableArray<AbstractValue> BlocksOf(ImmutableArray<AbstractValue> parts, bool stack, ImmutableArray<string?> texts)
    {
        var blocks = ImmutableArray.CreateBuilder<AbstractValue>();
        for (var i = 0; i < parts.Length; i++)
        {
            var part = parts[i];
            var text = texts.IsDefault || i >= texts.Length ? null : texts[i];
            if (stack || (!part.Columns.IsDefault && part.Columns.Length == 1))
                blocks.Add(part with { Columns = default, ColumnBlocks = default, UnscaledPart = text });
            else if (!part.Columns.IsDefault && blocks.Count + part.Columns.Length <= 256)
            {
                foreach (var column in part.Columns)
                    blocks.Add(part with { Range = column, Columns = default, ColumnBlocks = default, UnscaledPart = text, Evidence = null, JoinedColumns = false });
            }
            else
                return default;
        }
        return blocks.ToImmutable();
    }

    /// <summary>Positions start .. start + length - 1 (narrow's arguments), when small and not negative.</summary>
    private static int[]? ColumnRun(double start, double length)
    {
        if (start < 0 || length < 1 || start + length > 256 || start != Math.Floor(start) || length != Math.Floor(length))
            return null;
        var positions = new int[(int)length];
        for (var i = 0; i < positions.Length; i++)
            positions[i] = (int)start + i;
        return positions;
    }

    /// <summary>The constant positions of index_select's index written as <c>torch.tensor(new long[] { 0, 2 })</c>; null otherwise.</summary>
    private static int[]? LiteralPositions(IInvocationOperation invocation)
    {
        foreach (var argument in invocation.Arguments)
        {
            if (argument.Parameter?.Name != "index")
                continue;
            var value = Unconverted(argument.Value);
            if (value is not IInvocationOperation { TargetMethod.Name: "tensor" or "as_tensor" or "from_array" or "LongTensor" } made || made.Arguments.Length == 0
                || Unconverted(made.Arguments[0].Value) is not IArrayCreationOperation { Initializer.ElementValues: { Length: > 0 and <= 256 } elements })
                return null;
            var positions = new int[elements.Length];
            for (var i = 0; i < elements.Length; i++)
            {
                if (NumericConstant.ToDouble(Unconverted(elements[i]).ConstantValue.HasValue ? Unconverted(elements[i]).ConstantValue.Value : null) is not double position
                    || position < 0 || position != Math.Floor(position) || position > 256)
                    return null;
                positions[i] = (int)position;
            }
            return positions;
        }
        return null;
    }

    /// <summary>
    /// Some columns of a value whose columns are known: their ranges; when it was joined from blocks
    /// (<see cref="AbstractValue.ColumnBlocks"/>), judged by the blocks picked (all scaled: scaled; none: their raw
    /// range; some: the raw ones beside the scaled, as cat of them would be). Null when the positions or the columns
    /// are not known.
    /// </summary>
    internal static AbstractValue? PickColumns(AbstractValue input, IReadOnlyList<int>? positions)
    {
        if (positions is null || positions.Count == 0)
            return null;
        var blocks = input.ColumnBlocks;
        var width = !blocks.IsDefault ? blocks.Length : !input.Columns.IsDefault ? input.Columns.Length : -1;
        if (width < 0 || (!blocks.IsDefault && !input.Columns.IsDefault && input.Columns.Length != width))
            return null;
        foreach (var position in positions)
        {
            if (position < 0 || position >= width)
                return null;
        }
        var columns = ImmutableArray.CreateBuilder<Interval>(positions.Count);
        foreach (var position in positions)
            columns.Add(blocks.IsDefault ? input.Columns[position] : blocks[position].Range);
        var range = columns[0];
        foreach (var column in columns)
            range = range.Join(column);
        var picked = input with { Range = range, Columns = columns.MoveToImmutable(), Identity = new object(), Evidence = blocks.IsDefault ? null : input.Evidence, JoinedColumns = false };
        if (blocks.IsDefault)
            return picked;
        var builder = ImmutableArray.CreateBuilder<AbstractValue>(positions.Count);
        bool allScaled = true, anyScaled = false;
        foreach (var position in positions)
        {
            var block = blocks[position];
            builder.Add(block);
            allScaled &= block.Scaling != ScalingKind.None;
            anyScaled |= block.Scaling != ScalingKind.None;
        }
        var selected = builder.MoveToImmutable();
        picked = picked with { ColumnBlocks = selected, UnscaledPart = null, PartlyScaled = false };
        if (allScaled)
        {
            var scaling = selected[0].Scaling;
            foreach (var block in selected)
                scaling = block.Scaling == scaling ? scaling : ScalingKind.Standardized;
            return picked with { Scaling = scaling, SourceText = selected[0].SourceText, Evidence = null };
        }
        if (!anyScaled)
        {
            var raw = selected[0];
            for (var i = 1; i < selected.Length; i++)
                raw = raw.Join(selected[i]);
            return picked with { Scaling = ScalingKind.None, Origin = raw.Origin, Kind = raw.Kind, SourceText = raw.SourceText, Evidence = raw.Evidence, ScaledWith = null };
        }
        // Raw columns beside scaled ones: judged by the raw ones, the largest named by its position among those picked.
        AbstractValue? rawPart = null;
        var largest = -1;
        for (var i = 0; i < selected.Length; i++)
        {
            if (selected[i].Scaling != ScalingKind.None)
                continue;
            rawPart = rawPart is null ? selected[i] : rawPart.Join(selected[i]);
            if (largest < 0 || !selected[largest].Range.IsKnown || (selected[i].Range.IsKnown && selected[i].Range.Magnitude > selected[largest].Range.Magnitude))
                largest = i;
        }
        var described = "column " + largest.ToString(System.Globalization.CultureInfo.InvariantCulture) + (selected[largest].UnscaledPart is { } text ? " ('" + text + "')" : "");
        return picked with
        {
            Range = rawPart!.Range,
            Columns = default,
            Scaling = ScalingKind.None,
            Origin = rawPart.Origin,
            Evidence = null,
            ScaledWith = null,
            UnscaledPart = described,
            SourceText = described + ", not scaled like the other columns,",
        };
    }

    private static bool AnyScaled(ImmutableArray<AbstractValue> parts)
    {
        foreach (var part in parts)
        {
            if (part.Scaling != ScalingKind.None)
                return true;
        }
        return false;
    }

    /// <summary>
    /// cat([scaled, raw], dim: 1): the scaled blocks are fine, so the value is judged by its raw blocks alone, and
    /// names the largest of them by its column position (when the widths before it are known) and its text.
    /// </summary>
    private static AbstractValue RawColumnsBesideScaled(TorchCall call, ImmutableArray<AbstractValue> parts, bool stack)
    {
        var texts = PartTexts(call);
        AbstractValue? raw = null;
        var largest = -1;
        long? offset = 0, largestOffset = null;
        for (var i = 0; i < parts.Length; i++)
        {
            var part = parts[i];
            if (part.Scaling == ScalingKind.None)
            {
                raw = raw is null ? part.Derived() : Combine(raw, part);
                if (largest < 0 || !parts[largest].Range.IsKnown || (part.Range.IsKnown && part.Range.Magnitude > parts[largest].Range.Magnitude))
                {
                    largest = i;
                    largestOffset = offset;
                }
            }
            long? width = stack ? 1 : part.Columns.IsDefault ? null : part.Columns.Length;
            offset = offset is long o && width is long w ? o + w : null;
        }
        var text = texts.IsDefault || largest >= texts.Length ? null : texts[largest];
        var where = largestOffset is long column && (stack || (!parts[largest].Columns.IsDefault && parts[largest].Columns.Length == 1))
            ? "column " + column.ToString(System.Globalization.CultureInfo.InvariantCulture)
            : largestOffset is long first && !parts[largest].Columns.IsDefault
                ? "columns " + first.ToString(System.Globalization.CultureInfo.InvariantCulture) + "-" + (first + parts[largest].Columns.Length - 1).ToString(System.Globalization.CultureInfo.InvariantCulture)
                : "a block";
        var described = text is null ? where : where == "a block" ? "the block '" + text + "'" : where + " ('" + text + "')";
        return raw! with
        {
            Columns = default,
            Scaling = ScalingKind.None,
            Rows = parts[0].Rows,
            UnscaledPart = described,
            SourceText = described + ", not scaled like the other columns,",
        };
    }

    /// <summary>The source text of each block of cat(new[] { a, b }) / cat(a, b), when short enough to quote.</summary>
    private static ImmutableArray<string?> PartTexts(TorchCall call)
    {
        foreach (var argument in call.Invocation.Arguments)
        {
            if (Unconverted(argument.Value) is IArrayCreationOperation { Initializer: { } initializer })
            {
                var texts = ImmutableArray.CreateBuilder<string?>(initializer.ElementValues.Length);
                foreach (var element in initializer.ElementValues)
                {
                    var text = element.Syntax.ToString();
                    texts.Add(text.Length <= 40 && text.IndexOf('\n') < 0 ? text : null);
                }
                return texts.MoveToImmutable();
            }
        }
        return default;
    }

    private static AbstractValue Combine(AbstractValue a, AbstractValue b)
    {
        var joined = a.Join(b);
        return joined with { Range = a.Range.Join(b.Range), Kind = a.Kind == ElementKind.Integer && b.Kind == ElementKind.Integer ? ElementKind.Integer : ElementKind.Floating };
    }

    private static ScalingKind AllScaled(ImmutableArray<AbstractValue> parts)
    {
        foreach (var part in parts)
        {
            if (part.Scaling == ScalingKind.None)
                return ScalingKind.None;
        }
        return parts[0].Scaling;
    }

    private static AbstractValue WrittenInto(TorchCall call)
    {
        if (call.Receiver is not { } target || call.Arguments.Length == 0 || !call.Interpreter.Symbols.IsTensor(call.Invocation.Arguments[0].Value.Type))
            return Unmodelled(call);
        var written = call.Arguments[0];
        return call.Name.StartsWith("copy", StringComparison.Ordinal)
            ? written with { Identity = target.Identity, Rows = target.Rows }
            : target.Join(written) with { Identity = target.Identity, Rows = target.Rows, Columns = default };
    }

    private static AbstractValue Binary(TorchCall call, BinaryOperatorKind kind)
        => call.Interpreter.Arithmetic(kind, call.Operand(0), call.Operand(1), integralDotNet: false);

    private static AbstractValue Elementwise(TorchCall call, Func<Interval, Interval> map, bool keepIdentity = false)
    {
        var input = call.FirstTensor();
        var result = keepIdentity ? input : input.Derived();
        return result with { Range = map(input.Range), Columns = TrainingInterpreter.MapColumns(input.Columns, map), Statistic = StatisticKind.None, StatisticOf = null };
    }

    private static AbstractValue Power(TorchCall call)
    {
        var input = call.FirstTensor();
        var exponent = call.Operand(1);
        if (!exponent.Range.IsConstant)
            return Unmodelled(call);
        var p = exponent.Range.Low;
        if (p == 0.5 && input.Statistic == StatisticKind.Variance)
            return input.Derived() with { Range = input.Range.Power(0.5), Statistic = StatisticKind.Spread, StatisticOf = input.StatisticOf };
        return Elementwise(call, r => r.Power(p));
    }

    private static AbstractValue SquareRoot(TorchCall call)
    {
        var input = call.FirstTensor();
        var result = Elementwise(call, r => r.Low >= 0 ? r.Power(0.5) : Interval.Unknown);
        return input.Statistic == StatisticKind.Variance ? result.WithStatistic(StatisticKind.Spread, input.StatisticOf) : result;
    }

    private static AbstractValue Clamp(TorchCall call)
    {
        var min = call.Constant("min");
        var max = call.Constant("max");
        return Elementwise(call, r => r.Clamp(min, max));
    }

    private static Interval Width(Interval range) => range.IsKnown ? Interval.Of(0, range.High - range.Low) : Interval.Unknown;

    private static AbstractValue Statistic(TorchCall call, StatisticKind kind, Func<Interval, Interval> range)
    {
        var input = call.FirstTensor();
        var statistic = input.Derived() with { Range = range(input.Range), Columns = default, Rows = null, ScaledWith = null };
        if (input.Identity is null)
            return statistic;
        var of = call.Invocation.Instance ?? (call.Invocation.Arguments.Length > 0 ? call.Invocation.Arguments[0].Value : null);
        var text = of is null ? "its data" : "'" + of.Syntax + "'";
        // The statistics of x scale whatever they are applied to as they scale x (ScalingSource: the same scaling).
        return statistic.WithStatistic(kind, input.Identity) with { ScaledWith = new ScalingSource(ScalingSource.Statistics, input.Identity, "the statistics of " + text) };
    }

    /// <summary>
    /// x.min(0), x.max(dim, keepdim), x.median(0): over a dimension they return <c>(values, indexes)</c>, read as
    /// <c>.values</c> or deconstructed; the values are the statistic, the indexes integer positions.
    /// </summary>
    private static AbstractValue WithIndexes(TorchCall call, AbstractValue statistic)
        => call.Invocation.TargetMethod.ReturnType is INamedTypeSymbol { IsTupleType: true, TupleElements.Length: 2 }
            ? Pair(statistic, AbstractValue.Data(Interval.Unknown, ValueOrigin.Unknown, ElementKind.Integer))
            : statistic;

    private static AbstractValue Pair(AbstractValue first, AbstractValue second)
        => AbstractValue.Unknown.WithElements(ImmutableArray.Create(first, second));

    private static AbstractValue KeepValues(TorchCall call, bool keepColumns, bool keepRows = false, double? rows = null, bool selectsColumns = false)
    {
        var input = call.FirstTensor();
        var result = keepColumns ? input : input with { Columns = default, ColumnBlocks = default };
        // Some of the columns of a tensor whose bound joins several file columns: which ones is not known, nor their bound.
        if (selectsColumns && input.JoinedColumns)
            result = result with { Range = Interval.Unknown, Evidence = null };
        return rows is double r ? result.WithRows((long)r) : keepRows ? result : result.WithRows(null);
    }

    /// <summary>one_hot(classes, n): zeros and ones, n columns of them when n is constant.</summary>
    private static AbstractValue OneHot(TorchCall call)
    {
        var input = call.FirstTensor();
        var unit = Interval.Of(0, 1);
        var result = input.Derived() with { Range = unit, Kind = ElementKind.Integer, Scaling = ScalingKind.None, Columns = default, ScaledWith = null, Evidence = null, JoinedColumns = false };
        return call.Constant("num_classes") is double classes && classes is >= 1 and <= 256
            ? result.WithColumns(ImmutableArray.CreateRange(Repeat(unit, (int)classes)))
            : result;
    }

    /// <summary>x.index(rows): one index (a tensor of row positions, a range) picks rows and keeps the columns.</summary>
    private static bool PicksRowsOnly(TorchCall call)
    {
        if (call.Invocation.Arguments.Length != 1)
            return false;
        var argument = call.Invocation.Arguments[0];
        return argument.ArgumentKind == ArgumentKind.ParamArray
            ? argument.Value is IArrayCreationOperation { Initializer.ElementValues.Length: 1 }
            : argument.Value.Type is not IArrayTypeSymbol;
    }

    /// <summary>reshape(-1, 1) / view(n, 1): one column holding all the values.</summary>
    private static AbstractValue Reshape(TorchCall call)
    {
        var result = KeepValues(call, keepColumns: false);
        var shape = call.Arguments.Length > 0 ? call.Arguments[0].Elements : default;
        // reshape(-1, 4) of rows of 4 known columns laid end to end: those columns.
        if (WithRowColumns(result, shape) is { } columned)
            return columned;
        if (!shape.IsDefault && shape.Length == 2 && shape[1].Range.IsConstant && shape[1].Range.Low == 1)
        {
            result = result.WithColumns(ImmutableArray.Create(result.Range));
            if (shape[0].Range.IsConstant && shape[0].Range.Low > 0)
                result = result.WithRows((long)shape[0].Range.Low);
            else
                result = result.WithRows(call.FirstTensor().Rows);
        }
        return result;
    }

    /// <summary>
    /// A flat value holding rows of k known columns (<see cref="AbstractValue.RowColumns"/>) given the shape [n, k]:
    /// a 2-D value with those columns; null for any other shape.
    /// </summary>
    internal static AbstractValue? WithRowColumns(AbstractValue value, ImmutableArray<AbstractValue> shape)
    {
        if (value.RowColumns.IsDefault || shape.IsDefault || shape.Length != 2 || !shape[1].Range.IsConstant || shape[1].Range.Low != value.RowColumns.Length)
            return null;
        var rows = shape[0].Range.IsConstant && shape[0].Range.Low > 0 ? (long?)shape[0].Range.Low : value.Rows;
        return value.WithColumns(value.RowColumns).WithRows(rows);
    }

    /// <summary>unsqueeze(1) of a vector: one column.</summary>
    private static AbstractValue Unsqueeze(TorchCall call)
    {
        var input = call.FirstTensor();
        var result = KeepValues(call, keepColumns: false);
        return input.Columns.IsDefault && call.Constant("dim") is 1.0 or -1.0
            ? (result with { Columns = ImmutableArray.Create(result.Range), Rows = input.Rows })
            : result;
    }

    private static AbstractValue ConvertType(TorchCall call, ElementKind kind)
    {
        var input = KeepValues(call, keepColumns: true, keepRows: true);
        if (IsByteDType(call))
            return ToBytes(input.WithKind(ElementKind.Integer));
        return kind == ElementKind.Unknown ? input : input.WithKind(kind);
    }

    /// <summary>A uint8 tensor holds 0..255 by its type (values outside wrap around): a bound known without the data.</summary>
    private static AbstractValue ToBytes(AbstractValue value)
    {
        var range = value.Range.IsKnown && value.Range.Low >= 0 && value.Range.High <= 255 ? value.Range : ByteRange;
        return value with { Range = range, Columns = value.Range.IsKnown && value.Range.Low >= 0 && value.Range.High <= 255 ? value.Columns : default };
    }

    internal static readonly Interval ByteRange = Interval.Of(0, 255);

    /// <summary>sum(dim) over a dimension whose length is known: the rows (dim 0) or the columns (dim 1).</summary>
    private static AbstractValue Sum(TorchCall call)
    {
        var input = call.FirstTensor();
        var dimension = call.Constant("dim");
        if (dimension is 1.0 or -1.0 && !input.Columns.IsDefault)
        {
            var total = Interval.Constant(0);
            foreach (var column in input.Columns)
                total += column;
            return input.Derived() with { Range = total, Columns = default, Scaling = ScalingKind.None };
        }
        if (dimension is 0.0 && input.Rows is long rows && rows > 0)
            return input.Derived() with { Range = input.Range * Interval.Constant(rows), Rows = null, Scaling = ScalingKind.None };
        return Unmodelled(call);
    }

    private static bool IsByteDType(TorchCall call) => DTypeName(call) is "Byte" or "uint8";

    /// <summary>The name of the ScalarType a dtype argument names (Float32, int64, Byte, ...); null when there is none or it is not a constant member.</summary>
    private static string? DTypeName(TorchCall call)
    {
        foreach (var argument in call.Invocation.Arguments)
        {
            if (argument.ArgumentKind == ArgumentKind.DefaultValue || argument.Parameter is null)
                continue;
            var type = argument.Parameter.Type is INamedTypeSymbol { IsGenericType: true } nullable ? nullable.TypeArguments[0] : argument.Parameter.Type;
            if (type.Name != "ScalarType")
                continue;
            return Unconverted(argument.Value) switch
            {
                IFieldReferenceOperation f => f.Field.Name,
                IPropertyReferenceOperation p => p.Property.Name,
                _ => null,
            };
        }
        return null;
    }

    private static AbstractValue Size(TorchCall call)
    {
        var input = call.FirstTensor();
        if (call.Constant("dim") is 0.0 && input.Rows is long rows)
            return AbstractValue.Data(Interval.Constant(rows), ValueOrigin.Literal, ElementKind.Integer);
        return AbstractValue.Data(Interval.Unknown, ValueOrigin.Unknown, ElementKind.Integer);
    }

    private static AbstractValue Scaled(TorchCall call, ScalingKind scaling, Interval range)
        => call.FirstTensor().Derived() with { Scaling = scaling, Range = range, Columns = default };

    /// <summary>The element kind a dtype argument (ScalarType.Float32, torch.int64, ...) asks for.</summary>
    private static ElementKind DTypeArgument(TorchCall call)
    {
        if (DTypeName(call) is not { } field)
            return ElementKind.Unknown;
        var lower = field.ToLowerInvariant();
        if (lower.Contains("float") || lower.Contains("double") || lower.Contains("half") || lower.Contains("complex"))
            return ElementKind.Floating;
        if (lower.Contains("int") || lower.Contains("long") || lower.Contains("byte") || lower.Contains("short") || lower.Contains("bool"))
            return ElementKind.Integer;
        return ElementKind.Unknown;
    }

    /// <summary>nn.Sequential with BatchNorm1d/LayerNorm first normalizes its input; so do those layers alone.</summary>
    private static AbstractValue ModuleFactory(TorchCall call)
    {
        var symbols = call.Interpreter.Symbols;
        var returnType = call.Invocation.TargetMethod.ReturnType;
        if (symbols.IsNormalizingLayer(returnType))
            return AbstractValue.Unknown.WithNormalizesInput(true);
        if (PassesValues(returnType))
            return AbstractValue.Unknown with { PassesValues = true };
        if (call.Invocation.TargetMethod.Name == "Sequential" && call.Invocation.Arguments.Length > 0
            && call.Invocation.Arguments[0].Value is IArrayCreationOperation { Initializer.ElementValues: { Length: > 0 } layers })
        {
            var first = Unconverted(layers[0]);
            if (first is ITupleOperation { Elements.Length: 2 } named)
                first = Unconverted(named.Elements[1]);
            if (first is IObjectCreationOperation { Arguments.Length: 2 } tupleCreation)
                first = Unconverted(tupleCreation.Arguments[1].Value);
            if (symbols.IsNormalizingLayer(first.Type))
                return AbstractValue.Unknown.WithNormalizesInput(true);
        }
        return AbstractValue.Unknown;
    }

    /// <summary>Modules whose output holds their input's values: reshaped (Flatten, Unflatten), kept (Identity) or masked (Dropout).</summary>
    internal static bool PassesValues(ITypeSymbol? type)
        => type is { ContainingNamespace: { Name: "Modules", ContainingNamespace.Name: "TorchSharp" } }
           && type.Name is "Flatten" or "Unflatten" or "Identity" or "Dropout" or "Dropout1d" or "Dropout2d" or "AlphaDropout";

    private static AbstractValue OptimizerCreation(TorchCall call)
    {
        var name = call.Invocation.TargetMethod.Name;
        var learningRate = call.Constant("lr") ?? call.Constant("learningRate");
        return AbstractValue.Unknown.WithOptimizer(new OptimizerFacts(name, AdaptiveOptimizers.Contains(name), learningRate));
    }
}
