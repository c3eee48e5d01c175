using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using ScalingAnalyzer.Analysis.DataFiles;

namespace ScalingAnalyzer.Analysis.MLNet;

/// <summary>One ML.NET column of a text loader and the file columns it reads (0-based, inclusive ranges).</summary>
internal sealed class LoadedColumn
{
    public LoadedColumn(string name, ImmutableArray<(int First, int Last)> sources)
    {
        Name = name;
        Sources = sources;
    }

    public string Name { get; }
    public ImmutableArray<(int First, int Last)> Sources { get; }
}

/// <summary>
/// What a text loader call says about the file it reads, as the code states it: the format (separatorChar or
/// Options.Separators, hasHeader, allowQuoting) and the columns, from the row class's <c>[LoadColumn(i)]</c>,
/// <c>[LoadColumn(start, end)]</c>, <c>[LoadColumn(new[] { ... })]</c> (and <c>[ColumnName]</c>) for the generic
/// overloads, or from <c>TextLoader.Column</c> arrays (index, min..max, <c>TextLoader.Range</c>s). Anything not a
/// compile-time constant leaves the format or the columns unknown.
/// </summary>
internal sealed class TextLoaderColumns
{
    private TextLoaderColumns(DataFileFormat? format, ImmutableArray<LoadedColumn> columns)
    {
        Format = format;
        Columns = columns;
    }

    /// <summary>Null when the code's separator, header or quoting is not constant, or the file is sparse.</summary>
    public DataFileFormat? Format { get; }

    /// <summary>Default when the columns cannot be read.</summary>
    public ImmutableArray<LoadedColumn> Columns { get; }

    /// <summary>
    /// <paramref name="loader"/> is LoadFromTextFile or CreateTextLoader (either form); <paramref name="resolve"/>
    /// follows locals to the options object.
    /// </summary>
    public static TextLoaderColumns Read(IInvocationOperation loader, MLNetKnownSymbols symbols, System.Func<IOperation, IOperation?> resolve,
        ParameterConstants? constants = null, System.Threading.CancellationToken cancellationToken = default)
    {
        var method = loader.TargetMethod;
        var separators = "\t";
        bool hasHeader = false, allowQuoting = false, formatKnown = true;
        var decimalMarker = '.';
        ImmutableArray<LoadedColumn> columns = default;
        IOperation? columnsArgument = null;
        foreach (var argument in loader.Arguments)
        {
            if (argument.Parameter is not { } parameter)
                continue;
            var value = argument.Value;
            // Model Builder's LoadIDataViewFromFile(mlContext, path, separatorChar, hasHeader): the constants every call passes.
            var constant = value.ConstantValue.HasValue || constants is null || parameter.Name is not ("separatorChar" or "hasHeader" or "allowQuoting" or "allowSparse")
                ? value.ConstantValue
                : constants.ConstantOf(value, cancellationToken);
            switch (parameter.Name)
            {
                case "separatorChar":
                    if (constant is { HasValue: true, Value: char separator })
                        separators = separator.ToString();
                    else
                        formatKnown = false;
                    break;
                case "hasHeader":
                    formatKnown &= ReadBool(constant, ref hasHeader);
                    break;
                case "allowQuoting":
                    formatKnown &= ReadBool(constant, ref allowQuoting);
                    break;
                case "allowSparse":
                    var sparse = false;
                    formatKnown &= ReadBool(constant, ref sparse) && !sparse;
                    break;
                case "columns":
                    columnsArgument = value;
                    break;
                case "options":
                    if (IsNull(value))
                        break;
                    if (!ReadOptions(OptionsCreation(resolve(value), cancellationToken), ref separators, ref hasHeader, ref allowQuoting, ref decimalMarker, out var optionsColumns))
                        formatKnown = false;
                    columnsArgument = optionsColumns;
                    break;
            }
        }
        if (method.IsGenericMethod && method.TypeArguments.Length == 1)
            columns = ColumnsOfRowType(method.TypeArguments[0], symbols);
        else if (columnsArgument is not null)
            columns = ColumnsOfArray(resolve(columnsArgument) ?? columnsArgument, resolve);
        // ML.NET refuses a decimal marker that is also a separator.
        formatKnown &= separators.IndexOf(decimalMarker) < 0;
        return new TextLoaderColumns(formatKnown ? new DataFileFormat(separators, hasHeader, allowQuoting, decimalMarker) : null, columns);
    }

    private static bool IsNull(IOperation value) => MLNetOperationValues.Unwrap(value).ConstantValue is { HasValue: true, Value: null };

    private static bool ReadBool(IOperation value, ref bool result) => ReadBool(value.ConstantValue, ref result);

    private static bool ReadBool(Optional<object?> value, ref bool result)
    {
        if (value is { HasValue: true, Value: bool constant })
        {
            result = constant;
            return true;
        }
        return false;
    }

    /// <summary>
    /// The <c>new TextLoader.Options { ... }</c> an options argument comes from: the expression itself, or, written the
    /// way UWP and console samples keep their loader settings apart, a method of the project that returns one
    /// (<c>static TextLoader.Options ReaderOptions() => new TextLoader.Options { ... }</c>, or a body with one
    /// <c>return</c>; not virtual, abstract or partial) or a <c>static readonly</c> / <c>readonly</c> field or get-only
    /// property whose initializer is its only write. At most three such steps; anything else is returned as it is (and
    /// then read as unknown). A setting that reads a parameter of the helper is not a constant, so the format stays unknown.
    /// </summary>
    internal static IOperation? OptionsCreation(IOperation? options, System.Threading.CancellationToken cancellationToken)
    {
        for (var step = 0; step < 3 && options is not null and not IObjectCreationOperation; step++)
        {
            var (member, expression) = options switch
            {
                IInvocationOperation { TargetMethod: var method } when method.Parameters.IsEmpty && !method.IsVirtual && !method.IsAbstract
                    && !method.IsOverride && !method.IsExtern && method.PartialImplementationPart is null && method.PartialDefinitionPart is null
                    => ((ISymbol)method, SingleReturnedExpression(method, cancellationToken)),
                IFieldReferenceOperation { Field: { IsReadOnly: true } field } => (field, InitializerOf(field, cancellationToken)),
                IPropertyReferenceOperation { Property: { SetMethod: null, IsIndexer: false, IsVirtual: false, IsAbstract: false, IsOverride: false } property }
                    => (property, InitializerOf(property, cancellationToken)),
                _ => ((ISymbol?)null, (Microsoft.CodeAnalysis.CSharp.Syntax.ExpressionSyntax?)null),
            };
            if (member is null || expression is null
                || member.ContainingAssembly is not ISourceAssemblySymbol { Compilation: var compilation }
                || !compilation.ContainsSyntaxTree(expression.SyntaxTree))
                return options;
            if (member is IFieldSymbol written && FieldAccesses.IsWrittenOutsideInitializer(written, compilation, cancellationToken))
                return options;
            options = MLNetOperationValues.Unwrap(compilation.GetSemanticModel(expression.SyntaxTree).GetOperation(expression, cancellationToken) ?? options);
        }
        return options;
    }

    private static Microsoft.CodeAnalysis.CSharp.Syntax.ExpressionSyntax? SingleReturnedExpression(IMethodSymbol method, System.Threading.CancellationToken cancellationToken)
    {
        if (method.DeclaringSyntaxReferences.Length != 1)
            return null;
        switch (method.DeclaringSyntaxReferences[0].GetSyntax(cancellationToken))
        {
            case Microsoft.CodeAnalysis.CSharp.Syntax.MethodDeclarationSyntax { ExpressionBody: { } arrow }:
                return arrow.Expression;
            case Microsoft.CodeAnalysis.CSharp.Syntax.MethodDeclarationSyntax { Body: { } body }:
                Microsoft.CodeAnalysis.CSharp.Syntax.ExpressionSyntax? found = null;
                foreach (var node in body.DescendantNodes(node => node is not (Microsoft.CodeAnalysis.CSharp.Syntax.LambdaExpressionSyntax
                             or Microsoft.CodeAnalysis.CSharp.Syntax.AnonymousMethodExpressionSyntax or Microsoft.CodeAnalysis.CSharp.Syntax.LocalFunctionStatementSyntax)))
                {
                    if (node is Microsoft.CodeAnalysis.CSharp.Syntax.ReturnStatementSyntax statement)
                    {
                        if (found is not null || statement.Expression is null)
                            return null;
                        found = statement.Expression;
                    }
                }
                return found;
            default:
                return null;
        }
    }

    private static Microsoft.CodeAnalysis.CSharp.Syntax.ExpressionSyntax? InitializerOf(ISymbol member, System.Threading.CancellationToken cancellationToken)
    {
        if (member.DeclaringSyntaxReferences.Length != 1)
            return null;
        return member.DeclaringSyntaxReferences[0].GetSyntax(cancellationToken) switch
        {
            Microsoft.CodeAnalysis.CSharp.Syntax.VariableDeclaratorSyntax { Initializer: { } value } => value.Value,
            Microsoft.CodeAnalysis.CSharp.Syntax.PropertyDeclarationSyntax { ExpressionBody: { } arrow } => arrow.Expression,
            // { get; } = new ...: an auto-property with no setter is written only by its initializer and constructors.
            Microsoft.CodeAnalysis.CSharp.Syntax.PropertyDeclarationSyntax { Initializer: { } value, AccessorList: { } accessors } when accessors.Accessors.Count == 1
                => value.Value,
            _ => null,
        };
    }

    /// <summary>
    /// <c>new TextLoader.Options { Separators = new[] { ';' }, HasHeader = true, DecimalMarker = ',', Columns = ... }</c>;
    /// false when some setting is not constant.
    /// </summary>
    private static bool ReadOptions(IOperation? options, ref string separators, ref bool hasHeader, ref bool allowQuoting, ref char decimalMarker, out IOperation? columns)
    {
        columns = null;
        if (options is not IObjectCreationOperation creation || creation.Arguments.Length != 0)
            return false;
        if (creation.Initializer is null)
            return true;
        foreach (var item in creation.Initializer.Initializers)
        {
            if (item is not ISimpleAssignmentOperation { Target: IMemberReferenceOperation { Member: var member } } assignment)
                return false;
            var value = assignment.Value;
            switch (member.Name)
            {
                case "Separators":
                    if (!ReadChars(value, out separators))
                        return false;
                    break;
                case "HasHeader":
                    if (!ReadBool(value, ref hasHeader))
                        return false;
                    break;
                case "AllowQuoting":
                    if (!ReadBool(value, ref allowQuoting))
                        return false;
                    break;
                case "DecimalMarker":
                    if (MLNetOperationValues.Unwrap(value).ConstantValue is not { HasValue: true, Value: char marker and ('.' or ',') })
                        return false;
                    decimalMarker = marker;
                    break;
                case "AllowSparse":
                    var sparse = false;
                    if (!ReadBool(value, ref sparse) || sparse)
                        return false;
                    break;
                case "Columns":
                    columns = value;
                    break;
            }
        }
        return true;
    }

    private static bool ReadChars(IOperation value, out string chars)
    {
        chars = "";
        if (MLNetOperationValues.Unwrap(value) is not IArrayCreationOperation { Initializer: { } initializer } || initializer.ElementValues.IsEmpty)
            return false;
        foreach (var element in initializer.ElementValues)
        {
            if (MLNetOperationValues.Unwrap(element).ConstantValue is not { HasValue: true, Value: char c })
                return false;
            chars += c;
        }
        return true;
    }

    /// <summary>The [LoadColumn] members of a row class (fields and properties, base classes included).</summary>
    internal static ImmutableArray<LoadedColumn> ColumnsOfRowType(ITypeSymbol rowType, MLNetKnownSymbols symbols)
    {
        var builder = ImmutableArray.CreateBuilder<LoadedColumn>();
        for (var type = rowType; type is not null && type.SpecialType != SpecialType.System_Object; type = type.BaseType)
        {
            foreach (var member in type.GetMembers())
            {
                if (member is not (IFieldSymbol or IPropertySymbol) || member.IsStatic)
                    continue;
                ImmutableArray<(int, int)> sources = default;
                string name = member.Name;
                foreach (var attribute in member.GetAttributes())
                {
                    if (symbols.LoadColumnAttribute.Matches(attribute.AttributeClass))
                        sources = LoadColumnSources(attribute);
                    else if (symbols.ColumnNameAttribute.Matches(attribute.AttributeClass)
                             && attribute.ConstructorArguments.Length == 1 && attribute.ConstructorArguments[0].Value is string renamed)
                        name = renamed;
                }
                if (!sources.IsDefaultOrEmpty)
                    builder.Add(new LoadedColumn(name, sources));
            }
        }
        return builder.ToImmutable();
    }

    private static ImmutableArray<(int, int)> LoadColumnSources(AttributeData attribute)
    {
        var arguments = attribute.ConstructorArguments;
        if (arguments.Length == 1 && arguments[0].Kind == TypedConstantKind.Primitive && arguments[0].Value is int index)
            return ImmutableArray.Create((index, index));
        if (arguments.Length == 2 && arguments[0].Value is int start && arguments[1].Value is int end && end >= start)
            return ImmutableArray.Create((start, end));
        if (arguments.Length == 1 && arguments[0].Kind == TypedConstantKind.Array && !arguments[0].Values.IsDefaultOrEmpty)
        {
            var builder = ImmutableArray.CreateBuilder<(int, int)>();
            foreach (var item in arguments[0].Values)
            {
                if (item.Value is not int column)
                    return default;
                builder.Add((column, column));
            }
            return builder.ToImmutable();
        }
        return default;
    }

    /// <summary><c>new[] { new TextLoader.Column("Size", DataKind.Single, 0), new TextLoader.Column("Pixels", DataKind.Single, 0, 63) }</c>.</summary>
    private static ImmutableArray<LoadedColumn> ColumnsOfArray(IOperation columns, System.Func<IOperation, IOperation?> resolve)
    {
        if (MLNetOperationValues.Unwrap(columns) is not IArrayCreationOperation { Initializer: { } initializer })
            return default;
        var builder = ImmutableArray.CreateBuilder<LoadedColumn>(initializer.ElementValues.Length);
        foreach (var element in initializer.ElementValues)
        {
            if (ColumnOfCreation(MLNetOperationValues.Unwrap(element), resolve) is { } column)
                builder.Add(column);
        }
        return builder.ToImmutable();
    }

    private static LoadedColumn? ColumnOfCreation(IOperation element, System.Func<IOperation, IOperation?> resolve)
    {
        if (element is not IObjectCreationOperation creation)
            return null;
        string? name = null;
        var sources = new List<(int, int)>();
        var ints = new List<int>();
        foreach (var argument in creation.Arguments)
        {
            var value = MLNetOperationValues.Unwrap(argument.Value);
            switch (argument.Parameter?.Name)
            {
                case "name":
                    name = MLNetOperationValues.ConstantString(value);
                    break;
                case "index" or "minIndex" or "maxIndex":
                    if (value.ConstantValue is not { HasValue: true, Value: int index })
                        return null;
                    ints.Add(index);
                    break;
                case "source":
                    if (!ReadRanges(resolve(value) ?? value, sources))
                        return null;
                    break;
            }
        }
        if (creation.Initializer is { } initializer)
        {
            foreach (var item in initializer.Initializers)
            {
                if (item is not ISimpleAssignmentOperation { Target: IMemberReferenceOperation { Member: var member } } assignment)
                    continue;
                if (member.Name == "Name")
                    name = MLNetOperationValues.ConstantString(assignment.Value);
                else if (member.Name == "Source" && !ReadRanges(assignment.Value, sources))
                    return null;
            }
        }
        if (ints.Count == 1)
            sources.Add((ints[0], ints[0]));
        else if (ints.Count == 2 && ints[1] >= ints[0])
            sources.Add((ints[0], ints[1]));
        return name is null || sources.Count == 0 ? null : new LoadedColumn(name, sources.ToImmutableArray());
    }

    private static bool ReadRanges(IOperation value, List<(int, int)> sources)
    {
        if (MLNetOperationValues.Unwrap(value) is not IArrayCreationOperation { Initializer: { } initializer })
            return false;
        foreach (var element in initializer.ElementValues)
        {
            if (MLNetOperationValues.Unwrap(element) is not IObjectCreationOperation range)
                return false;
            int? min = null, max = null;
            foreach (var argument in range.Arguments)
            {
                var constant = MLNetOperationValues.Unwrap(argument.Value).ConstantValue;
                switch (argument.Parameter?.Name)
                {
                    case "index" when constant is { HasValue: true, Value: int index }:
                        min = max = index;
                        break;
                    case "min" when constant is { HasValue: true, Value: int first }:
                        min = first;
                        break;
                    case "max" when constant is { HasValue: true, Value: int last }:
                        max = last;
                        break;
                    default:
                        return false;
                }
            }
            if (min is not { } lo || max is not { } hi || hi < lo)
                return false;
            sources.Add((lo, hi));
        }
        return true;
    }
}
