using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace ScalingAnalyzer.Analysis.MLNet;

/// <summary>
/// Column names taken from a view's schema at run time, the way the ML.NET samples (CreditCardFraudDetection) and
/// tutorials (feature importance) pick every column but the label:
/// <c>data.Schema.Select(column =&gt; column.Name).Where(name =&gt; name != "Label" &amp;&amp; name != "OceanProximity").ToArray()</c>
/// (also through <c>AsQueryable()</c>, and with the filter on <c>column.Name</c> before the <c>Select</c>). The schema of
/// a view loaded by <c>LoadFromTextFile&lt;T&gt;</c> (or split, shuffled, taken from it: row operations keep the
/// columns) is T's <c>[LoadColumn]</c> members, so the names are known at compile time; anything else (another view, another filter, a row type with members the loader would not read) is
/// unknown.
/// </summary>
internal static class SchemaColumnNames
{
    private const int MaxDepth = 12;

    public static ImmutableArray<string> Read(IOperation value, MLNetOperationValues values, MLNetKnownSymbols symbols)
    {
        var excluded = new HashSet<string>(System.StringComparer.Ordinal);
        var current = Resolve(value, values);
        var selected = false;
        for (var depth = 0; depth < MaxDepth && current is not null; depth++)
        {
            if (current is IPropertyReferenceOperation { Property.Name: "Schema", Instance: { } view } schema
                && schema.Property.ContainingType?.Name == "IDataView")
                return selected ? Names(view, values, symbols, excluded) : default;
            if (current is not IInvocationOperation { Arguments.Length: >= 1 } call || !IsLinq(call.TargetMethod))
                return default;
            var source = call.Arguments[0].Value;
            switch (call.TargetMethod.Name)
            {
                case "ToArray" or "ToList" or "AsEnumerable" or "AsQueryable" when call.Arguments.Length == 1:
                    break;
                case "Where" when call.Arguments.Length == 2 && MLNetOperationValues.LambdaOf(call.Arguments[1].Value) is { } predicate:
                    // Walking from the outermost call in: a Where met before the Select filters names, one met after it
                    // filters the schema's columns by their Name.
                    if (!ReadExclusions(predicate, comparesNames: !selected, excluded))
                        return default;
                    break;
                case "Select" when !selected && call.Arguments.Length == 2 && MLNetOperationValues.LambdaOf(call.Arguments[1].Value) is { } selector
                                   && IsColumnName(SingleResult(selector), selector):
                    selected = true;
                    break;
                default:
                    return default;
            }
            current = Resolve(source, values);
        }
        return default;
    }

    private static IOperation? Resolve(IOperation value, MLNetOperationValues values)
    {
        var current = MLNetOperationValues.Unwrap(value);
        for (var depth = 0; current is ILocalReferenceOperation local && depth < MaxDepth; depth++)
            current = values.ValueAt(local) is { } held ? MLNetOperationValues.Unwrap(held) : null;
        return current is ILocalReferenceOperation ? null : current;
    }

    /// <summary>The schema's names, less the excluded ones, of a view <c>LoadFromTextFile&lt;T&gt;</c> loads.</summary>
    private static ImmutableArray<string> Names(IOperation view, MLNetOperationValues values, MLNetKnownSymbols symbols, HashSet<string> excluded)
    {
        if (LoadedView(view, values, symbols) is not IInvocationOperation { TargetMethod: { IsGenericMethod: true, TypeArguments.Length: 1 } loader }
            || loader.Name != "LoadFromTextFile" || !symbols.IsRawDataSource(loader, out _))
            return default;
        var rowType = loader.TypeArguments[0];
        var columns = TextLoaderColumns.ColumnsOfRowType(rowType, symbols);
        if (columns.IsDefaultOrEmpty || columns.Length != InstanceDataMembers(rowType))
            return default;
        var builder = ImmutableArray.CreateBuilder<string>(columns.Length);
        foreach (var column in columns)
        {
            if (!excluded.Contains(column.Name))
                builder.Add(column.Name);
        }
        return builder.ToImmutable();
    }

    /// <summary>
    /// The view whose schema <paramref name="view"/> has: through the row operations, which keep the columns
    /// (<c>split.TrainSet</c> and <c>split.TestSet</c> of a <c>TrainTestSplit</c>, <c>ShuffleRows</c>, <c>TakeRows</c>, ...).
    /// </summary>
    private static IOperation? LoadedView(IOperation view, MLNetOperationValues values, MLNetKnownSymbols symbols)
    {
        var current = Resolve(view, values);
        for (var depth = 0; depth < MaxDepth && current is not null; depth++)
        {
            switch (current)
            {
                case IMemberReferenceOperation { Member.Name: "TrainSet" or "TestSet", Instance: { } split } when symbols.TrainTestData.Matches(split.Type):
                    current = Resolve(split, values);
                    continue;
                case IInvocationOperation rows when symbols.IsRowOperation(rows.TargetMethod)
                                                   && EstimatorChainEvaluator.ArgumentFor(rows, symbols.FindDataViewParameter(rows.TargetMethod)) is { } source:
                    current = Resolve(source, values);
                    continue;
            }
            return current;
        }
        return null;
    }

    /// <summary>The instance fields and properties of the row type and its bases: every one must be a loaded column.</summary>
    private static int InstanceDataMembers(ITypeSymbol rowType)
    {
        var count = 0;
        for (var type = rowType; type is not null && type.SpecialType != SpecialType.System_Object; type = type.BaseType)
        {
            foreach (var member in type.GetMembers())
            {
                if (member is IFieldSymbol { IsStatic: false, IsImplicitlyDeclared: false } or IPropertySymbol { IsStatic: false, IsIndexer: false })
                    count++;
            }
        }
        return count;
    }

    /// <summary>
    /// <c>name =&gt; name != "Label" &amp;&amp; name != "Time"</c> (or, on columns, <c>column =&gt; column.Name != "Label"</c>):
    /// the names it leaves out; false for any other predicate.
    /// </summary>
    private static bool ReadExclusions(IAnonymousFunctionOperation predicate, bool comparesNames, HashSet<string> excluded)
    {
        if (SingleResult(predicate) is not { } body)
            return false;
        var pending = new Stack<IOperation>();
        pending.Push(body);
        while (pending.Count > 0)
        {
            var condition = MLNetOperationValues.Unwrap(pending.Pop());
            if (condition is IBinaryOperation { OperatorKind: BinaryOperatorKind.ConditionalAnd } and)
            {
                pending.Push(and.LeftOperand);
                pending.Push(and.RightOperand);
                continue;
            }
            if (condition is not IBinaryOperation { OperatorKind: BinaryOperatorKind.NotEquals } notEquals)
                return false;
            var (subject, text) = MLNetOperationValues.ConstantString(notEquals.RightOperand) is { } right
                ? (notEquals.LeftOperand, right)
                : (notEquals.RightOperand, MLNetOperationValues.ConstantString(notEquals.LeftOperand));
            if (text is null || !(comparesNames ? IsParameter(subject, predicate) : IsColumnName(subject, predicate)))
                return false;
            excluded.Add(text);
        }
        return true;
    }

    private static bool IsParameter(IOperation operation, IAnonymousFunctionOperation lambda)
        => MLNetOperationValues.Unwrap(operation) is IParameterReferenceOperation parameter
           && lambda.Symbol.Parameters.Length == 1 && SymbolEqualityComparer.Default.Equals(parameter.Parameter, lambda.Symbol.Parameters[0]);

    /// <summary><c>column.Name</c> of the lambda's column parameter (a <c>DataViewSchema.Column</c>).</summary>
    private static bool IsColumnName(IOperation? operation, IAnonymousFunctionOperation lambda)
    {
        var instance = operation is null ? null : MLNetOperationValues.Unwrap(operation) switch
        {
            IFieldReferenceOperation { Field.Name: "Name" } field => field.Instance,
            IPropertyReferenceOperation { Property.Name: "Name" } property => property.Instance,
            _ => null,
        };
        return instance is not null && IsParameter(instance, lambda);
    }

    private static IOperation? SingleResult(IAnonymousFunctionOperation lambda)
    {
        IOperation? result = null;
        foreach (var operation in MethodBody.Descendants(lambda.Body))
        {
            if (operation is IReturnOperation { ReturnedValue: { } value })
            {
                if (result is not null)
                    return null;
                result = value;
            }
        }
        return result;
    }

    private static bool IsLinq(IMethodSymbol method)
        => method.ContainingType is { Name: "Enumerable" or "Queryable", ContainingNamespace: { Name: "Linq", ContainingNamespace: { Name: "System", ContainingNamespace.IsGlobalNamespace: true } } };
}
