using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using ScalingAnalyzer.Analysis.DataFiles;

namespace ScalingAnalyzer.Analysis.MLNet;

/// <summary>
/// Rows the code parses from a text file itself before <c>LoadFromEnumerable</c>, the way small public programs read a
/// CSV without a TextLoader:
/// <c>File.ReadLines(path).Skip(1).Select(line => line.Split(',')).Select(parts => new Row { Size = float.Parse(parts[0]) })</c>,
/// or a helper of the project that loops <c>foreach (var line in File.ReadLines(path).Skip(1))</c>, splits the line and
/// adds (or yields) <c>new Row { ... }</c>. Each member set from <c>float.Parse(fields[i])</c> (<c>double.Parse</c>,
/// <c>Convert.ToSingle</c>, ...), or from a local that only <c>float.TryParse(fields[i], out var size)</c> writes (a line
/// whose fields do not parse, such as the header, is then not a row), is file column i; the separator is the one <c>Split</c> names and <c>Skip(1)</c> is a
/// header row. Anything else about the rows (another source, several files, a member set otherwise) is left out: such
/// a column stays as without the file.
/// </summary>
internal sealed class FileRows
{
    private const int MaxDepth = 16;

    private FileRows(IOperation path, IInvocationOperation? helperCall, DataFileFormat format, ImmutableArray<LoadedColumn> columns)
    {
        Path = path;
        HelperCall = helperCall;
        Format = format;
        Columns = columns;
    }

    /// <summary>The path operand of <c>File.ReadLines</c>/<c>ReadAllLines</c>, as the code that reads the file writes it.</summary>
    public IOperation Path { get; }

    /// <summary>The call of the helper that reads the file, when it does; its arguments stand for the helper's parameters in <see cref="Path"/>.</summary>
    public IInvocationOperation? HelperCall { get; }

    public DataFileFormat Format { get; }

    /// <summary>The ML.NET column each parsed member becomes and the file column it is parsed from.</summary>
    public ImmutableArray<LoadedColumn> Columns { get; }

    /// <summary>
    /// The file and columns behind the rows <c>LoadFromEnumerable</c> is given (<paramref name="argument"/>, and
    /// <paramref name="rows"/>, what it holds through locals); null when the rows are not parsed from one file this way.
    /// </summary>
    public static FileRows? Read(
        IOperation argument, IOperation rows, MLNetOperationValues values, MLNetProgram? program, KnownType columnNameAttribute, CancellationToken cancellationToken)
    {
        var reader = new Reader(columnNameAttribute);
        rows = MLNetOperationValues.Unwrap(rows);
        // var rows = new List<Row>(); foreach (var line in File.ReadLines(path)) rows.Add(new Row { ... }); in this method.
        if (rows is IObjectCreationOperation { Arguments.Length: 0, Initializer: null } && MLNetOperationValues.Unwrap(argument) is ILocalReferenceOperation list)
            return reader.FromLocalList(list, values);
        if (rows is not IInvocationOperation call)
            return null;
        if (IsEnumerableMethod(call.TargetMethod))
            return reader.FromQuery(call, values, helperCall: null);
        // A helper of the project that reads the file and returns the rows.
        if (program is null || call.TargetMethod.MethodKind != MethodKind.Ordinary || call.TargetMethod.DeclaringSyntaxReferences.IsEmpty
            || program.BodyOf(call.TargetMethod, cancellationToken, call.SemanticModel) is not { } body)
            return null;
        return reader.FromHelper(body, call);
    }

    private static bool IsEnumerableMethod(IMethodSymbol method)
        => method.ContainingType is { Name: "Enumerable", ContainingNamespace: { Name: "Linq", ContainingNamespace: { Name: "System", ContainingNamespace.IsGlobalNamespace: true } } };

    /// <summary>A sequence the code reads the file into: its lines, or its lines split into fields; rows skipped at its start.</summary>
    private sealed class Sequence
    {
        public Sequence(IOperation path, int skipped, string? separator)
        {
            Path = path;
            Skipped = skipped;
            Separator = separator;
        }

        public IOperation Path { get; }
        public int Skipped { get; }

        /// <summary>Null for whole lines.</summary>
        public string? Separator { get; }
    }

    private sealed class Reader
    {
        private readonly KnownType columnNameAttribute;
        private Sequence? source;

        /// <summary>A member is set from <c>TryParse</c>: lines whose fields do not parse are not rows.</summary>
        private bool triedParse;
        private readonly Dictionary<string, LoadedColumn> columns = new(System.StringComparer.Ordinal);

        public Reader(KnownType columnNameAttribute) => this.columnNameAttribute = columnNameAttribute;

        /// <summary><c>lines.Select(...).Select(parts => new Row { ... })</c> [.ToList()]: the rows the last Select makes.</summary>
        public FileRows? FromQuery(IInvocationOperation query, MLNetOperationValues values, IInvocationOperation? helperCall)
        {
            var current = query;
            for (var depth = 0; current.TargetMethod.Name is "ToList" or "ToArray" or "AsEnumerable" && depth < MaxDepth; depth++)
            {
                if (current.Arguments.Length != 1 || MLNetOperationValues.Unwrap(current.Arguments[0].Value) is not IInvocationOperation inner || !IsEnumerableMethod(inner.TargetMethod))
                    return null;
                current = inner;
            }
            if (current.TargetMethod.Name != "Select" || current.Arguments.Length != 2 || MLNetOperationValues.LambdaOf(current.Arguments[1].Value) is not { } lambda)
                return null;
            foreach (var row in ReturnedValues(lambda))
            {
                if (!AddRow(row, values, 0))
                    return null;
            }
            return Result(helperCall);
        }

        /// <summary>A list local the method fills with rows (<c>rows.Add(new Row { ... })</c>) before handing it over.</summary>
        public FileRows? FromLocalList(ILocalReferenceOperation list, MLNetOperationValues values)
        {
            var found = false;
            foreach (var operation in MLNetOperationValues.RootOf(list).Descendants())
            {
                if (operation is not IInvocationOperation { TargetMethod.Name: "Add", Instance: ILocalReferenceOperation target, Arguments.Length: 1 } add
                    || !SymbolEqualityComparer.Default.Equals(target.Local, list.Local))
                    continue;
                if (!AddRow(add.Arguments[0].Value, values, 0))
                    return null;
                found = true;
            }
            return found ? Result(helperCall: null) : null;
        }

        /// <summary>A helper that returns such a query, or fills a list in a loop over the file's lines (or yields the rows).</summary>
        public FileRows? FromHelper(MethodBody body, IInvocationOperation call)
        {
            var values = body.Values;
            var rows = new List<IOperation>();
            IOperation? returned = null;
            foreach (var operation in body.OwnOperations)
            {
                if (operation is IReturnOperation { Kind: OperationKind.YieldReturn, ReturnedValue: { } yielded })
                    rows.Add(yielded);
                else if (operation is IReturnOperation { Kind: OperationKind.Return, ReturnedValue: { } value })
                {
                    if (returned is not null)
                        return null;
                    returned = MLNetOperationValues.Unwrap(value);
                }
            }
            if (rows.Count == 0)
            {
                switch (returned)
                {
                    case IInvocationOperation query when IsEnumerableMethod(query.TargetMethod):
                        return FromQuery(query, values, call);
                    case ILocalReferenceOperation list:
                        // var rows = new List<Row>(); foreach (...) rows.Add(new Row { ... }); return rows;
                        foreach (var operation in body.OwnOperations)
                        {
                            if (operation is IInvocationOperation { TargetMethod.Name: "Add", Instance: ILocalReferenceOperation target, Arguments.Length: 1 } add
                                && SymbolEqualityComparer.Default.Equals(target.Local, list.Local))
                                rows.Add(add.Arguments[0].Value);
                        }
                        break;
                    default:
                        return null;
                }
            }
            if (rows.Count == 0)
                return null;
            foreach (var row in rows)
            {
                if (!AddRow(row, values, 0))
                    return null;
            }
            return Result(call);
        }

        private FileRows? Result(IInvocationOperation? helperCall)
        {
            if (source is null || columns.Count == 0 || source.Separator is null || source.Skipped > 1)
                return null;
            var builder = ImmutableArray.CreateBuilder<LoadedColumn>(columns.Count);
            foreach (var column in columns.Values)
                builder.Add(column);
            return new FileRows(source.Path, helperCall, new DataFileFormat(source.Separator, hasHeader: source.Skipped == 1, allowQuoting: false, skipsRowsWithText: triedParse), builder.MoveToImmutable());
        }

        /// <summary>One row creation: its members parsed from fields of the file; false when it reads another file or is no creation.</summary>
        private bool AddRow(IOperation row, MLNetOperationValues values, int depth)
        {
            if (MLNetOperationValues.Unwrap(row) is not IObjectCreationOperation { Initializer: { } initializer })
                return false;
            foreach (var item in initializer.Initializers)
            {
                if (item is not ISimpleAssignmentOperation { Target: IMemberReferenceOperation { Member: var member } } assignment)
                    continue;
                if (!TryParsedField(assignment.Value, values, depth, out var parsed, out var index) || parsed is not { } sequence)
                    continue;
                if (source is null)
                    source = sequence;
                else if (!SameSource(source, sequence))
                    return false;
                var name = LiteralRows.ColumnNameOf(member, columnNameAttribute);
                if (columns.TryGetValue(name, out var known))
                {
                    if (known.Sources[0].First != index)
                        return false;
                    continue;
                }
                columns[name] = new LoadedColumn(name, ImmutableArray.Create((index, index)));
            }
            return true;
        }

        private static bool SameSource(Sequence a, Sequence b)
            => a.Skipped == b.Skipped && a.Separator == b.Separator && a.Path.Syntax == b.Path.Syntax;

        /// <summary><c>float.Parse(fields[i], ...)</c>, <c>Convert.ToSingle(fields[i])</c>, <c>(float)double.Parse(fields[i].Trim())</c>: the fields and i; false for anything else.</summary>
        private bool TryParsedField(IOperation value, MLNetOperationValues values, int depth, out Sequence? fields, out int index)
        {
            fields = null;
            index = -1;
            value = MLNetOperationValues.Unwrap(value);
            IOperation? parsedText;
            if (value is ILocalReferenceOperation local && values.SingleOutArgument(local.Local) is { Parent: IInvocationOperation tryParse } result
                && IsNumberTryParse(tryParse.TargetMethod) && result.Parameter?.Ordinal == tryParse.TargetMethod.Parameters.Length - 1)
            {
                // if (!float.TryParse(fields[0], out var size)) continue; ... new Row { Size = size }: a line whose field does
                // not parse (the header) is dropped, or gives 0; the rows that parse are the file's.
                parsedText = FirstArgument(tryParse);
                triedParse = true;
            }
            else if (value is IInvocationOperation { Arguments.Length: >= 1 } parse && IsNumberParse(parse.TargetMethod))
            {
                parsedText = FirstArgument(parse);
            }
            else
            {
                return false;
            }
            if (parsedText is null)
                return false;
            var text = MLNetOperationValues.Unwrap(parsedText);
            if (text is IInvocationOperation { TargetMethod.Name: "Trim", Instance: { } trimmed, Arguments.Length: 0 })
                text = MLNetOperationValues.Unwrap(trimmed);
            if (text is not IArrayElementReferenceOperation { Indices.Length: 1 } element
                || element.Indices[0].ConstantValue is not { HasValue: true, Value: int constant } || constant < 0)
                return false;
            fields = Fields(element.ArrayReference, values, depth + 1);
            index = constant;
            return fields is not null;
        }

        private static IOperation? FirstArgument(IInvocationOperation call)
        {
            foreach (var argument in call.Arguments)
            {
                if (argument.Parameter is { Ordinal: 0 } parameter && parameter.Type.SpecialType == SpecialType.System_String)
                    return argument.Value;
            }
            return null;
        }

        /// <summary><c>float.TryParse(text, out value)</c> and its overloads with styles and a format provider, of the same types <see cref="IsNumberParse"/> reads.</summary>
        private static bool IsNumberTryParse(IMethodSymbol method)
            => method.Name == "TryParse" && method.IsStatic && method.Parameters.Length >= 2
               && method.ContainingType?.SpecialType is SpecialType.System_Single or SpecialType.System_Double or SpecialType.System_Decimal
                   or SpecialType.System_Int32 or SpecialType.System_Int64 or SpecialType.System_Int16 or SpecialType.System_Byte;

        private static bool IsNumberParse(IMethodSymbol method)
        {
            if (method.Name == "Parse" && method.IsStatic && method.ContainingType?.SpecialType is SpecialType.System_Single or SpecialType.System_Double or SpecialType.System_Decimal
                    or SpecialType.System_Int32 or SpecialType.System_Int64 or SpecialType.System_Int16 or SpecialType.System_Byte)
                return true;
            return method.Name is "ToSingle" or "ToDouble" or "ToInt32" or "ToDecimal"
                   && method.ContainingType is { Name: "Convert", ContainingNamespace: { Name: "System", ContainingNamespace.IsGlobalNamespace: true } }
                   && method.Parameters.Length >= 1 && method.Parameters[0].Type.SpecialType == SpecialType.System_String;
        }

        /// <summary>What an array of fields is: a split line (<c>line.Split(',')</c>, also through a local), or an element of a split sequence.</summary>
        private static Sequence? Fields(IOperation operation, MLNetOperationValues values, int depth)
        {
            if (depth > MaxDepth)
                return null;
            operation = MLNetOperationValues.Unwrap(operation);
            switch (operation)
            {
                case ILocalReferenceOperation local:
                    if (ForEachOver(local) is { } loopCollection)
                        return Split(Elements(loopCollection, values, depth + 1));
                    return values.ValueAt(local) is { } held ? Fields(held, values, depth + 1) : null;
                case IInvocationOperation { TargetMethod.Name: "Split", Instance: { } line } split when split.TargetMethod.ContainingType?.SpecialType == SpecialType.System_String:
                    if (SplitSeparator(split) is not { } separator || Line(line, values, depth + 1) is not { Separator: null } lines)
                        return null;
                    return new Sequence(lines.Path, lines.Skipped, separator);
                case IParameterReferenceOperation parameter:
                    return Split(ElementOfQuery(parameter, values, depth + 1));
                default:
                    return null;
            }
        }

        private static Sequence? Split(Sequence? sequence) => sequence is { Separator: not null } ? sequence : null;

        /// <summary>A line of the file: a lambda parameter or loop variable over its lines, or a local holding one.</summary>
        private static Sequence? Line(IOperation operation, MLNetOperationValues values, int depth)
        {
            if (depth > MaxDepth)
                return null;
            operation = MLNetOperationValues.Unwrap(operation);
            switch (operation)
            {
                case ILocalReferenceOperation local:
                    if (ForEachOver(local) is { } loopCollection)
                        return Elements(loopCollection, values, depth + 1) is { Separator: null } lines ? lines : null;
                    if (values.ValueAt(local) is not { } held)
                        return null;
                    if (MLNetOperationValues.Unwrap(held) is IInvocationOperation { TargetMethod.Name: "ReadLine", Arguments.Length: 0, Instance: ILocalReferenceOperation reader } readLine
                        && IsSystemIOType(readLine.TargetMethod.ContainingType, "StreamReader", "TextReader"))
                        return ReaderLines(local.Local, reader, values);
                    return Line(held, values, depth + 1);
                case IParameterReferenceOperation parameter:
                    return ElementOfQuery(parameter, values, depth + 1) is { Separator: null } elements ? elements : null;
                default:
                    return null;
            }
        }

        /// <summary>
        /// The lines <paramref name="line"/> takes from a reader of the file:
        /// <c>using var reader = new StreamReader(path); reader.ReadLine(); while ((line = reader.ReadLine()) != null)</c>,
        /// or <c>var line = reader.ReadLine();</c> in a <c>while (!reader.EndOfStream)</c> loop. Every line read before the
        /// loop's first one, outside it, is a header line skipped. Null when the reader is opened otherwise, is read in any
        /// other way (<c>Read</c>, <c>ReadToEnd</c>, handed to a method), or the line is written with anything but its lines.
        /// </summary>
        private static Sequence? ReaderLines(ILocalSymbol line, ILocalReferenceOperation readerReference, MLNetOperationValues values)
        {
            if (values.ValueAt(readerReference) is not { } opened || OpenedPath(MLNetOperationValues.Unwrap(opened)) is not { } path)
                return null;
            var reader = readerReference.Local;
            IOperation? firstLine = null;
            var others = new List<IOperation>();
            foreach (var operation in MLNetOperationValues.RootOf(readerReference).Descendants())
            {
                switch (operation)
                {
                    case ILocalReferenceOperation { IsDeclaration: false } reference when SymbolEqualityComparer.Default.Equals(reference.Local, reader):
                        switch (reference.Parent)
                        {
                            case IInvocationOperation { TargetMethod.Name: "ReadLine", Arguments.Length: 0 } read when read.Instance == reference:
                                if (WritesLine(read, line))
                                    firstLine = firstLine is null || read.Syntax.SpanStart < firstLine.Syntax.SpanStart ? read : firstLine;
                                else
                                    others.Add(read);
                                break;
                            case IInvocationOperation { TargetMethod.Name: "Dispose" or "Close" or "Peek" } other when other.Instance == reference:
                            case IPropertyReferenceOperation { Property.Name: "EndOfStream" }:
                                break;
                            default:
                                return null;
                        }
                        break;
                    case IVariableDeclaratorOperation { Initializer: { } initializer } declarator when SymbolEqualityComparer.Default.Equals(declarator.Symbol, line):
                        if (!IsNullConstant(initializer.Value) && !IsReadLineOf(initializer.Value, reader))
                            return null;
                        break;
                    case IAssignmentOperation { Target: ILocalReferenceOperation target } assignment when SymbolEqualityComparer.Default.Equals(target.Local, line):
                        if (assignment is not ISimpleAssignmentOperation || !IsReadLineOf(assignment.Value, reader))
                            return null;
                        break;
                    case IArgumentOperation { Parameter.RefKind: RefKind.Ref or RefKind.Out, Value: ILocalReferenceOperation passed } when SymbolEqualityComparer.Default.Equals(passed.Local, line):
                        return null;
                }
            }
            if (firstLine is null)
                return null;
            foreach (var header in others)
            {
                if (header.Syntax.SpanStart > firstLine.Syntax.SpanStart || !LoopsAlsoAround(header, firstLine))
                    return null;
            }
            return new Sequence(path, others.Count, null);
        }

        /// <summary>The path of <c>new StreamReader(path, ...)</c> or <c>File.OpenText(path)</c>; null for a reader over a stream.</summary>
        private static IOperation? OpenedPath(IOperation opened)
        {
            switch (opened)
            {
                case IObjectCreationOperation { Constructor: { } constructor, Arguments.Length: >= 1 } creation
                    when IsSystemIOType(constructor.ContainingType, "StreamReader", null) && constructor.Parameters[0] is { Name: "path", Type.SpecialType: SpecialType.System_String }:
                    return creation.Arguments[0].Value;
                case IInvocationOperation { TargetMethod.Name: "OpenText", Arguments.Length: 1 } open when open.TargetMethod.IsStatic && IsSystemIOType(open.TargetMethod.ContainingType, "File", null):
                    return open.Arguments[0].Value;
                default:
                    return null;
            }
        }

        private static bool WritesLine(IOperation read, ILocalSymbol line)
        {
            var (_, consumer) = MLNetOperationValues.ConsumerOf(read);
            return consumer switch
            {
                IVariableInitializerOperation { Parent: IVariableDeclaratorOperation declarator } => SymbolEqualityComparer.Default.Equals(declarator.Symbol, line),
                ISimpleAssignmentOperation { Target: ILocalReferenceOperation target } => SymbolEqualityComparer.Default.Equals(target.Local, line),
                _ => false,
            };
        }

        private static bool IsReadLineOf(IOperation value, ILocalSymbol reader)
            => MLNetOperationValues.Unwrap(value) is IInvocationOperation { TargetMethod.Name: "ReadLine", Arguments.Length: 0, Instance: ILocalReferenceOperation instance }
               && SymbolEqualityComparer.Default.Equals(instance.Local, reader);

        private static bool IsNullConstant(IOperation value) => MLNetOperationValues.Unwrap(value).ConstantValue is { HasValue: true, Value: null };

        /// <summary>Whether every loop around <paramref name="header"/> is also around <paramref name="firstLine"/> (a header read once, not per row).</summary>
        private static bool LoopsAlsoAround(IOperation header, IOperation firstLine)
        {
            for (var current = header.Parent; current is not null; current = current.Parent)
            {
                if (current is not ILoopOperation loop)
                    continue;
                var inside = false;
                for (var around = firstLine.Parent; around is not null && !inside; around = around.Parent)
                    inside = around == loop;
                if (!inside)
                    return false;
            }
            return true;
        }

        private static bool IsSystemIOType(INamedTypeSymbol? type, string name, string? other)
            => type is not null && (type.Name == name || type.Name == other)
               && type.ContainingNamespace is { Name: "IO", ContainingNamespace: { Name: "System", ContainingNamespace.IsGlobalNamespace: true } };

        /// <summary>The sequence a lambda parameter of <c>Select</c>/<c>Where</c> ranges over.</summary>
        private static Sequence? ElementOfQuery(IParameterReferenceOperation parameter, MLNetOperationValues values, int depth)
        {
            for (IOperation? current = parameter; current is not null; current = current.Parent)
            {
                if (current is not IAnonymousFunctionOperation lambda)
                    continue;
                if (!SymbolEqualityComparer.Default.Equals(lambda.Symbol, parameter.Parameter.ContainingSymbol))
                    continue;
                var (top, consumer) = MLNetOperationValues.ConsumerOf(lambda);
                if (consumer is IDelegateCreationOperation creation)
                    (_, consumer) = MLNetOperationValues.ConsumerOf(creation);
                if (consumer is IArgumentOperation { Parent: IInvocationOperation { TargetMethod.Name: "Select" or "Where", Arguments.Length: 2 } query }
                    && IsEnumerableMethod(query.TargetMethod) && lambda.Symbol.Parameters.Length == 1)
                    return Elements(query.Arguments[0].Value, values, depth + 1);
                return null;
            }
            return null;
        }

        /// <summary>
        /// The elements of a sequence of the file: <c>File.ReadLines(path)</c>/<c>ReadAllLines(path)</c>, <c>Skip(n)</c>,
        /// <c>Where(...)</c>, <c>Select(line => line.Split(','))</c>, <c>ToList</c>/<c>ToArray</c>, locals.
        /// </summary>
        private static Sequence? Elements(IOperation operation, MLNetOperationValues values, int depth)
        {
            if (depth > MaxDepth)
                return null;
            operation = MLNetOperationValues.Unwrap(operation);
            if (operation is ILocalReferenceOperation local)
                return values.ValueAt(local) is { } held ? Elements(held, values, depth + 1) : null;
            if (operation is not IInvocationOperation invocation)
                return null;
            var method = invocation.TargetMethod;
            if (method.IsStatic && method.Name is "ReadLines" or "ReadAllLines" && invocation.Arguments.Length >= 1
                && method.ContainingType is { Name: "File", ContainingNamespace: { Name: "IO", ContainingNamespace: { Name: "System", ContainingNamespace.IsGlobalNamespace: true } } })
                return new Sequence(invocation.Arguments[0].Value, 0, null);
            if (!IsEnumerableMethod(method) || invocation.Arguments.Length == 0)
                return null;
            var inner = invocation.Arguments[0].Value;
            switch (method.Name)
            {
                case "ToList" or "ToArray" or "AsEnumerable" or "Where" when method.Name != "Where" || invocation.Arguments.Length == 2:
                    return Elements(inner, values, depth + 1);
                case "Skip" when invocation.Arguments.Length == 2 && invocation.Arguments[1].Value.ConstantValue is { HasValue: true, Value: int count } && count >= 0:
                    return Elements(inner, values, depth + 1) is { } skipped ? new Sequence(skipped.Path, skipped.Skipped + count, skipped.Separator) : null;
                case "Select" when invocation.Arguments.Length == 2 && MLNetOperationValues.LambdaOf(invocation.Arguments[1].Value) is { } lambda:
                    // Select(line => line.Split(',')): the lines split into fields.
                    var results = ReturnedValues(lambda);
                    return results.Length == 1 ? Fields(results[0], values, depth + 1) : null;
                default:
                    return null;
            }
        }

        /// <summary>The collection of the <c>foreach</c> that declares <paramref name="local"/> as its loop variable, or null.</summary>
        private static IOperation? ForEachOver(ILocalReferenceOperation local)
        {
            for (var current = local.Parent; current is not null; current = current.Parent)
            {
                if (current is IForEachLoopOperation loop && loop.LoopControlVariable is IVariableDeclaratorOperation declarator
                    && SymbolEqualityComparer.Default.Equals(declarator.Symbol, local.Local))
                    return loop.Collection;
            }
            return null;
        }

        private static ImmutableArray<IOperation> ReturnedValues(IAnonymousFunctionOperation lambda)
        {
            var builder = ImmutableArray.CreateBuilder<IOperation>();
            foreach (var operation in MethodBody.Descendants(lambda.Body))
            {
                if (operation is IReturnOperation { ReturnedValue: { } value })
                    builder.Add(value);
            }
            return builder.ToImmutable();
        }

        /// <summary>The one separator of <c>line.Split(',')</c>, <c>Split(",")</c>, <c>Split(new[] { ';' })</c>; null for several, or options that drop empty fields.</summary>
        private static string? SplitSeparator(IInvocationOperation split)
        {
            string? separator = null;
            foreach (var argument in split.Arguments)
            {
                var value = MLNetOperationValues.Unwrap(argument.Value);
                if (argument.Parameter?.Type.TypeKind == TypeKind.Enum)
                {
                    // StringSplitOptions.None or TrimEntries keep every field where it is.
                    if (argument.ArgumentKind != ArgumentKind.DefaultValue && value.ConstantValue is not { HasValue: true, Value: 0 or 2 })
                        return null;
                    continue;
                }
                if (argument.ArgumentKind == ArgumentKind.DefaultValue)
                    continue;
                if (separator is not null)
                    return null;
                switch (value)
                {
                    case { ConstantValue: { HasValue: true, Value: char c } }:
                        separator = c.ToString();
                        break;
                    case { ConstantValue: { HasValue: true, Value: string { Length: 1 } text } }:
                        separator = text;
                        break;
                    case IArrayCreationOperation { Initializer.ElementValues: { Length: 1 } elements }
                        when MLNetOperationValues.Unwrap(elements[0]).ConstantValue is { HasValue: true, Value: char only }:
                        separator = only.ToString();
                        break;
                    case IArrayCreationOperation { Initializer.ElementValues.Length: 1 } paramsArray
                        when MLNetOperationValues.Unwrap(paramsArray.Initializer!.ElementValues[0]).ConstantValue is { HasValue: true, Value: string { Length: 1 } single }:
                        separator = single;
                        break;
                    default:
                        return null;
                }
            }
            return separator;
        }
    }
}
