using System.Linq;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace ScalingAnalyzer.Analysis;

/// <summary>Turns the facts of one method into the diagnostics of SCALE001, SCALE003 and SCALE004.</summary>
internal static class ScalingFindings
{
    /// <summary>SCALE003 reports a target whose bound exceeds this many times the distance the optimizer travels.</summary>
    public const double TargetReachFactor = 10;

    public static ImmutableArray<Diagnostic> Find(MethodTrainingFacts facts, ScalingOptions options, CancellationToken cancellationToken)
    {
        var diagnostics = ImmutableArray.CreateBuilder<Diagnostic>();
        foreach (var forward in facts.Forwards)
        {
            if (facts.IsTrainingForward(forward) && !forward.ModuleNormalizesInput && !facts.IsCallersValue(forward.Value))
                ReportFeature(diagnostics, forward.Argument, forward.Value, forward.CallText, options, SkewFindings.FeatureFixProperties(facts, forward));
        }
        var reach = facts.AdaptiveReach();
        if (reach is not null)
        {
            foreach (var loss in facts.Losses)
            {
                if (loss.IsRegression && facts.IsTrainingLoss(loss) && !facts.IsCallersValue(loss.Value))
                    ReportTarget(diagnostics, loss.Target, loss.Value, reach, options, SkewFindings.TargetFixProperties(facts, loss));
            }
        }
        foreach (var helper in facts.HelperCalls)
        {
            OptimizerReach? helperReach = null;
            var reachKnown = false;
            foreach (var argument in helper.Arguments)
            {
                var ordinal = argument.Key.Parameter!.Ordinal;
                if (helper.Summary.FeatureParameters.TryGetValue(ordinal, out var callText))
                    ReportFeature(diagnostics, argument.Key, argument.Value, callText, options);
                if (!helper.Summary.TargetParameters.Contains(ordinal))
                    continue;
                if (!reachKnown)
                {
                    helperReach = helper.Summary.ReachWith(ConstantArguments(helper), cancellationToken);
                    reachKnown = true;
                }
                if (helperReach is not null)
                    ReportTarget(diagnostics, argument.Key, argument.Value, helperReach, options);
            }
        }
        foreach (var structured in facts.StructuredHelperFeatures.Values)
            ReportFeature(diagnostics, structured.Argument, structured.Value, structured.CallText, options);
        return diagnostics.ToImmutable();
    }

    /// <summary>The call's constant arguments (joined over every time the call runs) for the helper's reach parameters.</summary>
    private static ImmutableSortedDictionary<int, double> ConstantArguments(HelperCallSite helper)
    {
        var constants = ImmutableSortedDictionary.CreateBuilder<int, double>();
        foreach (var argument in helper.Arguments)
        {
            var ordinal = argument.Key.Parameter!.Ordinal;
            if (helper.Summary.ReachParameters.Contains(ordinal) && argument.Value.Range.IsConstant)
                constants[ordinal] = argument.Value.Range.Low;
        }
        return constants.ToImmutable();
    }

    /// <summary>Which parameters of a helper reach training unchanged, read by its callers.</summary>
    public static TrainingSummary Summarize(
        MethodTrainingFacts facts,
        string methodName,
        ImmutableArray<int> reachParameters,
        System.Func<ImmutableSortedDictionary<int, double>, CancellationToken, OptimizerReach?>? reachWithConstants)
    {
        var features = ImmutableDictionary.CreateBuilder<int, string>();
        var targets = ImmutableHashSet.CreateBuilder<int>();
        foreach (var forward in facts.Forwards)
        {
            if (facts.IsTrainingForward(forward) && !forward.ModuleNormalizesInput && forward.Value.ParameterOrdinal >= 0 && forward.Value.Scaling == ScalingKind.None)
                features[forward.Value.ParameterOrdinal] = forward.CallText + " in " + methodName;
        }
        foreach (var loss in facts.Losses)
        {
            if (loss.IsRegression && facts.IsTrainingLoss(loss) && loss.Value.ParameterOrdinal >= 0 && loss.Value.Scaling == ScalingKind.None)
                targets.Add(loss.Value.ParameterOrdinal);
        }
        return new TrainingSummary(features.ToImmutable(), targets.ToImmutable(), facts.AdaptiveReach(), reachParameters, reachWithConstants);
    }

    private static bool IsRawData(AbstractValue value)
        => value.Kind != ElementKind.Integer && value.Scaling == ScalingKind.None
           && value.Origin is ValueOrigin.Literal or ValueOrigin.Generated or ValueOrigin.RuntimeData;

    private static void ReportFeature(ImmutableArray<Diagnostic>.Builder diagnostics, IArgumentOperation argument, AbstractValue value, string callText, ScalingOptions options, ImmutableDictionary<string, string?>? fixProperties = null)
    {
        if (!IsRawData(value))
            return;
        var text = argument.Value.Syntax.ToString();
        if (value.Range.IsKnown)
        {
            string? reason = null;
            if (value.Range.Magnitude > options.FeatureMagnitudeThreshold)
                reason = value.UnscaledPart is { } part
                    ? part + " is not scaled like the other columns: its values up to about " + NumberText.Round(value.Range.Magnitude) + " make gradient steps overshoot or barely move its weights"
                    : "values up to about " + NumberText.Round(value.Range.Magnitude) + (value.Evidence is { } evidence ? " (" + evidence + ")" : "")
                      + " make gradient steps overshoot or barely move its weights";
            else if (ColumnSpread(value.Columns) is { } spread && spread.Ratio > options.ColumnScaleRatio)
                reason = "its columns differ in scale by about " + NumberText.Round(spread.Ratio) + "x (column " + spread.Smallest.ToString(CultureInfo.InvariantCulture) + " spans "
                         + value.Columns[spread.Smallest] + ", column " + spread.Largest.ToString(CultureInfo.InvariantCulture) + " spans " + value.Columns[spread.Largest] + ")";
            if (reason is not null)
                diagnostics.Add(Create(DiagnosticDescriptors.UnscaledFeature, argument, DiagnosticProperties.FeatureRole, value.DataSource, fixProperties, text, value.Range.ToString(), callText, reason));
        }
        else if (value.Origin == ValueOrigin.RuntimeData && !value.PartlyScaled)
        {
            diagnostics.Add(Create(DiagnosticDescriptors.UnboundedFeature, argument, DiagnosticProperties.FeatureRole, value.DataSource, fixProperties, text, value.SourceText ?? "run-time .NET data", callText));
        }
    }

    /// <summary>
    /// A raw target out of reach, and far from unit scale: one already near unit scale (randn, rand) is out of reach
    /// only because the run is short, which standardizing it would not change.
    /// </summary>
    private static void ReportTarget(ImmutableArray<Diagnostic>.Builder diagnostics, IArgumentOperation argument, AbstractValue value, OptimizerReach reach, ScalingOptions options, ImmutableDictionary<string, string?>? fixProperties = null)
    {
        if (!IsRawData(value) || !value.Range.IsKnown || value.Range.Magnitude <= TargetReachFactor * reach.Distance
            || value.Range.Magnitude <= options.FeatureMagnitudeThreshold)
            return;
        var steps = reach.StepCount is double s ? NumberText.Round(s) : "at most " + OptimizerReach.AssumedStepCount.ToString("0", CultureInfo.InvariantCulture);
        diagnostics.Add(Create(DiagnosticDescriptors.UnreachableTarget, argument, DiagnosticProperties.TargetRole, dataSource: null, fixProperties,
            argument.Value.Syntax.ToString(), NumberText.Round(value.Range.Magnitude), steps, NumberText.Round(reach.LearningRate), NumberText.Round(reach.Distance)));
    }

    /// <summary>
    /// The foreach that declares <paramref name="batch"/> and walks the pieces of one tensor (<c>x.split(32)</c>), when
    /// the body reads the batch only here: scaling x would change every use of the batch, so this must be the only one.
    /// </summary>
    private static IForEachLoopOperation? PiecesLoopOf(ILocalReferenceOperation batch)
    {
        for (var current = batch.Parent; current is not null; current = current.Parent)
        {
            if (current is not IForEachLoopOperation loop || !loop.Locals.Contains(batch.Local, SymbolEqualityComparer.Default))
                continue;
            var collection = loop.Collection;
            while (collection is IConversionOperation { OperatorMethod: null } conversion)
                collection = conversion.Operand;
            if (collection is not IInvocationOperation { Instance: not null } pieces || !Pieces.Contains(pieces.TargetMethod.Name))
                return null;
            var reads = 0;
            foreach (var operation in loop.Body.DescendantsAndSelf())
            {
                if (operation is ILocalReferenceOperation reference && SymbolEqualityComparer.Default.Equals(reference.Local, batch.Local))
                    reads++;
            }
            return reads == 1 ? loop : null;
        }
        return null;
    }

    private static IOperation RootOfSelection(IOperation value)
    {
        while (true)
        {
            switch (value)
            {
                case IConversionOperation { OperatorMethod: null } conversion:
                    value = conversion.Operand;
                    continue;
                case IPropertyReferenceOperation { Property.IsIndexer: true, Instance: { } indexed }:
                    value = indexed;
                    continue;
                case IInvocationOperation { Instance: { } receiver } invocation when ValueKeepingSelections.Contains(invocation.TargetMethod.Name) || Pieces.Contains(invocation.TargetMethod.Name):
                    value = receiver;
                    continue;
                default:
                    return value;
            }
        }
    }

    private static (double Ratio, int Smallest, int Largest)? ColumnSpread(ImmutableArray<Interval> columns)
    {
        if (columns.IsDefault || columns.Length < 2)
            return null;
        int smallest = -1, largest = -1;
        for (var i = 0; i < columns.Length; i++)
        {
            var magnitude = columns[i].Magnitude;
            // A constant-zero column has no scale to compare.
            if (!columns[i].IsKnown || magnitude == 0)
                continue;
            if (smallest < 0 || magnitude < columns[smallest].Magnitude)
                smallest = i;
            if (largest < 0 || magnitude > columns[largest].Magnitude)
                largest = i;
        }
        if (smallest < 0 || smallest == largest)
            return null;
        return (columns[largest].Magnitude / columns[smallest].Magnitude, smallest, largest);
    }

    private static Diagnostic Create(DiagnosticDescriptor descriptor, IArgumentOperation argument, string role, IOperation? dataSource, ImmutableDictionary<string, string?>? fixProperties, params object[] messageArguments)
    {
        var properties = ImmutableDictionary.CreateBuilder<string, string?>();
        properties[DiagnosticProperties.Role] = role;
        if (fixProperties is not null)
            properties.AddRange(fixProperties);
        var insertBefore = InsertionStatement(argument);
        if (insertBefore is not null)
        {
            properties[DiagnosticProperties.InsertBefore] = insertBefore.Syntax.SpanStart.ToString(CultureInfo.InvariantCulture);
            // A loader handed to a training helper holds batches, not a tensor to scale: its dataset's source is.
            var holdsData = dataSource is null || !IsDataLoader(argument.Value.Type);
            if (holdsData && VariableInScope(argument.Value, insertBefore) is { } variable)
                properties[DiagnosticProperties.Variable] = variable;
            else
                AddSourceFix(properties, argument, dataSource);
        }
        return Diagnostic.Create(descriptor, argument.Value.Syntax.GetLocation(), properties.ToImmutable(), messageArguments);
    }

    /// <summary>
    /// A batch from a DataLoader or a Dataset cannot be scaled where it is read (it is a new tensor every step), so the
    /// fix scales the tensor the dataset was made from, before the statement that hands it over, when that statement
    /// is in the same document and the tensor is a variable in scope there; else no fix is offered.
    /// </summary>
    private static void AddSourceFix(ImmutableDictionary<string, string?>.Builder properties, IArgumentOperation argument, IOperation? dataSource)
    {
        if (dataSource is null || dataSource.Syntax.SyntaxTree != argument.Syntax.SyntaxTree)
            return;
        IOperation? statement = null;
        for (var current = dataSource; current is not null; current = current.Parent)
        {
            if (current is IAnonymousFunctionOperation or ILocalFunctionOperation)
                return;
            if (current.Parent is IBlockOperation)
            {
                statement = current;
                break;
            }
        }
        if (statement is null || VariableInScope(dataSource, statement) is not { } variable)
            return;
        properties[DiagnosticProperties.InsertBefore] = statement.Syntax.SpanStart.ToString(CultureInfo.InvariantCulture);
        properties[DiagnosticProperties.Variable] = variable;
        properties[DiagnosticProperties.ScaleAt] = dataSource.Syntax.SpanStart.ToString(CultureInfo.InvariantCulture) + ":" + dataSource.Syntax.Span.Length.ToString(CultureInfo.InvariantCulture);
    }

    /// <summary>
    /// The outermost loop around the training step in its method, or the statement containing it. A closure handed to
    /// optimizer.step(closure) is part of the step: the loop is looked for around that call.
    /// </summary>
    internal static IOperation? InsertionStatement(IOperation operation)
    {
        IOperation? outermostLoop = null;
        IOperation? statement = null;
        for (var current = operation; current is not null; current = current.Parent)
        {
            if (current is IAnonymousFunctionOperation && IsStepClosure(current))
                continue;
            if (current is IAnonymousFunctionOperation or ILocalFunctionOperation)
                break;
            if (current is ILoopOperation)
                outermostLoop = current;
            if (statement is null && current.Parent is IBlockOperation)
                statement = current;
        }
        return outermostLoop ?? statement;
    }

    private static bool IsDataLoader(ITypeSymbol? type)
    {
        for (var current = type; current is not null; current = current.BaseType)
        {
            if (current.Name == "DataLoader" && current.ContainingNamespace?.ToDisplayString() == "TorchSharp.Modules")
                return true;
        }
        return false;
    }

    private static bool IsStepClosure(IOperation lambda)
        => lambda.Parent is IDelegateCreationOperation { Parent: IArgumentOperation { Parent: IInvocationOperation { TargetMethod.Name: "step" } } };

    /// <summary>Selections and views that keep a tensor's values: x[index], x.narrow(...), x.reshape(...), x.to(...).</summary>
    private static readonly HashSet<string> ValueKeepingSelections = new(System.StringComparer.Ordinal)
    {
        "narrow", "index_select", "slice", "select", "reshape", "view", "unsqueeze", "squeeze", "flatten",
        "to", "type", "to_type", "float", "double", "contiguous", "clone", "detach", "cpu", "cuda",
    };

    /// <summary>Methods that cut a tensor into pieces a foreach can walk over (its mini-batches).</summary>
    private static readonly HashSet<string> Pieces = new(System.StringComparer.Ordinal)
    {
        "split", "chunk", "tensor_split", "vsplit", "hsplit", "unbind",
    };

    /// <summary>
    /// The local, parameter or readonly field the argument reads its values from (x in x, x[index], x.narrow(0, s, n)), when scaling
    /// it before <paramref name="insertBefore"/> is valid: declared before that statement and not written inside it.
    /// </summary>
    private static string? VariableInScope(IOperation value, IOperation insertBefore)
    {
        value = RootOfSelection(value);
        ISymbol symbol;
        switch (value)
        {
            case IParameterReferenceOperation parameter:
                symbol = parameter.Parameter;
                break;
            // foreach (var batch in x.split(32)): x scaled before the loop, x.split(32) then reads the scaled copy.
            case ILocalReferenceOperation local when PiecesLoopOf(local) is { } piecesLoop:
                return insertBefore.Syntax.Span.Contains(piecesLoop.Syntax.Span) ? VariableInScope(piecesLoop.Collection, insertBefore) : null;
            case ILocalReferenceOperation local:
                symbol = local.Local;
                var declarations = local.Local.DeclaringSyntaxReferences;
                if (declarations.IsEmpty)
                    return null;
                var declared = declarations[0].Span;
                if (declared.Start >= insertBefore.Syntax.SpanStart)
                    return null;
                break;
            // A readonly field by its simple name (_x, X): read into a scaled local before the training statement.
            case IFieldReferenceOperation { Field.IsReadOnly: true, Instance: null or IInstanceReferenceOperation { IsImplicit: true } } field:
                symbol = field.Field;
                break;
            default:
                return null;
        }
        // Reassigned inside the loop: a value scaled before the loop would not be the value trained on.
        foreach (var descendant in insertBefore.Descendants())
        {
            var target = descendant switch
            {
                ISimpleAssignmentOperation assignment => assignment.Target,
                ICompoundAssignmentOperation compound => compound.Target,
                _ => null,
            };
            if (target is ILocalReferenceOperation l && SymbolEqualityComparer.Default.Equals(l.Local, symbol))
                return null;
            if (target is IParameterReferenceOperation p && SymbolEqualityComparer.Default.Equals(p.Parameter, symbol))
                return null;
        }
        return symbol.Name;
    }
}
