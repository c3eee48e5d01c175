using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace ScalingAnalyzer.Analysis.Leakage;

/// <summary>Expressions: locals, arithmetic, element access, assignments and calls.</summary>
internal sealed partial class RowFlowInterpreter
{
    private LeakValue Evaluate(IOperation? operation)
    {
        if (operation is null)
            return LeakValue.None;
        Spend();
        switch (operation)
        {
            case ILiteralOperation:
                return LeakValue.None;
            case ILocalReferenceOperation local:
                return _environment.TryGetValue(local.Local, out var localValue) ? localValue : LeakValue.None;
            case IParameterReferenceOperation parameter:
                return ParameterValue(parameter);
            case IFieldReferenceOperation field:
                if (field.Instance is not null && field.Field.ContainingType.IsTupleType)
                {
                    var tupleValue = Evaluate(field.Instance);
                    var index = (field.Field.CorrespondingTupleField ?? field.Field).Name is var item && item.StartsWith("Item", StringComparison.Ordinal)
                        && int.TryParse(item.Substring(4), System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var position) ? position - 1 : -1;
                    return !tupleValue.Parts.IsDefault && index >= 0 && index < tupleValue.Parts.Length ? tupleValue.Parts[index] : tupleValue.WithParts(default).WithRows(null);
                }
                if (field.Instance is not null)
                    Evaluate(field.Instance);
                return FieldValue(field);
            case IParenthesizedOperation parenthesized:
                return Evaluate(parenthesized.Operand);
            case IConversionOperation conversion:
                return Evaluate(conversion.Operand);
            case IArgumentOperation argument:
                return Evaluate(argument.Value);
            case IBinaryOperation binary:
                return LeakValue.Combine(Evaluate(binary.LeftOperand), Evaluate(binary.RightOperand));
            case IUnaryOperation unary:
                return Evaluate(unary.Operand).WithParts(default);
            case ISimpleAssignmentOperation assignment:
                var assigned = Evaluate(assignment.Value);
                Assign(assignment.Target, assigned, assignment);
                return assigned;
            case ICompoundAssignmentOperation compound:
                return CompoundAssign(compound);
            case IIncrementOrDecrementOperation increment:
                Evaluate(increment.Target);
                return LeakValue.None;
            case IDeconstructionAssignmentOperation deconstruction:
                var tuple = Evaluate(deconstruction.Value);
                Deconstruct(deconstruction.Target, tuple);
                return tuple;
            case ITupleOperation tupleOperation:
                var elements = ImmutableArray.CreateBuilder<LeakValue>(tupleOperation.Elements.Length);
                foreach (var item in tupleOperation.Elements)
                    elements.Add(Evaluate(item));
                return LeakValue.None.WithParts(elements.MoveToImmutable());
            case IArrayCreationOperation arrayCreation:
                return ArrayCreation(arrayCreation);
            case IArrayElementReferenceOperation element:
                return ArrayElement(element);
            case IPropertyReferenceOperation property:
                return Property(property);
            case IInvocationOperation invocation:
                return Invoke(invocation);
            case IObjectCreationOperation creation:
                var carried = LeakValue.None;
                foreach (var argument in creation.Arguments)
                    carried = LeakValue.Combine(carried, Evaluate(argument.Value));
                if (creation.Initializer is not null)
                    Evaluate(creation.Initializer);
                return IsData(creation.Type) ? Source(creation, carried.WithRows(null)) : carried.WithRows(null);
            case IConditionalOperation ternary:
                Evaluate(ternary.Condition);
                return LeakValue.Join(Evaluate(ternary.WhenTrue), Evaluate(ternary.WhenFalse));
            case ICoalesceOperation coalesce:
                return LeakValue.Join(Evaluate(coalesce.Value), Evaluate(coalesce.WhenNull));
            case IAwaitOperation awaitOperation:
                return Evaluate(awaitOperation.Operation);
            case IAnonymousFunctionOperation:
            case IDelegateCreationOperation:
            case ILocalFunctionOperation:
                return LeakValue.None;
            default:
                var result = LeakValue.None;
                foreach (var child in operation.ChildOperations)
                {
                    if (child is not IAnonymousFunctionOperation)
                        result = LeakValue.Combine(result, Evaluate(child)).WithRows(null);
                }
                return result;
        }
    }

    private LeakValue ParameterValue(IParameterReferenceOperation reference)
    {
        var parameter = reference.Parameter;
        if (_environment.TryGetValue(parameter, out var value))
            return value;
        value = IsData(parameter.Type)
            ? LeakValue.OfRows(RowsFor(reference, "parameter:" + parameter.Ordinal.ToString(System.Globalization.CultureInfo.InvariantCulture), null, null, covers: false, parameter.ContainingSymbol is IMethodSymbol { MethodKind: not MethodKind.AnonymousFunction } ? parameter.Ordinal : -1))
            : LeakValue.None;
        if (value.Rows is not null)
            value.Rows.Name = parameter.Name;
        _environment[parameter] = value;
        return value;
    }

    /// <summary>Data in a field: the same rows every time this body reads it (until it writes it).</summary>
    private LeakValue FieldValue(IFieldReferenceOperation field)
    {
        if (_environment.TryGetValue(field.Field, out var value))
            return value;
        if (!IsData(field.Type) || field.Field.ContainingType.IsTupleType)
            return LeakValue.None;
        value = LeakValue.OfRows(RowsFor(field, "field", null, null, covers: false));
        value.Rows!.Name = field.Field.Name;
        _environment[field.Field] = value;
        return value;
    }

    private void Assign(IOperation target, LeakValue value, IOperation assignment)
    {
        switch (target)
        {
            case ILocalReferenceOperation local:
                Store(local.Local, value);
                break;
            case IParameterReferenceOperation parameter:
                Store(parameter.Parameter, value);
                break;
            case IFieldReferenceOperation field:
                if (field.Instance is not null)
                    Evaluate(field.Instance);
                Store(field.Field, value);
                break;
            case IDeclarationExpressionOperation declaration:
                Assign(declaration.Expression, value, assignment);
                break;
            case ITupleOperation:
                Deconstruct(target, value);
                break;
            case IArrayElementReferenceOperation element:
                foreach (var index in element.Indices)
                    Evaluate(index);
                CopyInto(element.ArrayReference, value);
                break;
            case IPropertyReferenceOperation { Property.IsIndexer: true, Instance: { } instance } indexer when IsDataCollection(instance.Type):
                foreach (var argument in indexer.Arguments)
                    Evaluate(argument.Value);
                CopyInto(instance, value);
                break;
            default:
                Evaluate(target);
                break;
        }
    }

    /// <summary>
    /// A value written into an element of an array or list (<c>train[i] = X[i]</c>, <c>Xs[i][j] = (X[i][j] - m) / s</c>,
    /// <c>trainRows.Add(X[i])</c>): the container receives rows of the value's rows and the statistics it carries.
    /// </summary>
    private void CopyInto(IOperation container, LeakValue value)
    {
        var root = Strip(container);
        while (root is IArrayElementReferenceOperation nested)
            root = Strip(nested.ArrayReference);
        ISymbol? symbol = root switch
        {
            ILocalReferenceOperation l => l.Local,
            IParameterReferenceOperation p => p.Parameter,
            IFieldReferenceOperation f => f.Field,
            _ => null,
        };
        if (symbol is null)
            return;
        var current = Evaluate(root);
        if (current.Rows is { } rows && value.Rows is { } source && !ReferenceEquals(rows.Canonical, source.Canonical))
        {
            rows.CopiedFrom ??= new List<RowSet>();
            if (!rows.CopiedFrom.Contains(source))
                rows.CopiedFrom.Add(source);
            if (!_copyTargets.Contains(rows))
                _copyTargets.Add(rows);
        }
        if (!value.Statistics.IsEmpty && !current.Statistics.IsSupersetOf(value.Statistics))
            _environment[symbol] = current.WithStatistics(current.Statistics.Union(value.Statistics));
    }

    private void Deconstruct(IOperation target, LeakValue value)
    {
        if (target is IDeclarationExpressionOperation declaration)
            target = declaration.Expression;
        if (target is not ITupleOperation tuple)
            return;
        for (var i = 0; i < tuple.Elements.Length; i++)
        {
            var element = !value.Parts.IsDefault && i < value.Parts.Length ? value.Parts[i] : LeakValue.None;
            Assign(tuple.Elements[i], element, target);
        }
    }

    /// <summary><c>sum += X[i][j]</c> over the rows of X: the accumulator is a statistic of those rows.</summary>
    private LeakValue CompoundAssign(ICompoundAssignmentOperation compound)
    {
        var current = Evaluate(compound.Target);
        var added = Evaluate(compound.Value);
        if (compound.Target is ILocalReferenceOperation local && IsNumeric(local.Type) && added.Rows is { } rows
            && compound.OperatorKind is BinaryOperatorKind.Add or BinaryOperatorKind.Subtract)
        {
            var site = Statistic(compound, rows, dataOperand: null, local.Local.Name + " (accumulated over " + (rows.Name ?? "the rows") + ")");
            var statistic = new LeakValue(null, current.Statistics.Union(added.Statistics).Add(site), current.ModelCalls.Union(added.ModelCalls), default);
            Store(local.Local, statistic);
            return statistic;
        }
        // sums[j] += X[i][j]: an array of per-column accumulators over the rows of X.
        if (compound.Target is IArrayElementReferenceOperation element && added.Rows is { } addedRows
            && compound.OperatorKind is BinaryOperatorKind.Add or BinaryOperatorKind.Subtract
            && Strip(element.ArrayReference) is ILocalReferenceOperation accumulator && IsNumeric((accumulator.Type as IArrayTypeSymbol)?.ElementType)
            && AccumulatesAcrossRows(element, compound.Value))
        {
            foreach (var index in element.Indices)
                Evaluate(index);
            var accumulated = _environment.TryGetValue(accumulator.Local, out var array) ? array : LeakValue.None;
            var site = Statistic(compound, addedRows, dataOperand: null, accumulator.Local.Name + " (accumulated over " + (addedRows.Name ?? "the rows") + ")");
            _environment[accumulator.Local] = accumulated.WithStatistics(accumulated.Statistics.Union(added.Statistics).Add(site));
            return LeakValue.None.WithStatistics(ImmutableHashSet.Create(site));
        }
        var combined = LeakValue.Combine(current, added);
        Assign(compound.Target, combined, compound);
        return combined;
    }

    /// <summary>
    /// <c>sums[j] += X[i, j]</c>: the value is indexed by a local (the row) the accumulator is not, so it sums over
    /// rows. <c>X[i, j] -= means[j]</c> is not an accumulation: the target is indexed by every local the value is.
    /// </summary>
    private static bool AccumulatesAcrossRows(IArrayElementReferenceOperation target, IOperation value)
    {
        var targetLocals = new HashSet<ISymbol>(SymbolEqualityComparer.Default);
        foreach (var index in target.Indices)
        {
            foreach (var operation in index.DescendantsAndSelf())
            {
                if (operation is ILocalReferenceOperation local)
                    targetLocals.Add(local.Local);
            }
        }
        foreach (var operation in value.DescendantsAndSelf())
        {
            if (operation is not IArrayElementReferenceOperation element)
                continue;
            foreach (var index in element.Indices)
            {
                foreach (var part in index.DescendantsAndSelf())
                {
                    if (part is ILocalReferenceOperation local && !targetLocals.Contains(local.Local))
                        return true;
                }
            }
        }
        return false;
    }

    private StatisticSite Statistic(IOperation operation, RowSet rows, IOperation? dataOperand, string description)
    {
        if (!_statistics.TryGetValue(operation, out var site))
        {
            site = new StatisticSite(operation, rows, dataOperand, description);
            _statistics.Add(operation, site);
        }
        return site;
    }

    private LeakValue ArrayCreation(IArrayCreationOperation creation)
    {
        foreach (var size in creation.DimensionSizes)
            Evaluate(size);
        if (creation.Initializer is null)
            return Source(creation, LeakValue.None);
        var parts = ImmutableArray.CreateBuilder<LeakValue>(creation.Initializer.ElementValues.Length);
        var statistics = ImmutableHashSet<StatisticSite>.Empty;
        RowSet? elementRows = null;
        foreach (var element in creation.Initializer.ElementValues)
        {
            var value = Evaluate(element);
            parts.Add(value);
            statistics = statistics.Union(value.Statistics);
            elementRows ??= value.Rows;
        }
        // Literal rows written in the code are their own rows; cells of a row (new[] { r[0] / max, r[1] }) are that
        // row; an array of tensors keeps its elements for cat/stack.
        return new LeakValue(elementRows ?? RowsFor(creation, "source", null, null, covers: false), statistics, ImmutableHashSet<IOperation>.Empty, parts.MoveToImmutable());
    }

    private LeakValue ArrayElement(IArrayElementReferenceOperation element)
    {
        var array = Evaluate(element.ArrayReference);
        foreach (var indexOperation in element.Indices)
            Evaluate(indexOperation);
        // X[..n] on an array (a Range index): a part of its rows; X[i]: a row of X, the same rows for what is copied.
        if (element.Indices.Length == 1 && element.Indices[0].Type is { Name: "Range" } && !IsFullRange(element.Indices[0]) && !IsRowElement(element.ArrayReference))
            return Part(element, array, element.ArrayReference);
        if (!array.Parts.IsDefault && element.Indices.Length == 1 && element.Indices[0].ConstantValue is { HasValue: true, Value: int index }
            && index >= 0 && index < array.Parts.Length)
            return array.Parts[index];
        return array.WithParts(default);
    }

    /// <summary>A row of a data array (<c>X[i]</c>, a lambda's or foreach's row): indexing it picks columns, not rows.</summary>
    private bool IsRowElement(IOperation array)
    {
        var stripped = Strip(array);
        return stripped is IArrayElementReferenceOperation
               || stripped is ILocalReferenceOperation local && _elementSymbols.Contains(local.Local)
               || stripped is IParameterReferenceOperation parameter && _elementSymbols.Contains(parameter.Parameter);
    }

    private static bool IsFullRange(IOperation index)
        => Strip(index) is IRangeOperation { LeftOperand: null, RightOperand: null };

    private LeakValue Property(IPropertyReferenceOperation property)
    {
        var instance = property.Instance is null ? LeakValue.None : Evaluate(property.Instance);
        var arguments = new List<LeakValue>();
        foreach (var argument in property.Arguments)
            arguments.Add(Evaluate(argument.Value));
        if (!property.Property.IsIndexer)
            return _symbols.IsTensor(property.Instance?.Type) && property.Property.Name is "T" or "mT" or "H" or "mH"
                ? instance.WithRows(null).WithParts(default)
                : LeakValue.None.WithStatistics(instance.Statistics);
        if (_symbols.IsTensor(property.Instance?.Type))
            return TensorIndex(property, instance, property.Arguments.Length > 0 ? property.Arguments[0].Value : null);
        // list[i]: a row of the list; list[a..b] does not bind here (lists have no range indexer). batch[0] or
        // batch["data"] of a loader's batch: the batch's tensors.
        return IsDataCollection(property.Instance?.Type) || _symbols.IsTensor(property.Type) && instance.Rows is not null
            ? instance.WithParts(default)
            : LeakValue.None.WithStatistics(instance.Statistics);
    }

    /// <summary>
    /// x[first, ...] or x.index(first, ...): a part of x's rows when the first index takes some rows (a slice, a range
    /// with a bound, an index tensor, a row number); the same rows when it takes all of them (<c>..</c>, <c>Colon</c>).
    /// </summary>
    private LeakValue TensorIndex(IOperation operation, LeakValue tensor, IOperation? firstArgument)
    {
        if (firstArgument is null)
            return tensor.WithParts(default);
        var first = Strip(firstArgument);
        if (first is IArrayCreationOperation { Initializer.ElementValues: { Length: > 0 } elements })
            first = elements[0];
        return TakesSomeRows(first) switch
        {
            true => Part(operation, tensor, operation switch
            {
                IPropertyReferenceOperation p => p.Instance,
                IInvocationOperation i => i.Instance,
                _ => null,
            }),
            false => tensor.WithParts(default),
            null => tensor.WithRows(null).WithParts(default),
        };
    }

    /// <summary>True: an index that takes some rows; false: all rows; null: unknown.</summary>
    private bool? TakesSomeRows(IOperation index)
    {
        var unconverted = index;
        while (unconverted is IConversionOperation or IParenthesizedOperation)
            unconverted = Strip(unconverted);
        switch (unconverted)
        {
            case IRangeOperation range:
                return range.LeftOperand is not null || range.RightOperand is not null;
            case IFieldReferenceOperation { Field.Name: "Colon" or "Ellipsis" }:
            case IPropertyReferenceOperation { Property.Name: "Colon" or "Ellipsis" }:
                return false;
            case IInvocationOperation { TargetMethod.Name: "Slice" } slice:
                foreach (var argument in slice.Arguments)
                {
                    if (argument.ArgumentKind != ArgumentKind.DefaultValue && Strip(argument.Value) is not ILiteralOperation { ConstantValue.Value: null })
                        return true;
                }
                return false;
            case IInvocationOperation { TargetMethod.Name: "Colon" or "Ellipsis" }:
                return false;
            case ITupleOperation:
                return true;
            default:
                if (_symbols.IsTensor(unconverted.Type) || RowFlowInterpreter.IsNumeric(unconverted.Type))
                    return true;
                return null;
        }
    }
}
