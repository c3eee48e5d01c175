using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace ScalingAnalyzer.Analysis;

/// <summary>
/// The facts of train/serve skew (SCALE005): which scaling a value went through (<see cref="AbstractValue.ScaledWith"/>:
/// the runtime scalers, hand-written statistics of any data, a constant divisor), and where the outputs of module calls
/// are used in units that matter (printed, returned, compared with data, mapped back).
/// </summary>
internal sealed partial class TrainingInterpreter
{
    private readonly Dictionary<IOperation, OutputUse> _outputUses = new();

    /// <summary>StandardScaler.Fit(x), x.FitTransform, scaler.Transform(x), scaler.InverseTransform(y) of the runtime library.</summary>
    private AbstractValue RuntimeScalerCall(IInvocationOperation invocation, AbstractValue? receiver, AbstractValue[] arguments)
    {
        var method = invocation.TargetMethod;
        var type = method.ContainingType;
        var kind = type.Name switch
        {
            "StandardScaler" => ScalingSource.Standardized,
            "MinMaxScaler" => ScalingSource.MinMax,
            _ => ScalingSource.Statistics,
        };
        var input = arguments.Length > 0 ? arguments[0] : AbstractValue.Unknown;
        var inputText = invocation.Arguments.Length > 0 ? invocation.Arguments[0].Value.Syntax.ToString() : "its data";
        if (method.IsStatic && method.Name == "Fit")
            return AbstractValue.Unknown with { Identity = new object(), ScaledWith = new ScalingSource(kind, input.Identity, "a scaler fitted on '" + inputText + "'") };

        ScalingSource? source;
        if (method.IsStatic)
        {
            source = method.Name == "FitTransform" ? new ScalingSource(kind, input.Identity, "a scaler fitted on '" + inputText + "'") : null;
        }
        else
        {
            var holder = ForwardSite.ModuleSymbol(invocation.Instance);
            var text = invocation.Instance!.Syntax.ToString();
            source = receiver?.ScaledWith is { } fitted
                ? fitted.WithHolders(holder, null, null, text)
                : new ScalingSource(kind, null, text, holder);
        }

        if (method.Name == "InverseTransform")
        {
            RecordOutputUse(invocation.Arguments.Length > 0 ? invocation.Arguments[0].Value : invocation, OutputUseKind.Mapped, input, loss: null);
            return input.Derived() with { Range = Interval.Unknown, Columns = default, Scaling = ScalingKind.None, ScaledWith = null, OutputUnitsResolved = true };
        }
        if (method.Name is "Transform" or "FitTransform")
            return input.Derived() with { Scaling = ScalingKind.RuntimeScaler, Range = Interval.Unknown, Columns = default, ScaledWith = source };
        return AbstractValue.Unknown;
    }

    /// <summary>
    /// The scaling source of an arithmetic result that is not itself a recognised scaling: kept when a scaled value is only
    /// combined with a constant, unknown otherwise (a scaled value transformed further is no longer known to match).
    /// </summary>
    private static ScalingSource? CombinedSource(BinaryOperatorKind kind, AbstractValue left, AbstractValue right)
    {
        // x / 255f: a constant transform of data far from unit scale.
        if (kind == BinaryOperatorKind.Divide && left.ScaledWith is null && left.Scaling == ScalingKind.None && IsData(left) && !IsData(right)
            && right.Range.IsConstant && right.Range.Low > 1 && left.Statistic == StatisticKind.None && left.ForwardCalls.IsEmpty)
        {
            return ScalingSource.DividedBy(right.Range.Low, NumberText.Round(right.Range.Low));
        }
        var carried = left.ScaledWith ?? right.ScaledWith;
        if (carried is null)
            return null;
        // Statistics of the same data combined (max - min), or one with a constant (std + 1e-8): the same statistics.
        if (left.ScaledWith is not null && right.ScaledWith is not null && ScalingSource.Same(left.ScaledWith, right.ScaledWith) == true)
            return carried;
        if ((left.Statistic != StatisticKind.None && !IsData(right)) || (right.Statistic != StatisticKind.None && !IsData(left)))
            return carried;
        // A scaled value transformed further: scaled, by something no longer known to match.
        return carried.FittedOn is null ? carried : new ScalingSource(carried.Kind, null, carried.Description);
    }

    /// <summary>
    /// Multiplying or adding to a module's output (<c>pred * yStd + yMean</c>, <c>pred * 1000</c>) may map it back to
    /// original units: the result is no longer checked. Subtraction is a comparison, recorded by <see cref="Binary"/>.
    /// </summary>
    private AbstractValue ResolveOutputUnits(BinaryOperatorKind kind, AbstractValue left, AbstractValue right, AbstractValue result)
    {
        if (left.OutputUnitsResolved || right.OutputUnitsResolved)
            return result with { OutputUnitsResolved = true };
        if (kind is BinaryOperatorKind.Multiply or BinaryOperatorKind.Add or BinaryOperatorKind.Divide && (IsOutput(left) || IsOutput(right)))
        {
            MarkOtherUse(left);
            MarkOtherUse(right);
            return result with { OutputUnitsResolved = true };
        }
        return result;
    }

    /// <summary>
    /// A module output used in a way that is not a use as original units (mapped back by arithmetic, fed to another
    /// module): a fix must not wrap that output, or it would change this use too.
    /// </summary>
    internal void MarkOtherUse(AbstractValue value)
    {
        if (!IsOutput(value))
            return;
        foreach (var forward in value.ForwardCalls)
            _facts.OtherOutputUses.Add(forward);
    }

    private static bool IsOutput(AbstractValue value) => !value.ForwardCalls.IsEmpty && value.LossCalls.IsEmpty && !value.OutputUnitsResolved;

    /// <summary>pred - y (or a comparison) with one side a module output: recorded with what it is compared to.</summary>
    private AbstractValue RecordComparison(IBinaryOperation binary, AbstractValue left, AbstractValue right, AbstractValue result)
    {
        if (binary.OperatorKind is not (BinaryOperatorKind.Subtract or BinaryOperatorKind.LessThan or BinaryOperatorKind.LessThanOrEqual
            or BinaryOperatorKind.GreaterThan or BinaryOperatorKind.GreaterThanOrEqual or BinaryOperatorKind.Equals or BinaryOperatorKind.NotEquals))
            return result;
        var leftOutput = IsOutput(left);
        var rightOutput = IsOutput(right);
        if (leftOutput && rightOutput)
        {
            // Two outputs compared with each other: in the same units, whatever they are.
            MarkOtherUse(left);
            MarkOtherUse(right);
            return result with { OutputUnitsResolved = true };
        }
        if (!leftOutput && !rightOutput)
            return result;
        var (output, outputOperation, other, otherOperation) = leftOutput ? (left, binary.LeftOperand, right, binary.RightOperand) : (right, binary.RightOperand, left, binary.LeftOperand);
        // pred > 0.5f: a threshold, not data.
        var kind = otherOperation.ConstantValue.HasValue ? OutputUseKind.Mapped
            : IsScaledData(other) ? OutputUseKind.ComparedWithScaled : IsRawData(other) ? OutputUseKind.ComparedWithRaw : OutputUseKind.Mapped;
        RecordOutputUse(outputOperation, kind, output, loss: null);
        return result with { OutputUnitsResolved = true };
    }

    /// <summary>
    /// (x - xMean) / xStd with the centre and spread held in locals or fields: the source records them, so a fix can
    /// apply the same statistics elsewhere.
    /// </summary>
    private static AbstractValue WithStatisticHolders(IBinaryOperation binary, AbstractValue result)
    {
        if (binary.OperatorKind != BinaryOperatorKind.Divide || result.ScaledWith is not { } source || result.Scaling is not (ScalingKind.Standardized or ScalingKind.MinMax)
            || Strip(binary.LeftOperand) is not IBinaryOperation { OperatorKind: BinaryOperatorKind.Subtract } centred)
            return result;
        var spread = ForwardSite.ModuleSymbol(Strip(binary.RightOperand));
        var centre = ForwardSite.ModuleSymbol(Strip(centred.RightOperand));
        return spread is ILocalSymbol or IFieldSymbol && centre is ILocalSymbol or IFieldSymbol
            ? result with { ScaledWith = source.WithHolders(null, centre, spread) }
            : result;
    }

    /// <summary>A loss that compares module outputs with a target: an evaluation when it is not a training loss.</summary>
    private void RecordLossComparison(IInvocationOperation invocation, IArgumentOperation? target, AbstractValue targetValue, AbstractValue[] arguments)
    {
        if (target is null)
            return;
        for (var i = 0; i < arguments.Length; i++)
        {
            var argument = invocation.Arguments[i];
            if (ReferenceEquals(argument, target) || !IsOutput(arguments[i]))
                continue;
            var kind = IsScaledData(targetValue) ? OutputUseKind.ComparedWithScaled : IsRawData(targetValue) ? OutputUseKind.ComparedWithRaw : OutputUseKind.Mapped;
            RecordOutputUse(argument.Value, kind, arguments[i], invocation);
        }
    }

    /// <summary>$"price={price}": each interpolated module output is printed.</summary>
    private AbstractValue Interpolation(IInterpolatedStringOperation interpolated)
    {
        foreach (var part in interpolated.Parts)
        {
            if (part is IInterpolationOperation hole)
            {
                var value = Evaluate(hole.Expression);
                if (hole.Alignment is not null) Evaluate(hole.Alignment);
                RecordOutputUse(hole.Expression, OutputUseKind.Printed, value, loss: null);
            }
        }
        return AbstractValue.Unknown;
    }

    /// <summary>Console.WriteLine(pred), writer.Write(pred), string.Format("{0}", pred), pred.ToString(), pred.print().</summary>
    private void RecordTextOutput(IInvocationOperation invocation, AbstractValue? receiver, AbstractValue[] arguments)
    {
        var method = invocation.TargetMethod;
        if (receiver is not null && method.Name is "ToString" or "print" or "str")
        {
            RecordOutputUse(invocation.Instance!, OutputUseKind.Printed, receiver, loss: null);
            return;
        }
        if (!WritesText(method))
            return;
        for (var i = 0; i < arguments.Length; i++)
        {
            if (invocation.Arguments[i].Value.Type?.SpecialType != SpecialType.System_String)
                RecordOutputUse(invocation.Arguments[i].Value, OutputUseKind.Printed, arguments[i], loss: null);
        }
    }

    /// <summary>Console/TextWriter Write and WriteLine, string.Format/Concat/Join, File.WriteAllText and kin (names first: this runs on every call).</summary>
    private static bool WritesText(IMethodSymbol method)
    {
        var typeName = method.Name switch
        {
            "Write" or "WriteLine" => 1,
            "Format" or "Concat" or "Join" => 2,
            "WriteAllText" or "AppendAllText" or "WriteAllLines" or "AppendAllLines" => 3,
            _ => 0,
        };
        if (typeName == 0 || method.ContainingType is not { } type)
            return false;
        var known = (typeName, type.Name) switch
        {
            (1, "Console" or "TextWriter" or "StreamWriter" or "StringWriter") => true,
            (2, "String") => true,
            (3, "File") => true,
            _ => false,
        };
        var ns = type.ContainingNamespace;
        return known && ns is not null
            && (ns.Name == "System" ? ns.ContainingNamespace?.IsGlobalNamespace == true
                : ns.Name == "IO" && ns.ContainingNamespace is { Name: "System" } system && system.ContainingNamespace?.IsGlobalNamespace == true);
    }

    /// <summary>"string" + pred: the output becomes text.</summary>
    private AbstractValue Concatenation(IBinaryOperation binary, AbstractValue left, AbstractValue right)
    {
        if (binary.LeftOperand.Type?.SpecialType != SpecialType.System_String)
            RecordOutputUse(binary.LeftOperand, OutputUseKind.Printed, left, loss: null);
        if (binary.RightOperand.Type?.SpecialType != SpecialType.System_String)
            RecordOutputUse(binary.RightOperand, OutputUseKind.Printed, right, loss: null);
        return AbstractValue.Unknown;
    }

    private void RecordReturn(IReturnOperation returnOperation, AbstractValue value)
    {
        if (returnOperation.ReturnedValue is { } returned && (IsNumeric(returned.Type) || IsNumericCollection(returned.Type) || _symbols.IsTensor(returned.Type)))
            RecordOutputUse(returned, OutputUseKind.Returned, value, loss: null);
    }

    private void RecordOutputUse(IOperation at, OutputUseKind kind, AbstractValue value, IOperation? loss)
    {
        if (!IsOutput(value))
            return;
        if (_outputUses.TryGetValue(at, out var use))
        {
            use.Value = use.Value.Join(value);
            if (use.Kind != kind)
                use.Kind = OutputUseKind.Mapped;
            return;
        }
        use = new OutputUse(at, kind, value, loss);
        _outputUses.Add(at, use);
        _facts.OutputUses.Add(use);
    }

    /// <summary>model.save(path) / model.load(path) with a constant path: how a service finds the model a training saved.</summary>
    private void RecordModelFile(IInvocationOperation invocation)
    {
        if (invocation.Arguments.Length == 0 || invocation.Arguments[0].Value.ConstantValue is not { HasValue: true, Value: string path }
            || ForwardSite.ModuleSymbol(invocation.Instance) is not { } module)
            return;
        var entry = (module, path, invocation.TargetMethod.Name == "save");
        if (!_facts.ModelFiles.Contains(entry))
            _facts.ModelFiles.Add(entry);
    }

    /// <summary>Data in original units: made here from literals, generators or .NET data, with no scaling on the way.</summary>
    internal static bool IsRawData(AbstractValue value)
        => value.Kind != ElementKind.Integer && value.Scaling == ScalingKind.None && value.ScaledWith is null && value.ForwardCalls.IsEmpty
           && value.Statistic == StatisticKind.None
           && (value.Origin is ValueOrigin.Literal or ValueOrigin.Generated or ValueOrigin.RuntimeData
               || (value.Origin == ValueOrigin.Parameter && value.SourceText is not null));

    internal static bool IsScaledData(AbstractValue value) => value.ForwardCalls.IsEmpty && (value.Scaling != ScalingKind.None || value.ScaledWith is not null);
}
