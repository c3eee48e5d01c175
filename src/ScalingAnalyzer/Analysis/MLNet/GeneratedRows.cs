using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace ScalingAnalyzer.Analysis.MLNet;

/// <summary>
/// Rows generated in code for <c>LoadFromEnumerable</c>, the ML.NET samples' <c>GenerateRandomDataPoints</c> idiom:
/// a method of the project that <c>yield return</c>s row objects (or adds them to a list it returns, or selects them
/// from <c>Enumerable.Range</c>), whose members are set from <c>Random.NextDouble()</c>/<c>Next(a, b)</c>, constants,
/// arithmetic, conditionals, local functions such as <c>float randomFloat() => (float)random.NextDouble();</c> and
/// <c>Enumerable.Repeat(label, 50).Select(x => x + randomFloat()).ToArray()</c>. For each column every row sets, the
/// bounds of what the generator assigns; a column some row source cannot bound is left out.
/// </summary>
internal sealed class GeneratedRows
{
    private const int MaxDepth = 24;

    private readonly MLNetProgram program;
    private readonly KnownType columnNameAttribute;
    private readonly CancellationToken cancellationToken;
    private readonly Dictionary<IOperation, HashSet<ILocalSymbol>> rewrittenLocals = new();

    /// <summary>
    /// The sequence each row lambda's parameter (or a <c>foreach</c> loop's variable) ranges over, for statistics taken
    /// over that same sequence.
    /// </summary>
    private readonly Dictionary<ISymbol, IOperation> elementOf = new(SymbolEqualityComparer.Default);

    /// <summary>The index of a <c>for</c> loop over rows, and the rows it indexes (<c>rows[i]</c> stands for the loop's row).</summary>
    private readonly Dictionary<ILocalSymbol, ILocalSymbol> indexedRows = new(SymbolEqualityComparer.Default);

    /// <summary>
    /// What a standardized column is taken to span: unit variance puts the bulk of any column within a few units of 0
    /// (the range TorchSharp's transfer functions give <c>randn</c>), far inside the feature-magnitude threshold.
    /// </summary>
    private static readonly Interval StandardizedRange = Interval.Of(-4, 4);

    /// <summary>The bounds of a member of the rows a query selects from, when they are known (<see cref="ReadQuery"/>).</summary>
    private Func<ISymbol, Interval?>? sourceMemberBounds;

    private GeneratedRows(MLNetProgram program, KnownType columnNameAttribute, CancellationToken cancellationToken)
    {
        this.program = program;
        this.columnNameAttribute = columnNameAttribute;
        this.cancellationToken = cancellationToken;
    }

    /// <summary>The generator's name and the bounds per column; null when <paramref name="rows"/> is not a generator this reads.</summary>
    /// <remarks>An array of columns, not a map: a map with <see cref="Interval"/> values is a generic instantiation of
    /// its own, which a fresh compiler process JIT-compiles (ReadyToRun code cannot hold it).</remarks>
    public static (string Generator, (string Column, Interval Bounds)[] Columns)? Read(
        IOperation rows, MLNetProgram program, KnownType columnNameAttribute, CancellationToken cancellationToken)
    {
        var reader = new GeneratedRows(program, columnNameAttribute, cancellationToken);
        var generator = reader.GeneratorCall(rows, 0);
        if (generator is null || program.BodyOf(generator.TargetMethod, cancellationToken, generator.SemanticModel) is not { } body)
            return null;
        var elements = reader.RowElements(body);
        return elements.IsDefaultOrEmpty ? null : reader.Columns(generator.TargetMethod.Name, elements, body);
    }

    /// <summary>
    /// Rows a method adds to a list of its own before it hands the list to <c>LoadFromEnumerable</c>
    /// (<c>var rows = new List&lt;House&gt;(); for (...) rows.Add(new House { ... }); ml.Data.LoadFromEnumerable(rows)</c>),
    /// read like a generator's; null when the list is written, filled or handed anywhere else, or added to in a lambda.
    /// </summary>
    public static (string Generator, (string Column, Interval Bounds)[] Columns)? ReadLocalList(
        ILocalReferenceOperation list, MLNetProgram program, KnownType columnNameAttribute, CancellationToken cancellationToken)
    {
        var root = MLNetOperationValues.RootOf(list);
        var body = new MethodBody(root, new MLNetOperationValues(root));
        var reader = new GeneratedRows(program, columnNameAttribute, cancellationToken);
        var elements = LocalListAdds(list.Local, body);
        if (elements.IsDefaultOrEmpty)
            return null;
        var name = list.Local.ContainingSymbol is IMethodSymbol { MethodKind: MethodKind.Ordinary or MethodKind.LocalFunction } method && !method.Name.StartsWith("<", StringComparison.Ordinal)
            ? method.Name
            : "the program";
        return reader.Columns(name, elements, body);
    }

    /// <summary>
    /// Rows a method selects from another sequence of its own before <c>LoadFromEnumerable</c>, scaled in .NET with
    /// statistics of that sequence: <c>var maxSize = raw.Max(h =&gt; h.Size); var rows = raw.Select(h =&gt; new House { Size =
    /// h.Size / maxSize }).ToList();</c> (and min-max, <c>(h.Size - min) / (max - min)</c>); null when the query is not a
    /// <c>Select</c> of row objects.
    /// </summary>
    /// <remarks>
    /// <c>sourceMembers</c> tells what is known of the members of the sequence's rows, given the sequence (rows the code
    /// parsed from a data file of the project: <c>Rooms = r.Rooms</c> copies the file's range of that column); it
    /// returns null when nothing is.
    /// </remarks>
    public static (string Generator, (string Column, Interval Bounds)[] Columns)? ReadQuery(
        IInvocationOperation query, MLNetProgram program, KnownType columnNameAttribute, CancellationToken cancellationToken,
        Func<IOperation, Func<ISymbol, Interval?>?>? sourceMembers = null)
    {
        var current = query;
        for (var depth = 0; current.TargetMethod.Name is "ToList" or "ToArray" or "AsEnumerable" && current.Arguments.Length == 1 && depth < 4; depth++)
        {
            if (MLNetOperationValues.Unwrap(current.Arguments[0].Value) is not IInvocationOperation inner)
                return null;
            current = inner;
        }
        if (!IsEnumerable(current.TargetMethod) || current.TargetMethod.Name != "Select" || current.Arguments.Length != 2
            || MLNetOperationValues.LambdaOf(current.Arguments[1].Value) is not { } lambda || lambda.Symbol.Parameters.Length != 1)
            return null;
        var root = MLNetOperationValues.RootOf(query);
        var body = new MethodBody(root, new MLNetOperationValues(root));
        var reader = new GeneratedRows(program, columnNameAttribute, cancellationToken);
        var parameter = lambda.Symbol.Parameters[0];
        reader.elementOf[parameter] = current.Arguments[0].Value;
        reader.sourceMemberBounds = sourceMembers?.Invoke(current.Arguments[0].Value);
        var parameters = new IntervalMap<IParameterSymbol>(SymbolEqualityComparer.Default);
        parameters[parameter] = Interval.Unknown;
        var builder = ImmutableArray.CreateBuilder<(IOperation, IntervalMap<IParameterSymbol>?)>();
        foreach (var result in LambdaResults(lambda))
            builder.Add((result, parameters));
        if (builder.Count == 0)
            return null;
        var name = query.SemanticModel?.GetEnclosingSymbol(query.Syntax.SpanStart, cancellationToken) is IMethodSymbol { MethodKind: MethodKind.Ordinary or MethodKind.LocalFunction } method
                   && !method.Name.StartsWith("<", StringComparison.Ordinal)
            ? method.Name
            : "the program";
        return reader.Columns(name, builder.ToImmutable(), body);
    }

    /// <summary>How a loop over the rows leaves a column: scaled (to bounds), only shifted (<c>r.Size -= mean</c>), or unknown.</summary>
    internal enum InPlaceWrite
    {
        Scaled,
        Shifted,
        Unknown,
    }

    /// <summary>A member a loop over the rows writes: how, and to what bounds when it scales it (a class: see <see cref="IntervalMap{TKey}"/>).</summary>
    internal sealed class ColumnWrite
    {
        public ColumnWrite(string column, InPlaceWrite write, Interval bounds)
        {
            Column = column;
            Write = write;
            Bounds = bounds;
        }

        public string Column { get; }

        public InPlaceWrite Write { get; }

        public Interval Bounds { get; }

        public void Deconstruct(out string column, out InPlaceWrite write, out Interval bounds)
        {
            column = Column;
            write = Write;
            bounds = Bounds;
        }
    }

    /// <summary>
    /// Rows a method scales in place before it hands them to <c>LoadFromEnumerable</c>, the way .NET code standardizes
    /// a list of its own: <c>var mean = rows.Average(r =&gt; r.Size); var std = Math.Sqrt(rows.Average(r =&gt;
    /// Math.Pow(r.Size - mean, 2))); foreach (var r in rows) r.Size = (r.Size - mean) / std;</c> (also min-max with
    /// the rows' own <c>Min</c>/<c>Max</c>, or a division by their own <c>Max</c>). Each member a <c>foreach</c> over
    /// <paramref name="rows"/> before <paramref name="load"/> writes: scaled with its bounds, shifted by something
    /// (<c>r.Size - mean</c>: its spread unchanged), or unknown (any other write, or the row handed to a method). Empty
    /// when no loop writes the rows.
    /// </summary>
    public static ImmutableArray<ColumnWrite> InPlaceScaling(
        ILocalReferenceOperation rows, IInvocationOperation load, MLNetOperationValues values, KnownType columnNameAttribute, CancellationToken cancellationToken)
    {
        ImmutableArray<ColumnWrite>.Builder? builder = null;
        GeneratedRows? reader = null;
        MethodBody? body = null;
        HashSet<IOperation>? seenLoops = null;
        foreach (var read in values.ReadsOf(rows.Local))
        {
            if (RowLoopOf(read, rows.Local, load, values.Root) is not var (loop, item, everyRow))
                continue;
            if (!(seenLoops ??= new HashSet<IOperation>()).Add(loop))
                continue;
            reader ??= new GeneratedRows(null!, columnNameAttribute, cancellationToken);
            body ??= new MethodBody(values.Root, values);
            reader.elementOf[item] = read;
            if (loop is IForLoopOperation)
                reader.indexedRows[item] = rows.Local;
            foreach (var operation in LoopBody(loop).DescendantsAndSelf())
            {
                switch (operation)
                {
                    case IAssignmentOperation { Target: IMemberReferenceOperation { Instance: { } owner, Member: var member } } assignment
                        when reader.IsRowOf(owner, item):
                        // A loop that may skip rows leaves the member unknown: the rows it skips keep their values.
                        var bounds = Interval.Unknown;
                        var write = everyRow ? reader.WriteOf(assignment, item, member, body, out bounds) : InPlaceWrite.Unknown;
                        (builder ??= ImmutableArray.CreateBuilder<ColumnWrite>()).Add(
                            new ColumnWrite(LiteralRows.ColumnNameOf(member, columnNameAttribute), write, bounds));
                        break;
                    case IAssignmentOperation { Target: IArrayElementReferenceOperation { ArrayReference: IMemberReferenceOperation { Instance: { } arrayOwner, Member: var arrayMember } } }
                        when reader.IsRowOf(arrayOwner, item):
                        // r.Pixels[j] /= 255f: a vector column written element by element is not read here.
                        (builder ??= ImmutableArray.CreateBuilder<ColumnWrite>()).Add(
                            new ColumnWrite(LiteralRows.ColumnNameOf(arrayMember, columnNameAttribute), InPlaceWrite.Unknown, Interval.Unknown));
                        break;
                    case IArgumentOperation { Value: var passed } when reader.IsRowOf(passed, item):
                    case IInvocationOperation { Instance: { } receiver } when reader.IsRowOf(receiver, item):
                        // Scale(row), row.Normalize(): whatever the method writes is not in view; every member is unknown.
                        return EveryMemberUnknown(RowType(loop, item), columnNameAttribute);
                }
            }
        }
        return builder?.ToImmutable() ?? ImmutableArray<ColumnWrite>.Empty;
    }

    /// <summary>
    /// The loop before <paramref name="load"/> that <paramref name="read"/> of the rows walks, and its row: a
    /// <c>foreach (var r in rows)</c> (its variable), or a <c>for</c> loop that reads <c>rows[i]</c> (its index
    /// <c>i</c>), which covers every row when it counts <c>i</c> from 0 up to <c>rows.Count</c> (or <c>Length</c>) by
    /// one. Null for any other read.
    /// </summary>
    private static (IOperation Loop, ILocalSymbol Item, bool EveryRow)? RowLoopOf(IOperation read, ILocalSymbol rows, IInvocationOperation load, IOperation root)
    {
        var (collection, consumer) = MLNetOperationValues.ConsumerOf(read);
        if (consumer is IForEachLoopOperation { LoopControlVariable: IVariableDeclaratorOperation item } forEach && forEach.Collection == collection)
            return forEach.Syntax.Span.End > load.Syntax.SpanStart || InLambda(forEach, root) ? null : (forEach, item.Symbol, true);
        if (IndexOfRow(read.Parent, read) is not { } index)
            return null;
        for (var current = read.Parent; current is not null && current != root; current = current.Parent)
        {
            if (current is IAnonymousFunctionOperation or ILocalFunctionOperation)
                return null;
            if (current is IForLoopOperation loop && ContainsLocal(loop.Locals, index))
                return loop.Syntax.Span.End > load.Syntax.SpanStart ? null : (loop, index, CountsEveryRow(loop, index, rows));
        }
        return null;
    }

    /// <summary>The index local of <c>rows[i]</c> when <paramref name="element"/> is that element access of <paramref name="collection"/>.</summary>
    private static ILocalSymbol? IndexOfRow(IOperation? element, IOperation collection)
        => element switch
        {
            IPropertyReferenceOperation { Property.IsIndexer: true, Arguments.Length: 1 } indexer when indexer.Instance == collection
                => MLNetOperationValues.Unwrap(indexer.Arguments[0].Value) is ILocalReferenceOperation index ? index.Local : null,
            IArrayElementReferenceOperation { Indices.Length: 1 } array when array.ArrayReference == collection
                => MLNetOperationValues.Unwrap(array.Indices[0]) is ILocalReferenceOperation index ? index.Local : null,
            _ => null,
        };

    /// <summary><c>for (int i = 0; i &lt; rows.Count; i++)</c> (or <c>rows.Length</c>, <c>++i</c>, <c>i += 1</c>), and the body does not write <c>i</c>.</summary>
    private static bool CountsEveryRow(IForLoopOperation loop, ILocalSymbol index, ILocalSymbol rows)
    {
        if (loop.Before.Length != 1 || loop.AtLoopBottom.Length != 1
            || loop.Before[0] is not IVariableDeclarationGroupOperation { Declarations.Length: 1 } group
            || group.Declarations[0].Declarators.Length != 1
            || group.Declarations[0].Declarators[0] is not { Initializer.Value: var start } declarator
            || !SymbolEqualityComparer.Default.Equals(declarator.Symbol, index) || start.ConstantValue is not { HasValue: true, Value: 0 })
            return false;
        if (loop.Condition is null || MLNetOperationValues.Unwrap(loop.Condition) is not IBinaryOperation { OperatorKind: BinaryOperatorKind.LessThan } condition
            || MLNetOperationValues.Unwrap(condition.LeftOperand) is not ILocalReferenceOperation compared || !SymbolEqualityComparer.Default.Equals(compared.Local, index)
            || MLNetOperationValues.Unwrap(condition.RightOperand) is not IPropertyReferenceOperation { Property.Name: "Count" or "Length", Instance: { } counted }
            || MLNetOperationValues.Unwrap(counted) is not ILocalReferenceOperation countedRows || !SymbolEqualityComparer.Default.Equals(countedRows.Local, rows))
            return false;
        var step = loop.AtLoopBottom[0] is IExpressionStatementOperation { Operation: var bottom } ? bottom : loop.AtLoopBottom[0];
        var steps = step switch
        {
            IIncrementOrDecrementOperation { Kind: OperationKind.Increment, Target: ILocalReferenceOperation target } => SymbolEqualityComparer.Default.Equals(target.Local, index),
            ICompoundAssignmentOperation { OperatorKind: BinaryOperatorKind.Add, Target: ILocalReferenceOperation target, Value.ConstantValue: { HasValue: true, Value: 1 } }
                => SymbolEqualityComparer.Default.Equals(target.Local, index),
            _ => false,
        };
        if (!steps)
            return false;
        foreach (var operation in loop.Body.DescendantsAndSelf())
        {
            if (operation is ILocalReferenceOperation reference && SymbolEqualityComparer.Default.Equals(reference.Local, index)
                && (reference.Parent is IAssignmentOperation assignment && assignment.Target == reference
                    || reference.Parent is IIncrementOrDecrementOperation
                    || reference.Parent is IArgumentOperation { Parameter.RefKind: not RefKind.None }))
                return false;
        }
        return true;
    }

    private static bool ContainsLocal(ImmutableArray<ILocalSymbol> locals, ILocalSymbol local)
    {
        foreach (var candidate in locals)
        {
            if (SymbolEqualityComparer.Default.Equals(candidate, local))
                return true;
        }
        return false;
    }

    private static IOperation LoopBody(IOperation loop) => loop switch
    {
        IForEachLoopOperation forEach => forEach.Body,
        IForLoopOperation forLoop => forLoop.Body,
        _ => loop,
    };

    private static ITypeSymbol RowType(IOperation loop, ILocalSymbol item) => loop switch
    {
        IForLoopOperation forLoop => RowOfIndex(forLoop, item) ?? item.Type,
        _ => item.Type,
    };

    /// <summary>The type of <c>rows[i]</c> read in the loop's body.</summary>
    private static ITypeSymbol? RowOfIndex(IForLoopOperation loop, ILocalSymbol index)
    {
        foreach (var operation in loop.Body.DescendantsAndSelf())
        {
            if (operation is IPropertyReferenceOperation { Property.IsIndexer: true, Arguments.Length: 1 } or IArrayElementReferenceOperation { Indices.Length: 1 }
                && IndexOfRow(operation, operation is IPropertyReferenceOperation p ? p.Instance! : ((IArrayElementReferenceOperation)operation).ArrayReference) is { } used
                && SymbolEqualityComparer.Default.Equals(used, index))
                return operation.Type;
        }
        return null;
    }

    /// <summary>Whether <paramref name="operation"/> is the loop's row: its <c>foreach</c> variable, or <c>rows[i]</c> of its <c>for</c> index.</summary>
    private bool IsRowOf(IOperation operation, ILocalSymbol item)
    {
        var unwrapped = MLNetOperationValues.Unwrap(operation);
        if (unwrapped is ILocalReferenceOperation local)
            return SymbolEqualityComparer.Default.Equals(local.Local, item) && !indexedRows.ContainsKey(item);
        return RowIndex(unwrapped) is { } index && SymbolEqualityComparer.Default.Equals(index, item);
    }

    /// <summary>The index <c>i</c> of <c>rows[i]</c> when <c>rows</c> is the collection a <c>for</c> loop of <see cref="indexedRows"/> walks with it.</summary>
    private ILocalSymbol? RowIndex(IOperation operation)
    {
        var (collection, index) = operation switch
        {
            IPropertyReferenceOperation { Property.IsIndexer: true, Arguments.Length: 1, Instance: { } of } indexer => (of, MLNetOperationValues.Unwrap(indexer.Arguments[0].Value)),
            IArrayElementReferenceOperation { Indices.Length: 1 } array => (array.ArrayReference, MLNetOperationValues.Unwrap(array.Indices[0])),
            _ => (null, null),
        };
        return index is ILocalReferenceOperation i && MLNetOperationValues.Unwrap(collection!) is ILocalReferenceOperation rows
               && indexedRows.TryGetValue(i.Local, out var walked) && SymbolEqualityComparer.Default.Equals(walked, rows.Local)
            ? i.Local
            : null;
    }

    /// <summary>The statistic over every row that a loop before <paramref name="load"/> scales a member of <paramref name="rows"/> with, and the rows.</summary>
    private static (IInvocationOperation Statistic, IOperation Sequence)? InPlaceStatisticOf(ILocalReferenceOperation rows, IInvocationOperation load, MLNetOperationValues values)
    {
        foreach (var read in values.ReadsOf(rows.Local))
        {
            if (RowLoopOf(read, rows.Local, load, values.Root) is not var (loop, item, everyRow) || !everyRow)
                continue;
            var reader = new GeneratedRows(null!, default!, CancellationToken.None);
            var body = new MethodBody(values.Root, values);
            reader.elementOf[item] = read;
            if (loop is IForLoopOperation)
                reader.indexedRows[item] = rows.Local;
            foreach (var operation in LoopBody(loop).DescendantsAndSelf())
            {
                if (operation is ISimpleAssignmentOperation { Target: IMemberReferenceOperation { Instance: { } owner } } assignment
                    && reader.IsRowOf(owner, item)
                    && reader.Resolve(assignment.Value, body) is IBinaryOperation { OperatorKind: BinaryOperatorKind.Divide } division
                    && reader.ScaledByOwnStatistics(division, body, out var statistic) is not null && statistic is not null)
                    return (statistic, read);
            }
        }
        return null;
    }

    private static ImmutableArray<ColumnWrite> EveryMemberUnknown(ITypeSymbol rowType, KnownType columnNameAttribute)
    {
        var builder = ImmutableArray.CreateBuilder<ColumnWrite>();
        for (var type = rowType; type is not null && type.SpecialType != SpecialType.System_Object; type = type.BaseType)
        {
            foreach (var member in type.GetMembers())
            {
                if (member is IFieldSymbol { IsStatic: false, IsImplicitlyDeclared: false } or IPropertySymbol { IsStatic: false, IsIndexer: false })
                    builder.Add(new ColumnWrite(LiteralRows.ColumnNameOf(member, columnNameAttribute), InPlaceWrite.Unknown, Interval.Unknown));
            }
        }
        return builder.ToImmutable();
    }

    private InPlaceWrite WriteOf(IAssignmentOperation assignment, ILocalSymbol item, ISymbol member, MethodBody body, out Interval bounds)
    {
        bounds = Interval.Unknown;
        switch (assignment)
        {
            case ICompoundAssignmentOperation { OperatorKind: BinaryOperatorKind.Add or BinaryOperatorKind.Subtract }:
                return InPlaceWrite.Shifted;
            case ISimpleAssignmentOperation simple:
                var value = Resolve(simple.Value, body);
                if (value is IBinaryOperation { OperatorKind: BinaryOperatorKind.Divide } division && ScaledByOwnStatistics(division, body) is { } scaled)
                {
                    bounds = scaled;
                    return InPlaceWrite.Scaled;
                }
                if (value is IBinaryOperation { OperatorKind: BinaryOperatorKind.Add or BinaryOperatorKind.Subtract } shift
                    && ElementMember(Resolve(shift.LeftOperand, body)) is { } shifted
                    && SymbolEqualityComparer.Default.Equals(shifted.Member, member)
                    && MLNetOperationValues.Unwrap(shift.RightOperand) is var by && !DescendsFrom(by, item))
                    return InPlaceWrite.Shifted;
                return InPlaceWrite.Unknown;
            default:
                return InPlaceWrite.Unknown;
        }
    }

    private static bool DescendsFrom(IOperation operation, ILocalSymbol item)
    {
        foreach (var part in operation.DescendantsAndSelf())
        {
            if (part is ILocalReferenceOperation reference && SymbolEqualityComparer.Default.Equals(reference.Local, item))
                return true;
        }
        return false;
    }

    /// <summary>The rows added to <paramref name="list"/>; default when any other use of the list could change what it holds.</summary>
    private static ImmutableArray<(IOperation Row, IntervalMap<IParameterSymbol>? Parameters)> LocalListAdds(ILocalSymbol list, MethodBody body)
    {
        var builder = ImmutableArray.CreateBuilder<(IOperation, IntervalMap<IParameterSymbol>?)>();
        var declared = false;
        foreach (var operation in body.AllOperations)
        {
            if (operation is IVariableDeclaratorOperation declarator && SymbolEqualityComparer.Default.Equals(declarator.Symbol, list))
            {
                declared = true;
                continue;
            }
            if (operation is not ILocalReferenceOperation reference || !SymbolEqualityComparer.Default.Equals(reference.Local, list))
                continue;
            if (reference.IsDeclaration || InLambda(reference, body.Root))
                return default;
            switch (reference.Parent)
            {
                case IInvocationOperation { TargetMethod.Name: "Add", Arguments.Length: 1 } add when add.Instance == reference:
                    builder.Add((add.Arguments[0].Value, null));
                    break;
                case IPropertyReferenceOperation { Property.Name: "Count" } count when count.Instance == reference:
                    break;
                case IArgumentOperation { Parent: IInvocationOperation { TargetMethod.Name: "LoadFromEnumerable" } }:
                    break;
                case IConversionOperation { Parent: IArgumentOperation { Parent: IInvocationOperation { TargetMethod.Name: "LoadFromEnumerable" } } }:
                    break;
                default:
                    return default;
            }
        }
        return declared ? builder.ToImmutable() : default;
    }

    private static bool InLambda(IOperation operation, IOperation root)
    {
        for (var current = operation.Parent; current is not null && current != root; current = current.Parent)
        {
            if (current is IAnonymousFunctionOperation or ILocalFunctionOperation)
                return true;
        }
        return false;
    }

    /// <summary>Each column every row sets, with the join of its bounds; a column some row cannot bound is left out.</summary>
    private (string Generator, (string Column, Interval Bounds)[] Columns)? Columns(
        string generator, ImmutableArray<(IOperation Row, IntervalMap<IParameterSymbol>? Parameters)> elements, MethodBody body)
    {
        IntervalMap<string>? columns = null;
        foreach (var element in elements)
        {
            var row = RowColumns(element, body);
            if (row is null)
                return null;
            if (columns is null)
            {
                columns = row;
                continue;
            }
            foreach (var column in columns.Keys)
            {
                if (row.TryGetValue(column, out var bounds) && bounds.IsKnown)
                    columns[column] = columns[column].Join(bounds);
                else
                    columns.Remove(column);
            }
        }
        var count = 0;
        var names = columns!.Keys;
        foreach (var column in names)
            count += columns[column].IsKnown ? 1 : 0;
        var known = new (string Column, Interval Bounds)[count];
        count = 0;
        foreach (var column in names)
        {
            // Field by field: a tuple's constructor over a struct of ours is JIT-compiled code (see IntervalMap).
            if (columns[column] is { IsKnown: true } bounds)
            {
                known[count].Column = column;
                known[count++].Bounds = bounds;
            }
        }
        return (generator, known);
    }

    /// <summary>The call of the project's generator method, under ToList/ToArray/AsEnumerable.</summary>
    private IInvocationOperation? GeneratorCall(IOperation rows, int depth)
    {
        rows = MLNetOperationValues.Unwrap(rows);
        if (depth > 4 || rows is not IInvocationOperation invocation)
            return null;
        if (IsEnumerable(invocation.TargetMethod) && invocation.TargetMethod.Name is "ToList" or "ToArray" or "AsEnumerable" && invocation.Arguments.Length == 1)
            return GeneratorCall(invocation.Arguments[0].Value, depth + 1);
        var method = invocation.TargetMethod;
        return method.DeclaringSyntaxReferences.IsEmpty || method.MethodKind is not (MethodKind.Ordinary or MethodKind.LocalFunction) ? null : invocation;
    }

    /// <summary>The row expressions a generator produces: its yield returns, the Adds to the list it returns, or its returned array.</summary>
    private ImmutableArray<(IOperation Row, IntervalMap<IParameterSymbol>? Parameters)> RowElements(MethodBody body)
    {
        var builder = ImmutableArray.CreateBuilder<(IOperation, IntervalMap<IParameterSymbol>?)>();
        var returned = new List<IOperation>();
        foreach (var operation in body.OwnOperations)
        {
            if (operation is IReturnOperation { Kind: OperationKind.YieldReturn, ReturnedValue: { } yielded })
                builder.Add((yielded, null));
            else if (operation is IReturnOperation { Kind: OperationKind.Return, ReturnedValue: { } value })
                returned.Add(value);
        }
        if (builder.Count > 0)
            return returned.Count == 0 ? builder.ToImmutable() : default;
        foreach (var value in returned)
        {
            var unwrapped = MLNetOperationValues.Unwrap(value);
            if (unwrapped is IInvocationOperation { TargetMethod.Name: "ToList" or "ToArray" } conversion && IsEnumerable(conversion.TargetMethod) && conversion.Arguments.Length == 1)
                unwrapped = MLNetOperationValues.Unwrap(conversion.Arguments[0].Value);
            switch (unwrapped)
            {
                case ILocalReferenceOperation list:
                    // var rows = new List<Row>(); ... rows.Add(new Row { ... }); return rows;
                    var adds = 0;
                    foreach (var operation in body.OwnOperations)
                    {
                        if (operation is IInvocationOperation { TargetMethod.Name: "Add", Instance: ILocalReferenceOperation target, Arguments.Length: 1 } add
                            && SymbolEqualityComparer.Default.Equals(target.Local, list.Local))
                        {
                            builder.Add((add.Arguments[0].Value, null));
                            adds++;
                        }
                    }
                    if (adds == 0)
                        return default;
                    break;
                case IArrayCreationOperation { Initializer: { } initializer }:
                    foreach (var element in initializer.ElementValues)
                        builder.Add((element, null));
                    break;
                case IInvocationOperation { TargetMethod.Name: "Select" } select when IsEnumerable(select.TargetMethod) && select.Arguments.Length == 2:
                    // Enumerable.Range(0, count).Select(i => new Row { ... })
                    if (MLNetOperationValues.LambdaOf(select.Arguments[1].Value) is not { } lambda || lambda.Symbol.Parameters.Length != 1)
                        return default;
                    var parameters = new IntervalMap<IParameterSymbol>(SymbolEqualityComparer.Default);
                    parameters[lambda.Symbol.Parameters[0]] = Sequence(select.Arguments[0].Value, null, body, 0);
                    foreach (var result in LambdaResults(lambda))
                        builder.Add((result, parameters));
                    break;
                default:
                    return default;
            }
        }
        return builder.ToImmutable();
    }

    /// <summary>The bounds of each member a row expression sets; null when it is not a row object this reads.</summary>
    private IntervalMap<string>? RowColumns((IOperation Row, IntervalMap<IParameterSymbol>? Parameters) element, MethodBody body)
    {
        var row = MLNetOperationValues.Unwrap(element.Row);
        var columns = new IntervalMap<string>(StringComparer.Ordinal);
        ILocalSymbol? local = null;
        if (row is ILocalReferenceOperation reference)
        {
            local = reference.Local;
            row = SingleDeclaration(reference.Local, body) is { } initial ? MLNetOperationValues.Unwrap(initial) : null!;
        }
        if (row is not IObjectCreationOperation creation)
            return null;
        // new House(size, price): the members its constructor sets from those arguments, before any initializer.
        if (creation.Constructor is { } constructor && !creation.Arguments.IsEmpty)
        {
            foreach (var (ordinal, member) in RowConstructors.MembersSet(constructor, cancellationToken))
            {
                foreach (var argument in creation.Arguments)
                {
                    if (argument.Parameter?.Ordinal == ordinal)
                        columns[LiteralRows.ColumnNameOf(member, columnNameAttribute)] = Bounds(argument.Value, element.Parameters, body, 0);
                }
            }
        }
        if (creation.Initializer is { } initializer)
        {
            foreach (var item in initializer.Initializers)
            {
                if (item is ISimpleAssignmentOperation { Target: IMemberReferenceOperation { Member: var member } } assignment)
                    columns[LiteralRows.ColumnNameOf(member, columnNameAttribute)] = Bounds(assignment.Value, element.Parameters, body, 0);
            }
        }
        var elementWrites = new IntervalMap<string>(StringComparer.Ordinal);
        if (local is not null)
        {
            // var point = new Row(); point.X = ...; yield return point;
            foreach (var operation in body.OwnOperations)
            {
                if (operation is ISimpleAssignmentOperation { Target: IMemberReferenceOperation { Instance: ILocalReferenceOperation instance, Member: var member } } assignment
                    && SymbolEqualityComparer.Default.Equals(instance.Local, local))
                {
                    var name = LiteralRows.ColumnNameOf(member, columnNameAttribute);
                    var value = Bounds(assignment.Value, element.Parameters, body, 0);
                    columns[name] = columns.TryGetValue(name, out var before) && creation.Initializer is not null ? before.Join(value) : value;
                }
                else if (operation is ISimpleAssignmentOperation { Target: IArrayElementReferenceOperation { ArrayReference: IMemberReferenceOperation { Instance: ILocalReferenceOperation arrayOwner, Member: var arrayMember } } } elementAssignment
                         && SymbolEqualityComparer.Default.Equals(arrayOwner.Local, local))
                {
                    // point.Features = new float[n]; for (...) point.Features[j] = value;  the elements are what is stored (or 0).
                    var name = LiteralRows.ColumnNameOf(arrayMember, columnNameAttribute);
                    var value = Bounds(elementAssignment.Value, element.Parameters, body, 0);
                    elementWrites[name] = elementWrites.TryGetValue(name, out var sofar) ? sofar.Join(value) : value;
                }
            }
        }
        foreach (var written in elementWrites.Keys)
        {
            // Only an array the row was given empty (new float[n]), whose elements start at 0.
            if (columns.TryGetValue(written, out var array) && array.IsConstant && array.Low == 0)
                columns[written] = array.Join(elementWrites[written]);
            else
                columns.Remove(written);
        }
        return columns;
    }

    /// <summary>The bounds of a numeric (or bool: 0..1) value, or of the elements of an array or sequence.</summary>
    private Interval Bounds(IOperation operation, IntervalMap<IParameterSymbol>? parameters, MethodBody body, int depth)
    {
        if (depth > MaxDepth)
            return Interval.Unknown;
        cancellationToken.ThrowIfCancellationRequested();
        if (operation.ConstantValue is { HasValue: true, Value: var constant })
        {
            if (constant is bool flag)
                return Interval.Constant(flag ? 1 : 0);
            return NumericConstant.ToDouble(constant) is { } number && !double.IsNaN(number) && !double.IsInfinity(number) ? Interval.Constant(number) : Interval.Unknown;
        }
        switch (operation)
        {
            case IConversionOperation conversion:
                return Bounds(conversion.Operand, parameters, body, depth + 1);
            case IParenthesizedOperation parenthesized:
                return Bounds(parenthesized.Operand, parameters, body, depth + 1);
            case IUnaryOperation { OperatorKind: UnaryOperatorKind.Minus } minus:
                return -Bounds(minus.Operand, parameters, body, depth + 1);
            case IUnaryOperation { OperatorKind: UnaryOperatorKind.Plus } plus:
                return Bounds(plus.Operand, parameters, body, depth + 1);
            case IUnaryOperation { OperatorKind: UnaryOperatorKind.Not }:
                return Interval.Of(0, 1);
            case IBinaryOperation binary:
                return Binary(binary, parameters, body, depth);
            case IConditionalOperation { WhenFalse: { } whenFalse } conditional:
                return Bounds(conditional.WhenTrue, parameters, body, depth + 1).Join(Bounds(whenFalse, parameters, body, depth + 1));
            case IParameterReferenceOperation parameter:
                return parameters is not null && parameters.TryGetValue(parameter.Parameter, out var bound) ? bound : Interval.Unknown;
            case ILocalReferenceOperation local:
                if (SingleDeclaration(local.Local, body) is { } value)
                    return Bounds(value, parameters, body, depth + 1);
                return Adjusted(local.Local, parameters, body, depth);
            case IArrayCreationOperation { Initializer: null }:
                // new float[n]: every element 0 until written (element writes are joined in by the row reader).
                return Interval.Constant(0);
            case IArrayCreationOperation { Initializer: { } initializer } when !initializer.ElementValues.IsEmpty:
                var elements = Bounds(initializer.ElementValues[0], parameters, body, depth + 1);
                for (var i = 1; i < initializer.ElementValues.Length && elements.IsKnown; i++)
                    elements = elements.Join(Bounds(initializer.ElementValues[i], parameters, body, depth + 1));
                return elements;
            case IInvocationOperation invocation:
                return Invocation(invocation, parameters, body, depth);
            case IMemberReferenceOperation when sourceMemberBounds is not null && ElementMember(operation) is { } element
                                              && sourceMemberBounds(element.Member) is { } copied:
                // records.Select(r => new Row { Rooms = r.Rooms }): the source rows' own range of the member.
                return copied;
            default:
                return Interval.Unknown;
        }
    }

    private Interval Binary(IBinaryOperation binary, IntervalMap<IParameterSymbol>? parameters, MethodBody body, int depth)
    {
        if (binary.OperatorKind == BinaryOperatorKind.Divide && ScaledByOwnStatistics(binary, body) is { } scaled)
            return scaled;
        switch (binary.OperatorKind)
        {
            case BinaryOperatorKind.Equals or BinaryOperatorKind.NotEquals or BinaryOperatorKind.LessThan or BinaryOperatorKind.LessThanOrEqual
                or BinaryOperatorKind.GreaterThan or BinaryOperatorKind.GreaterThanOrEqual or BinaryOperatorKind.ConditionalAnd
                or BinaryOperatorKind.ConditionalOr:
                return Interval.Of(0, 1);
        }
        var left = Bounds(binary.LeftOperand, parameters, body, depth + 1);
        var right = Bounds(binary.RightOperand, parameters, body, depth + 1);
        switch (binary.OperatorKind)
        {
            case BinaryOperatorKind.Add:
                return left + right;
            case BinaryOperatorKind.Subtract:
                return left - right;
            case BinaryOperatorKind.Multiply:
                return left * right;
            case BinaryOperatorKind.Divide:
                return left / right;
            case BinaryOperatorKind.Remainder when right.IsConstant && right.Low != 0:
                // i % 3: whatever i is, |result| < |3| (and >= 0 when i is).
                var limit = Math.Abs(right.Low) - (IsIntegral(binary.Type) ? 1 : 0);
                return left.IsKnown && left.Low >= 0 ? Interval.Of(0, Math.Min(left.High, limit)) : Interval.Of(-limit, limit);
            default:
                return Interval.Unknown;
        }
    }

    /// <summary>
    /// <c>h.Size / maxSize</c> with <c>maxSize = raw.Max(x =&gt; x.Size)</c> over the sequence <c>h</c> ranges over: within
    /// [-1, 1] when no value is further below zero than the largest is above it (taken as so: a value scaled by its own
    /// maximum); <c>(h.Size - min) / (max - min)</c>: [0, 1]. Null for anything else.
    /// </summary>
    private Interval? ScaledByOwnStatistics(IBinaryOperation division, MethodBody body) => ScaledByOwnStatistics(division, body, out _);

    /// <summary>
    /// The statistic over all rows of a sequence that a <c>Select</c> of row objects scales members with before
    /// <c>LoadFromEnumerable</c> (<c>records.Max(r =&gt; r.Size)</c> in <c>records.Select(r =&gt; new Row { Size = r.Size /
    /// maxSize })</c>), and that sequence; null when the rows are not scaled so. SCALE006 asks: the statistic has seen
    /// every row the later split holds out.
    /// </summary>
    public static (IInvocationOperation Statistic, IOperation Sequence)? OwnStatisticOf(IOperation rows, MLNetOperationValues values, IOperation root)
    {
        var current = MLNetOperationValues.Unwrap(rows);
        // foreach (var r in rows) r.Size = (r.Size - mean) / std; LoadFromEnumerable(rows): scaled in place, in .NET.
        if (current is ILocalReferenceOperation list && MLNetOperationValues.ConsumerOf(rows).Consumer is IArgumentOperation { Parent: IInvocationOperation load }
            && InPlaceStatisticOf(list, load, values) is { } inPlace)
            return inPlace;
        for (var depth = 0; current is ILocalReferenceOperation local && depth < 8; depth++)
            current = values.ValueAt(local) is { } held ? MLNetOperationValues.Unwrap(held) : null!;
        for (var depth = 0; current is IInvocationOperation { TargetMethod.Name: "ToList" or "ToArray" or "AsEnumerable", Arguments.Length: 1 } conversion && depth < 4; depth++)
            current = MLNetOperationValues.Unwrap(conversion.Arguments[0].Value);
        if (current is not IInvocationOperation { TargetMethod.Name: "Select", Arguments.Length: 2 } select || !IsEnumerable(select.TargetMethod)
            || MLNetOperationValues.LambdaOf(select.Arguments[1].Value) is not { } lambda || lambda.Symbol.Parameters.Length != 1)
            return null;
        var reader = new GeneratedRows(null!, default!, CancellationToken.None);
        reader.elementOf[lambda.Symbol.Parameters[0]] = select.Arguments[0].Value;
        var body = new MethodBody(root, values);
        foreach (var result in LambdaResults(lambda))
        {
            foreach (var operation in MLNetOperationValues.Unwrap(result).DescendantsAndSelf())
            {
                if (operation is IBinaryOperation { OperatorKind: BinaryOperatorKind.Divide } division
                    && reader.ScaledByOwnStatistics(division, body, out var statistic) is not null && statistic is not null)
                    return (statistic, select.Arguments[0].Value);
            }
        }
        return null;
    }

    private Interval? ScaledByOwnStatistics(IBinaryOperation division, MethodBody body, out IInvocationOperation? statistic)
    {
        statistic = null;
        var numerator = Resolve(division.LeftOperand, body);
        var denominator = Resolve(division.RightOperand, body);
        if (ElementMember(numerator) is { } element)
        {
            if (Statistic(denominator, body) is not ("Max", var over, var member) || !SameSequence(over, element.Over) || !SymbolEqualityComparer.Default.Equals(member, element.Member))
                return null;
            statistic = (IInvocationOperation)denominator;
            return Interval.Of(-1, 1);
        }
        if (numerator is IBinaryOperation { OperatorKind: BinaryOperatorKind.Subtract } shifted && ElementMember(Resolve(shifted.LeftOperand, body)) is { } shiftedElement
            && Statistic(Resolve(shifted.RightOperand, body), body) is ("Min", var minOver, var minMember)
            && denominator is IBinaryOperation { OperatorKind: BinaryOperatorKind.Subtract } range
            && Statistic(Resolve(range.LeftOperand, body), body) is ("Max", var maxOver, var maxMember)
            && Statistic(Resolve(range.RightOperand, body), body) is ("Min", var rangeMinOver, var rangeMinMember)
            && SameSequence(minOver, shiftedElement.Over) && SameSequence(maxOver, shiftedElement.Over) && SameSequence(rangeMinOver, shiftedElement.Over)
            && SymbolEqualityComparer.Default.Equals(minMember, shiftedElement.Member) && SymbolEqualityComparer.Default.Equals(maxMember, shiftedElement.Member)
            && SymbolEqualityComparer.Default.Equals(rangeMinMember, shiftedElement.Member))
        {
            statistic = (IInvocationOperation)Resolve(shifted.RightOperand, body);
            return Interval.Of(0, 1);
        }
        // (h.Size - mean) / std, mean = raw.Average(x => x.Size), std = Math.Sqrt(raw.Average(x => Math.Pow(x.Size - mean, 2))):
        // standardized with the sequence's own mean and standard deviation.
        if (numerator is IBinaryOperation { OperatorKind: BinaryOperatorKind.Subtract } centered && ElementMember(Resolve(centered.LeftOperand, body)) is { } centeredElement
            && Resolve(centered.RightOperand, body) is IInvocationOperation mean && IsStatisticOf(mean, "Average", centeredElement, body)
            && IsStandardDeviationOf(denominator, centeredElement, body, 0))
        {
            statistic = mean;
            return StandardizedRange;
        }
        return null;
    }

    private bool IsStatisticOf(IOperation operation, string name, (ISymbol Member, IOperation Over) element, MethodBody body)
        => Statistic(operation, body) is var (found, over, member) && found == name && SameSequence(over, element.Over)
           && SymbolEqualityComparer.Default.Equals(member, element.Member);

    /// <summary>
    /// <c>Math.Sqrt(v)</c> (or <c>MathF.Sqrt</c>) where <c>v</c> is the mean square deviation of the element's member
    /// from its own mean over the same sequence: <c>raw.Average(x =&gt; Math.Pow(x.Size - mean, 2))</c>,
    /// <c>raw.Sum(x =&gt; (x.Size - mean) * (x.Size - mean)) / (raw.Count - 1)</c>, or the same over
    /// <c>raw.Select(x =&gt; ...)</c>.
    /// </summary>
    private bool IsStandardDeviationOf(IOperation operation, (ISymbol Member, IOperation Over) element, MethodBody body, int depth)
    {
        if (depth > 4 || operation is not IInvocationOperation { TargetMethod.Name: "Sqrt", Arguments.Length: 1 } sqrt
            || !(IsSystemType(sqrt.TargetMethod.ContainingType, "Math") || IsSystemType(sqrt.TargetMethod.ContainingType, "MathF")))
            return false;
        var variance = Resolve(sqrt.Arguments[0].Value, body);
        if (variance is IBinaryOperation { OperatorKind: BinaryOperatorKind.Divide } perCount)
            variance = Resolve(perCount.LeftOperand, body);
        if (variance is not IInvocationOperation { TargetMethod.Name: "Average" or "Sum" } aggregate || !IsEnumerable(aggregate.TargetMethod))
            return false;
        // raw.Average(x => ...) or raw.Select(x => ...).Average()
        var (source, selector) = aggregate.Arguments.Length switch
        {
            2 => (aggregate.Arguments[0].Value, aggregate.Arguments[1].Value),
            1 when MLNetOperationValues.Unwrap(aggregate.Arguments[0].Value) is IInvocationOperation { TargetMethod.Name: "Select", Arguments.Length: 2 } select
                   && IsEnumerable(select.TargetMethod) => (select.Arguments[0].Value, select.Arguments[1].Value),
            _ => (null, null),
        };
        if (source is null || !SameSequence(source, element.Over) || MLNetOperationValues.LambdaOf(selector!) is not { } lambda || lambda.Symbol.Parameters.Length != 1)
            return false;
        var deviation = lambda.Symbol.Parameters[0];
        elementOf[deviation] = source;
        foreach (var result in LambdaResults(lambda))
        {
            foreach (var part in MLNetOperationValues.Unwrap(result).DescendantsAndSelf())
            {
                if (part is IBinaryOperation { OperatorKind: BinaryOperatorKind.Subtract } difference
                    && ElementMember(Resolve(difference.LeftOperand, body)) is { } deviating
                    && SymbolEqualityComparer.Default.Equals(deviating.Member, element.Member)
                    && MLNetOperationValues.Unwrap(Resolve(difference.LeftOperand, body)) is IMemberReferenceOperation { Instance: { } of }
                    && MLNetOperationValues.Unwrap(of) is IParameterReferenceOperation { Parameter: var p } && SymbolEqualityComparer.Default.Equals(p, deviation)
                    && Resolve(difference.RightOperand, body) is IInvocationOperation centre && IsStatisticOf(centre, "Average", element, body))
                    return true;
            }
        }
        return false;
    }

    /// <summary>Conversions and parentheses skipped, a local declared once read as its initializer.</summary>
    private IOperation Resolve(IOperation operation, MethodBody body)
    {
        for (var depth = 0; depth < 6; depth++)
        {
            switch (operation)
            {
                case IConversionOperation conversion:
                    operation = conversion.Operand;
                    continue;
                case IParenthesizedOperation parenthesized:
                    operation = parenthesized.Operand;
                    continue;
                case ILocalReferenceOperation local when SingleDeclaration(local.Local, body) is { } value:
                    operation = value;
                    continue;
            }
            break;
        }
        return operation;
    }

    /// <summary><c>h.Size</c> where <c>h</c> is the element of a row lambda over a known sequence: the member and the sequence.</summary>
    private (ISymbol Member, IOperation Over)? ElementMember(IOperation operation)
    {
        var (member, instance) = operation switch
        {
            IPropertyReferenceOperation { Instance: { } of } property => ((ISymbol)property.Property, of),
            IFieldReferenceOperation { Instance: { } of } field => (field.Field, of),
            _ => (null, null),
        };
        ISymbol? element = member is null ? null : MLNetOperationValues.Unwrap(instance!) switch
        {
            IParameterReferenceOperation parameter => parameter.Parameter,
            ILocalReferenceOperation local when !indexedRows.ContainsKey(local.Local) => local.Local,
            // rows[i].Size in a for loop over the rows: the row of index i.
            var indexed => RowIndex(indexed),
        };
        return element is not null && elementOf.TryGetValue(element, out var over)
            ? (member!, over)
            : null;
    }

    /// <summary><c>raw.Max(x =&gt; x.Size)</c> (or <c>Min</c>): the statistic, the sequence and the member.</summary>
    private static (string Name, IOperation Over, ISymbol Member)? Statistic(IOperation operation, MethodBody body)
    {
        if (operation is not IInvocationOperation { TargetMethod.Name: "Max" or "Min" or "Average", Arguments.Length: 2 } statistic || !IsEnumerable(statistic.TargetMethod)
            || MLNetOperationValues.LambdaOf(statistic.Arguments[1].Value) is not { } selector || selector.Symbol.Parameters.Length != 1)
            return null;
        ISymbol? member = null;
        foreach (var result in LambdaResults(selector))
        {
            var value = MLNetOperationValues.Unwrap(result);
            var (selected, instance) = value switch
            {
                IPropertyReferenceOperation { Instance: { } of } property => ((ISymbol)property.Property, of),
                IFieldReferenceOperation { Instance: { } of } field => (field.Field, of),
                _ => (null, null),
            };
            if (selected is null || member is not null
                || MLNetOperationValues.Unwrap(instance!) is not IParameterReferenceOperation parameter
                || !SymbolEqualityComparer.Default.Equals(parameter.Parameter, selector.Symbol.Parameters[0]))
                return null;
            member = selected;
        }
        return member is null ? null : (statistic.TargetMethod.Name, statistic.Arguments[0].Value, member);
    }

    /// <summary>Two reads of the same local, field or parameter that no other write changes between them (a local written once).</summary>
    private bool SameSequence(IOperation a, IOperation b)
    {
        var left = MLNetOperationValues.Unwrap(a);
        var right = MLNetOperationValues.Unwrap(b);
        return (left, right) switch
        {
            (ILocalReferenceOperation x, ILocalReferenceOperation y) => SymbolEqualityComparer.Default.Equals(x.Local, y.Local),
            (IParameterReferenceOperation x, IParameterReferenceOperation y) => SymbolEqualityComparer.Default.Equals(x.Parameter, y.Parameter),
            (IFieldReferenceOperation { Field.IsReadOnly: true } x, IFieldReferenceOperation y) => SymbolEqualityComparer.Default.Equals(x.Field, y.Field),
            _ => false,
        };
    }

    private static bool IsIntegral(ITypeSymbol? type) => type?.SpecialType is SpecialType.System_Int32 or SpecialType.System_Int64 or SpecialType.System_UInt32
        or SpecialType.System_UInt64 or SpecialType.System_Int16 or SpecialType.System_UInt16 or SpecialType.System_Byte or SpecialType.System_SByte;

    private Interval Invocation(IInvocationOperation invocation, IntervalMap<IParameterSymbol>? parameters, MethodBody body, int depth)
    {
        var method = invocation.TargetMethod;
        var type = method.ContainingType;
        if (IsSystemType(type, "Random"))
        {
            var arguments = invocation.Arguments;
            switch (method.Name)
            {
                case "NextDouble" or "NextSingle" when arguments.Length == 0:
                    return Interval.Of(0, 1);
                case "Next" when arguments.Length == 0:
                    return Interval.Of(0, int.MaxValue);
                case "Next" when arguments.Length == 1:
                    var max = Bounds(arguments[0].Value, parameters, body, depth + 1);
                    return max.IsKnown ? Interval.Of(0, Math.Max(0, max.High - 1)) : Interval.Unknown;
                case "Next" when arguments.Length == 2:
                    var low = Bounds(arguments[0].Value, parameters, body, depth + 1);
                    var high = Bounds(arguments[1].Value, parameters, body, depth + 1);
                    return low.IsKnown && high.IsKnown ? Interval.Of(low.Low, Math.Max(low.Low, high.High - 1)) : Interval.Unknown;
                default:
                    return Interval.Unknown;
            }
        }
        if (IsSystemType(type, "Math") || IsSystemType(type, "MathF"))
        {
            if (invocation.Arguments.Length != 1)
                return Interval.Unknown;
            var argument = Bounds(invocation.Arguments[0].Value, parameters, body, depth + 1);
            return method.Name switch
            {
                "Sin" or "Cos" or "Tanh" => Interval.Of(-1, 1),
                "Abs" => argument.Abs(),
                "Sqrt" => argument.Monotone(Math.Sqrt, domainLow: 0),
                "Floor" => argument.Monotone(Math.Floor),
                "Ceiling" => argument.Monotone(Math.Ceiling),
                "Round" => argument.Monotone(Math.Round),
                _ => Interval.Unknown,
            };
        }
        if (IsEnumerable(method))
            return Sequence(invocation, parameters, body, depth);
        // A local function or helper of the project: the join of what it returns.
        if (method.DeclaringSyntaxReferences.IsEmpty || method.Parameters.Length > 0 && method.MethodKind != MethodKind.LocalFunction
            || program.BodyOf(method, cancellationToken, invocation.SemanticModel) is not { } callee)
            return Interval.Unknown;
        var returned = callee.ReturnedValues();
        if (returned.IsEmpty || method.Parameters.Length > 0)
            return Interval.Unknown;
        var joined = Bounds(returned[0], null, callee, depth + 1);
        for (var i = 1; i < returned.Length && joined.IsKnown; i++)
            joined = joined.Join(Bounds(returned[i], null, callee, depth + 1));
        return joined;
    }

    /// <summary>The bounds of the elements of a LINQ sequence: Repeat, Range, Select, and the operators that keep elements.</summary>
    private Interval Sequence(IOperation operation, IntervalMap<IParameterSymbol>? parameters, MethodBody body, int depth)
    {
        operation = MLNetOperationValues.Unwrap(operation);
        if (depth > MaxDepth || operation is not IInvocationOperation invocation || !IsEnumerable(invocation.TargetMethod))
            return operation is IArrayCreationOperation ? Bounds(operation, parameters, body, depth + 1) : Interval.Unknown;
        var arguments = invocation.Arguments;
        switch (invocation.TargetMethod.Name)
        {
            case "Repeat" when arguments.Length == 2:
                return Bounds(arguments[0].Value, parameters, body, depth + 1);
            case "Range" when arguments.Length == 2:
                var start = Bounds(arguments[0].Value, parameters, body, depth + 1);
                var count = Bounds(arguments[1].Value, parameters, body, depth + 1);
                return start.IsKnown && count.IsKnown ? Interval.Of(start.Low, start.High + Math.Max(0, count.High - 1)) : Interval.Unknown;
            case "Select" when arguments.Length == 2:
                if (MLNetOperationValues.LambdaOf(arguments[1].Value) is not { } lambda || lambda.Symbol.Parameters.Length != 1)
                    return Interval.Unknown;
                var scope = parameters is null
                    ? new IntervalMap<IParameterSymbol>(SymbolEqualityComparer.Default)
                    : new IntervalMap<IParameterSymbol>(parameters);
                scope[lambda.Symbol.Parameters[0]] = Sequence(arguments[0].Value, parameters, body, depth + 1);
                Interval? result = null;
                foreach (var value in LambdaResults(lambda))
                {
                    var bounds = Bounds(value, scope, body, depth + 1);
                    result = result is { } sofar ? sofar.Join(bounds) : bounds;
                }
                return result ?? Interval.Unknown;
            case "ToArray" or "ToList" or "AsEnumerable" or "Take" or "Skip" or "Where" or "OrderBy" or "Reverse" when arguments.Length >= 1:
                return Sequence(arguments[0].Value, parameters, body, depth + 1);
            default:
                return Interval.Unknown;
        }
    }

    private static IEnumerable<IOperation> LambdaResults(IAnonymousFunctionOperation lambda)
    {
        foreach (var operation in MethodBody.Descendants(lambda.Body))
        {
            if (operation is IReturnOperation { ReturnedValue: { } value })
                yield return value;
        }
    }

    private static bool IsEnumerable(IMethodSymbol method)
        => method.ContainingType is { Name: "Enumerable", ContainingNamespace: { Name: "Linq", ContainingNamespace: { Name: "System", ContainingNamespace.IsGlobalNamespace: true } } };

    private static bool IsSystemType(INamedTypeSymbol? type, string name)
        => type is not null && type.Name == name && type.ContainingNamespace is { Name: "System", ContainingNamespace.IsGlobalNamespace: true };

    /// <summary>
    /// A local declared with a value and then only moved by <c>+=</c>/<c>-=</c> in the same loop iteration (the FFM
    /// sample's <c>var value0 = (float)rnd.NextDouble(); if (sample.Label) value0 += 0.2f;</c>): its declared bounds
    /// widened by every step, each taken at most once. A step inside a loop the declaration is not in accumulates
    /// without bound: unknown.
    /// </summary>
    private Interval Adjusted(ILocalSymbol local, IntervalMap<IParameterSymbol>? parameters, MethodBody body, int depth)
    {
        IVariableDeclaratorOperation? declaration = null;
        var steps = new List<ICompoundAssignmentOperation>();
        foreach (var operation in body.AllOperations)
        {
            switch (operation)
            {
                case IVariableDeclaratorOperation declarator when SymbolEqualityComparer.Default.Equals(declarator.Symbol, local):
                    declaration = declarator;
                    break;
                case ICompoundAssignmentOperation { Target: ILocalReferenceOperation target, OperatorKind: BinaryOperatorKind.Add or BinaryOperatorKind.Subtract } step
                    when SymbolEqualityComparer.Default.Equals(target.Local, local):
                    steps.Add(step);
                    break;
                case IAssignmentOperation { Target: ILocalReferenceOperation other } when SymbolEqualityComparer.Default.Equals(other.Local, local) && operation is not ICompoundAssignmentOperation:
                case IIncrementOrDecrementOperation { Target: ILocalReferenceOperation counter } when SymbolEqualityComparer.Default.Equals(counter.Local, local):
                    return Interval.Unknown;
                case IArgumentOperation { Parameter.RefKind: RefKind.Ref or RefKind.Out, Value: ILocalReferenceOperation passed }
                    when SymbolEqualityComparer.Default.Equals(passed.Local, local):
                    return Interval.Unknown;
            }
        }
        if (declaration?.Initializer is not { } initializer || steps.Count == 0)
            return Interval.Unknown;
        var bounds = Bounds(initializer.Value, parameters, body, depth + 1);
        var loop = EnclosingLoop(declaration);
        foreach (var step in steps)
        {
            if (EnclosingLoop(step) != loop)
                return Interval.Unknown;
            var delta = Bounds(step.Value, parameters, body, depth + 1);
            if (step.OperatorKind == BinaryOperatorKind.Subtract)
                delta = -delta;
            if (!bounds.IsKnown || !delta.IsKnown)
                return Interval.Unknown;
            bounds = bounds.Join(bounds + delta);
        }
        return bounds;
    }

    private static IOperation? EnclosingLoop(IOperation operation)
    {
        for (var current = operation.Parent; current is not null; current = current.Parent)
        {
            if (current is ILoopOperation or IAnonymousFunctionOperation or ILocalFunctionOperation)
                return current;
        }
        return null;
    }

    /// <summary>The initializer of a local declared once and never written again in the method; null otherwise.</summary>
    private IOperation? SingleDeclaration(ILocalSymbol local, MethodBody body)
    {
        if (!rewrittenLocals.TryGetValue(body.Root, out var rewritten))
            rewrittenLocals[body.Root] = rewritten = RewrittenLocals(body.AllOperations);
        if (rewritten.Contains(local))
            return null;
        return body.DeclaratorOf(local)?.Initializer?.Value;
    }

    /// <summary>Locals written after their declaration (assignment, ++/--, compound assignment, ref/out, deconstruction, loop variables).</summary>
    private static HashSet<ILocalSymbol> RewrittenLocals(ImmutableArray<IOperation> operations)
    {
        var result = new HashSet<ILocalSymbol>(SymbolEqualityComparer.Default);
        foreach (var operation in operations)
        {
            switch (operation)
            {
                case IAssignmentOperation { Target: ILocalReferenceOperation target }:
                    result.Add(target.Local);
                    break;
                case IIncrementOrDecrementOperation { Target: ILocalReferenceOperation target }:
                    result.Add(target.Local);
                    break;
                case IArgumentOperation { Parameter.RefKind: RefKind.Ref or RefKind.Out, Value: ILocalReferenceOperation target }:
                    result.Add(target.Local);
                    break;
                case IDeconstructionAssignmentOperation deconstruction:
                    foreach (var part in deconstruction.Target.Descendants())
                    {
                        if (part is ILocalReferenceOperation written)
                            result.Add(written.Local);
                    }
                    break;
                case IForEachLoopOperation loop:
                    foreach (var declared in loop.Locals)
                        result.Add(declared);
                    break;
            }
        }
        return result;
    }
}
