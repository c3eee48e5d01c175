using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace ScalingAnalyzer.Analysis.MLNet;

/// <summary>
/// Rows written out in the code and handed to <c>LoadFromEnumerable</c>: an array or collection initializer of
/// object creations whose initializers (or constructor arguments, <see cref="RowConstructors"/>) set properties or
/// fields to numeric constants (or to arrays of them, as a <c>[VectorType]</c> column). For each column that every row sets so, the largest magnitude. A data view of such
/// rows needs no normalizer for the columns that stay within the feature-magnitude threshold, the same threshold the
/// TorchSharp rules use.
/// </summary>
internal static class LiteralRows
{
    /// <summary>
    /// The largest magnitude per column name; null when the rows are not all literal object creations (read from a
    /// file, computed, passed in: the analysis cannot bound them).
    /// </summary>
    /// <remarks>An array, not a map: a map with double values is a generic instantiation of its own, which a fresh
    /// compiler process JIT-compiles (ReadyToRun code cannot hold it).</remarks>
    public static (string Column, double Magnitude)[]? MaxMagnitudes(IOperation? rows, KnownType columnNameAttribute)
    {
        var elements = rows switch
        {
            IArrayCreationOperation { Initializer: { } initializer } => initializer.ElementValues,
            IObjectCreationOperation { Initializer: { } initializer } => CollectionElements(initializer),
            _ => default,
        };
        if (elements.IsDefaultOrEmpty)
            return null;

        Dictionary<string, double>? columns = null;
        // Rows written out mostly share one constructor: what it sets is read once.
        IMethodSymbol? constructor = null;
        var constructorMembers = ImmutableArray<(int Ordinal, ISymbol Member)>.Empty;
        foreach (var element in elements)
        {
            if (MLNetOperationValues.Unwrap(element) is not IObjectCreationOperation creation
                || creation.Initializer is null && creation.Arguments.IsEmpty)
                return null;
            if (!creation.Arguments.IsEmpty && creation.Constructor is { } used && !SymbolEqualityComparer.Default.Equals(used, constructor))
            {
                constructor = used;
                constructorMembers = RowConstructors.MembersSet(used, default);
            }
            var rowColumns = RowMagnitudes(creation, creation.Arguments.IsEmpty ? ImmutableArray<(int, ISymbol)>.Empty : constructorMembers, columnNameAttribute);
            if (columns is null)
            {
                columns = rowColumns;
                continue;
            }
            // A column some row leaves out takes its default or its property initializer: not bounded here.
            foreach (var column in new List<string>(columns.Keys))
            {
                if (rowColumns.TryGetValue(column, out var magnitude))
                    columns[column] = Math.Max(columns[column], magnitude);
                else
                    columns.Remove(column);
            }
        }
        var result = new (string, double)[columns!.Count];
        var i = 0;
        foreach (var column in columns)
            result[i++] = (column.Key, column.Value);
        return result;
    }

    /// <summary>The elements of <c>new List&lt;T&gt; { a, b }</c>: one Add call per element.</summary>
    private static ImmutableArray<IOperation> CollectionElements(IObjectOrCollectionInitializerOperation initializer)
    {
        var elements = ImmutableArray.CreateBuilder<IOperation>(initializer.Initializers.Length);
        foreach (var add in initializer.Initializers)
        {
            if (add is not IInvocationOperation { Arguments.Length: 1 } invocation)
                return default;
            elements.Add(invocation.Arguments[0].Value);
        }
        return elements.MoveToImmutable();
    }

    private static Dictionary<string, double> RowMagnitudes(
        IObjectCreationOperation row, ImmutableArray<(int Ordinal, ISymbol Member)> constructorMembers, KnownType columnNameAttribute)
    {
        var magnitudes = new Dictionary<string, double>(StringComparer.Ordinal);
        // new House(1.1f, 1.2f): the members its constructor sets from those arguments (RowConstructors), then the initializer.
        if (!row.Arguments.IsEmpty)
        {
            foreach (var (ordinal, member) in constructorMembers)
            {
                foreach (var argument in row.Arguments)
                {
                    if (argument.Parameter?.Ordinal == ordinal && MagnitudeOf(argument.Value) is { } magnitude)
                        magnitudes[ColumnNameOf(member, columnNameAttribute)] = magnitude;
                }
            }
        }
        if (row.Initializer is null)
            return magnitudes;
        foreach (var initializer in row.Initializer.Initializers)
        {
            if (initializer is not ISimpleAssignmentOperation { Target: IMemberReferenceOperation { Member: var member } } assignment)
                continue;
            if (MagnitudeOf(assignment.Value) is { } magnitude)
                magnitudes[ColumnNameOf(member, columnNameAttribute)] = magnitude;
        }
        return magnitudes;
    }

    private static double? MagnitudeOf(IOperation value)
    {
        value = MLNetOperationValues.Unwrap(value);
        if (value.ConstantValue is { HasValue: true, Value: var constant })
            return NumericMagnitude(constant);
        if (value is not IArrayCreationOperation { Initializer: { } initializer } || initializer.ElementValues.IsEmpty)
            return null;
        var largest = 0.0;
        foreach (var element in initializer.ElementValues)
        {
            if (MLNetOperationValues.Unwrap(element).ConstantValue is not { HasValue: true, Value: var item } || NumericMagnitude(item) is not { } magnitude)
                return null;
            largest = Math.Max(largest, magnitude);
        }
        return largest;
    }

    /// <summary>The magnitude of a numeric constant; null for anything else, NaN included.</summary>
    private static double? NumericMagnitude(object? constant)
        => NumericConstant.ToDouble(constant) is { } number && !double.IsNaN(number) ? Math.Abs(number) : null;

    /// <summary>The ML.NET column a member becomes: its name, or the name its [ColumnName] attribute gives.</summary>
    public static string ColumnNameOf(ISymbol member, KnownType columnNameAttribute)
    {
        foreach (var attribute in member.GetAttributes())
        {
            if (columnNameAttribute.Matches(attribute.AttributeClass) && attribute.ConstructorArguments.Length == 1
                && attribute.ConstructorArguments[0].Value is string name)
                return name;
        }
        return member.Name;
    }
}
