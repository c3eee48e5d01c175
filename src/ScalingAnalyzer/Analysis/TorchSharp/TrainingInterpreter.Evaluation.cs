using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace ScalingAnalyzer.Analysis;

/// <summary>Expressions: constants, locals, conversions, arithmetic, arrays, tuples, assignments and calls.</summary>
internal sealed partial class TrainingInterpreter
{
    internal TorchSymbols Symbols => _symbols;

    /// <summary>The value before the innermost <c>?.</c> being evaluated.</summary>
    private AbstractValue? _conditionalInstance;

    internal AbstractValue Evaluate(IOperation? operation)
    {
        if (operation is null)
            return AbstractValue.Unknown;
        // Read once: every read of ConstantValue boxes the constant anew.
        var constantValue = operation.ConstantValue;
        if (constantValue.HasValue && TryConstant(constantValue.Value, out var constant))
            return constant;
        var value = EvaluateCore(operation);
        // A byte is 0..255 by its type, however it was read (File.ReadAllBytes, a pixel buffer).
        return !value.Range.IsKnown && IsByteTyped(operation.Type) ? value with { Range = Interval.Of(0, 255), Kind = ElementKind.Integer } : value;
    }

    private static bool IsByteTyped(ITypeSymbol? type)
    {
        // Asked of nearly every value the interpreter meets: the type's kind first, which needs no interface cast, and
        // a special type other than byte (float, int, string, ...) is not a byte, an array or a collection of them.
        if (type is null || type.SpecialType != SpecialType.None)
            return type?.SpecialType == SpecialType.System_Byte;
        while (type.TypeKind == TypeKind.Array)
            type = ((IArrayTypeSymbol)type).ElementType;
        if (type.TypeKind is TypeKind.Class or TypeKind.Struct or TypeKind.Interface && type is INamedTypeSymbol { Arity: 1 } named && IsNumericCollectionName(named.Name))
            type = GenericTypes.OnlyTypeArgument(named);
        return type?.SpecialType == SpecialType.System_Byte;
    }

    private AbstractValue EvaluateCore(IOperation operation)
    {
        switch (operation)
        {
            case ILocalReferenceOperation local:
                return _environment.TryGetValue(local.Local, out var localValue) ? localValue : AbstractValue.Unknown;
            case IParameterReferenceOperation parameter:
                return ParameterValue(parameter.Parameter);
            case IParenthesizedOperation parenthesized:
                return Evaluate(parenthesized.Operand);
            case IConversionOperation conversion:
                return Convert(conversion);
            case IBinaryOperation binary:
                return Binary(binary);
            case IUnaryOperation unary:
                return Unary(unary);
            case IInvocationOperation invocation:
                return Invoke(invocation);
            case ISimpleAssignmentOperation assignment:
                var assigned = Evaluate(assignment.Value);
                HeaderKeyedWrite(assignment);
                // table[i, j] = (table[i, j] - mins[j]) / (maxs[j] - mins[j]): the data rescaled in place, element by
                // element, by numbers of its own; unless the loops are seen to rewrite only some elements (ElementRewrite),
                // its range is no longer known, and it is no suggestion to scale either.
                if (ElementRewrite(assignment, assignment.Target, assignment.Value, assigned, compound: false) is { } plainWrite)
                    assigned = plainWrite;
                else if (assignment.Target is IArrayElementReferenceOperation or IPropertyReferenceOperation { Property.IsIndexer: true } && RescalesInPlace(assignment.Target, assignment.Value))
                    assigned = assigned.Derived() with { Range = Interval.Unknown, Columns = default, PartlyScaled = true, Evidence = null, JoinedColumns = false };
                Assign(assignment.Target, assigned);
                return assigned;
            case ICompoundAssignmentOperation compound:
                var combined = Arithmetic(compound.OperatorKind, Evaluate(compound.Target), Evaluate(compound.Value), IsIntegral(compound.Type));
                // pixels[i] /= 255f, table[i, j] /= stds[j]: rescaled in place, as above.
                if (ElementRewrite(compound, compound.Target, compound.Value, combined, compound: true) is { } plainCompound)
                    combined = plainCompound;
                else if (compound.Target is IArrayElementReferenceOperation or IPropertyReferenceOperation { Property.IsIndexer: true } && compound.OperatorKind == BinaryOperatorKind.Divide)
                    combined = combined.Derived() with { Range = Interval.Unknown, Columns = default, PartlyScaled = true, Evidence = null, JoinedColumns = false };
                Assign(compound.Target, combined);
                return combined;
            case IIncrementOrDecrementOperation increment:
                var counter = Evaluate(increment.Target);
                var stepped = Arithmetic(increment.Kind == OperationKind.Increment ? BinaryOperatorKind.Add : BinaryOperatorKind.Subtract, counter, AbstractValue.Data(Interval.Constant(1), ValueOrigin.Literal, ElementKind.Integer), IsIntegral(increment.Type));
                Assign(increment.Target, stepped);
                return stepped;
            case IDeconstructionAssignmentOperation deconstruction:
                var tuple = Evaluate(deconstruction.Value);
                Deconstruct(deconstruction.Target, tuple);
                return tuple;
            case IArrayCreationOperation arrayCreation:
                return ArrayCreation(arrayCreation);
            case IArrayElementReferenceOperation element:
                return ArrayElement(element);
            case IPropertyReferenceOperation property:
                return Property(property);
            case IFieldReferenceOperation field:
                return Field(field);
            case ITupleOperation tupleOperation:
                var elements = ImmutableArray.CreateBuilder<AbstractValue>(tupleOperation.Elements.Length);
                foreach (var item in tupleOperation.Elements)
                    elements.Add(Evaluate(item));
                return AbstractValue.Unknown.WithElements(elements.MoveToImmutable());
            case IObjectCreationOperation creation:
                return ObjectCreation(creation);
            case IConditionalOperation ternary:
                var condition = Evaluate(ternary.Condition);
                // hasHeader ? 1 : 0 with the flag a constant the caller passed (see CallUser), or a const flag: that branch alone.
                if (ternary.WhenFalse is not null && KnownFlag(ternary.Condition, condition) is { } flag)
                    return flag ? Evaluate(ternary.WhenTrue) : Evaluate(ternary.WhenFalse);
                return Evaluate(ternary.WhenTrue).Join(Evaluate(ternary.WhenFalse));
            case ICoalesceOperation coalesce:
                // _inputs ?? throw new InvalidOperationException(...): the value, or no value at all.
                if (Strip(coalesce.WhenNull) is IThrowOperation)
                    return Evaluate(coalesce.Value);
                return Evaluate(coalesce.Value).Join(Evaluate(coalesce.WhenNull));
            case ISwitchExpressionOperation switchExpression:
                return SwitchArms(switchExpression);
            case IInterpolatedStringOperation interpolated:
                return Interpolation(interpolated);
            case IAwaitOperation awaitOperation:
                return Evaluate(awaitOperation.Operation);
            case IConditionalAccessOperation conditionalAccess:
                // reader.ReadLine()?.Split(','): the part after ?. runs on the value before it.
                var accessed = Evaluate(conditionalAccess.Operation);
                var outer = _conditionalInstance;
                _conditionalInstance = accessed;
                try
                {
                    return Evaluate(conditionalAccess.WhenNotNull);
                }
                finally
                {
                    _conditionalInstance = outer;
                }
            case IConditionalAccessInstanceOperation:
                return _conditionalInstance ?? AbstractValue.Unknown;
            case IArgumentOperation argumentOperation:
                return Evaluate(argumentOperation.Value);
            case IInstanceReferenceOperation:
                return ThisObject();
            case IDelegateCreationOperation delegateCreation:
                return AbstractValue.Unknown with { Callable = CallableBody(delegateCreation.Target) };
            case IAnonymousFunctionOperation lambda:
                return AbstractValue.Unknown with { Callable = lambda.Body };
            case ILocalFunctionOperation:
                return AbstractValue.Unknown;
            case IInvalidOperation:
            default:
                // Half-typed or unmodelled code: evaluate children for their calls, know nothing about the result.
                foreach (var child in operation.ChildOperations)
                {
                    if (child is not IAnonymousFunctionOperation)
                        Evaluate(child);
                }
                return AbstractValue.Unknown;
        }
    }

    private static bool TryConstant(object? value, out AbstractValue result)
    {
        if (NumericConstant.ToDouble(value) is not { } number)
        {
            result = AbstractValue.Unknown;
            return false;
        }
        var kind = NumericConstant.IsInteger(value) ? ElementKind.Integer : ElementKind.Floating;
        result = AbstractValue.Data(Interval.Constant(number), ValueOrigin.Literal, kind);
        return true;
    }

    private AbstractValue ParameterValue(IParameterSymbol parameter)
    {
        if (_environment.TryGetValue(parameter, out var value))
            return value;
        value = _parameterConstants is not null && _parameterConstants.TryGetValue(parameter.Ordinal, out var constant)
            ? AbstractValue.Data(Interval.Constant(constant), ValueOrigin.Literal, ElementKindOf(parameter.Type))
            : AbstractValue.Data(Interval.Unknown, ValueOrigin.Parameter, ElementKindOf(parameter.Type)).WithParameterOrdinal(parameter.Ordinal);
        _environment[parameter] = value;
        return value;
    }

    private void Assign(IOperation target, AbstractValue value)
    {
        switch (target)
        {
            case ILocalReferenceOperation local:
                _environment[local.Local] = value;
                break;
            case IParameterReferenceOperation parameter:
                _environment[parameter.Parameter] = value;
                break;
            case IArrayElementReferenceOperation element:
                // An array element written: the array's range now also covers the written value.
                foreach (var index in element.Indices)
                    Evaluate(index);
                var arraySymbol = Strip(element.ArrayReference) switch
                {
                    ILocalReferenceOperation l => (ISymbol)l.Local,
                    IParameterReferenceOperation p => p.Parameter,
                    _ => null,
                };
                arraySymbol ??= Strip(element.ArrayReference) is IFieldReferenceOperation { Instance: null or IInstanceReferenceOperation } arrayField ? arrayField.Field : null;
                // rows[i][j] = v in a jagged array: a number of one of its rows.
                var jagged = arraySymbol is null && Strip(element.ArrayReference) is IArrayElementReferenceOperation { ArrayReference: var outer } && Strip(outer) is ILocalReferenceOperation or IParameterReferenceOperation or IFieldReferenceOperation { Instance: null or IInstanceReferenceOperation };
                var baseReference = element.ArrayReference;
                if (jagged)
                {
                    baseReference = ((IArrayElementReferenceOperation)Strip(element.ArrayReference)).ArrayReference;
                    arraySymbol = Strip(baseReference) switch
                    {
                        ILocalReferenceOperation l => (ISymbol)l.Local,
                        IParameterReferenceOperation p => p.Parameter,
                        IFieldReferenceOperation f => f.Field,
                        _ => null,
                    };
                }
                // Pixels[i] = b with Pixels an auto-property of the object being built: its backing field.
                arraySymbol ??= Strip(element.ArrayReference) is IPropertyReferenceOperation { Instance: null or IInstanceReferenceOperation, Property: var arrayProperty } && IsAutoProperty(arrayProperty) ? arrayProperty : null;
                if (!jagged && value.Members is not null && element.Indices.Length == 1 && arraySymbol is ILocalSymbol or IParameterSymbol
                    && _environment.TryGetValue(arraySymbol, out var objects) && (objects.IsEmptyCollection || objects.Element is not null))
                {
                    // rows[i] = new Row(...) / new Shipment { ... }: an array of your objects holds the objects written.
                    WriteVariable(arraySymbol, objects.IsEmptyCollection ? CollectionOf(value) : objects with { Element = objects.Element!.Join(value) }, mutation: true);
                    break;
                }
                if (arraySymbol is not null && (_environment.TryGetValue(arraySymbol, out var array) || arraySymbol is IFieldSymbol or IPropertySymbol && (array = Evaluate(baseReference)) is not null))
                {
                    var origin = AbstractValue.CombineOrigins(array.Origin, value.Origin == ValueOrigin.Literal ? array.Origin : value.Origin);
                    var (scaling, mixed) = ScalingOfWrite(array, value);
                    var filled = array.IsEmptyCollection
                        ? value.WithRows(null)
                        : array with
                        {
                            Range = array.Range.Join(value.Range),
                            Columns = jagged ? default : WrittenColumns(array.Columns, element, value.Range),
                            Origin = origin,
                            Scaling = scaling,
                            Evidence = AbstractValue.JoinEvidence(array, value),
                            JoinedColumns = array.JoinedColumns || value.JoinedColumns,
                            PartlyScaled = array.PartlyScaled || value.PartlyScaled || mixed,
                            RowColumns = jagged ? default : array.RowColumns,
                        };
                    WriteVariable(arraySymbol, filled, mutation: true);
                }
                break;
            case IPropertyReferenceOperation { Property.IsIndexer: true, Arguments.Length: 1, Instance: { } dictionaryReference } dictionaryEntry when IsTensorDictionary(dictionaryEntry.Property.ContainingType):
                // item["data"] = x: an entry of a dictionary of tensors being built (a Dataset's GetTensor).
                if (Strip(dictionaryReference) is ILocalReferenceOperation dictionary && _environment.TryGetValue(dictionary.Local, out var entries))
                    _environment[dictionary.Local] = WithEntry(entries, dictionaryEntry.Arguments[0].Value.ConstantValue, value);
                break;
            case IPropertyReferenceOperation { Property.IsIndexer: true, Instance: { } keyed } dataEntry when IsDataDictionary(dataEntry.Property.ContainingType):
                // columns[name] = scaled: what the dictionary holds is partly scaled from here on (its entries are not told apart).
                foreach (var argument in dataEntry.Arguments)
                    Evaluate(argument.Value);
                if ((value.Scaling != ScalingKind.None || value.PartlyScaled) && Strip(keyed) is ILocalReferenceOperation dictionaryLocal)
                    _environment[dictionaryLocal.Local] = (_environment.TryGetValue(dictionaryLocal.Local, out var held) ? held : AbstractValue.Unknown) with { PartlyScaled = true };
                break;
            case IPropertyReferenceOperation { Property.IsIndexer: true, Instance: { } indexed } indexer when _symbols.IsTensor(indexer.Property.ContainingType):
                // t[j] = v: the tensor now also holds v.
                foreach (var argument in indexer.Arguments)
                    Evaluate(argument.Value);
                var tensor = Evaluate(indexed);
                AssignBack(indexed, tensor.Join(value) with { Identity = tensor.Identity, Rows = tensor.Rows });
                break;
            case IPropertyReferenceOperation { Property: var property } propertyReference when IsAutoProperty(property):
                if (propertyReference.Instance is null or IInstanceReferenceOperation)
                    WriteMember(property, value);
                else if (propertyReference.Instance is { } owner)
                    WriteMemberOf(owner, property, value);
                break;
            case IPropertyReferenceOperation { Property: { IsIndexer: false } property } backedReference when BackingFieldOfSetter(property) is { } backingField:
                // Inputs = x with `set => _inputs = value`: the field the setter stores into.
                if (backedReference.Instance is null or IInstanceReferenceOperation)
                    WriteMember(backingField, value);
                else
                    WriteMemberOf(backedReference.Instance, backingField, value);
                break;
            case IDeclarationExpressionOperation declaration:
                Assign(declaration.Expression, value);
                break;
            case IFieldReferenceOperation { Field: var field } fieldReference when !field.ContainingType.IsTupleType:
                // Assigned in the constructor or method being interpreted, or updated in place (x.div_(s)): later reads here see it.
                if (fieldReference.Instance is null or IInstanceReferenceOperation)
                    WriteMember(field, value);
                else
                    WriteMemberOf(fieldReference.Instance, field, value);
                break;
            case ITupleOperation:
                Deconstruct(target, value);
                break;
        }
    }

    /// <summary>
    /// How an array is scaled once an element is written: a new array's zeros take the scaling of what is written into
    /// them (<c>features[i, 0] = age[i]</c> with <c>age</c> standardized by a helper), every element written the same
    /// way keeps it, and a raw value beside scaled ones (or the other way round) leaves the array unscaled and partly
    /// scaled, judged by its range alone. A small constant (a bias column of ones) changes nothing.
    /// </summary>
    private (ScalingKind Scaling, bool Mixed) ScalingOfWrite(AbstractValue array, AbstractValue value)
    {
        if (value.Scaling == array.Scaling)
            return (array.Scaling, false);
        var smallConstant = value.Origin == ValueOrigin.Literal && value.Range.IsKnown && value.Range.Magnitude <= _options.FeatureMagnitudeThreshold;
        if (value.Scaling == ScalingKind.None)
            return smallConstant ? (array.Scaling, false) : (ScalingKind.None, true);
        var onlyZeros = array.Scaling == ScalingKind.None && array.Origin == ValueOrigin.Literal && array.Range.IsConstant && array.Range.Low == 0;
        return onlyZeros ? (value.Scaling, false) : (ScalingKind.None, true);
    }

    /// <summary>
    /// The columns of dictionaries filled by the file's header (<c>columns[header[c]][row - 1] = float.Parse(cells[c])</c>),
    /// by the header's names: each name holds the numbers written with the loop counter at that name's position. Null
    /// until such a write is seen; only a write whose value reads nothing but the row's fields and a parse is followed.
    /// </summary>
    private Dictionary<ILocalSymbol, Dictionary<string, AbstractValue>>? _headerKeyedColumns;

    /// <summary>
    /// <c>columns[header[c]][row] = float.Parse(cells[c])</c> with <c>header</c> the split header line of a data file of the
    /// project and <c>c</c> the counter of the loop being run: the value is evaluated once per column of the file, the
    /// counter bound to that column, and kept under the column's header name (<see cref="_headerKeyedColumns"/>).
    /// </summary>
    private void HeaderKeyedWrite(ISimpleAssignmentOperation assignment)
    {
        if (Strip(assignment.Target) is not IArrayElementReferenceOperation { Indices.Length: 1, ArrayReference: var columnReference }
            || Strip(columnReference) is not IPropertyReferenceOperation { Property.IsIndexer: true, Arguments.Length: 1 } entry
            || !IsDataDictionary(entry.Property.ContainingType) || entry.Instance is null || Strip(entry.Instance) is not ILocalReferenceOperation dictionary
            || Strip(entry.Arguments[0].Value) is not IArrayElementReferenceOperation { Indices.Length: 1 } key
            || Strip(key.Indices[0]) is not ILocalReferenceOperation { Local: var counter } || !_loopCounters.TryGetValue(counter, out var counted)
            || !ReadsOnlyParsedFields(assignment.Value)
            || Evaluate(key.ArrayReference).FileText is not { IsFields: true, Separators: { } separators, Others.IsEmpty: true } header)
            return;
        if (!OnlyFilledAndRead(dictionary.Local, assignment))
            return;
        var table = header.Files.Read(header.File, new DataFiles.DataFileFormat(separators, hasHeader: true, allowQuoting: false), _options.DataFileLimits, _cancellationToken);
        if (!table.IsKnown || table.Headers.IsDefaultOrEmpty)
            return;
        var names = table.Headers;
        var last = Math.Min(names.Length - 1, counted.End ?? int.MaxValue);
        if (counted.Start < 0 || last - counted.Start >= DataFiles.DataFileLimits.MaxColumns)
            return;
        _headerKeyedColumns ??= new Dictionary<ILocalSymbol, Dictionary<string, AbstractValue>>(SymbolEqualityComparer.Default);
        if (!_headerKeyedColumns.TryGetValue(dictionary.Local, out var columns))
            _headerKeyedColumns[dictionary.Local] = columns = new Dictionary<string, AbstractValue>(StringComparer.Ordinal);
        var hadCounter = _environment.TryGetValue(counter, out var counterValue);
        try
        {
            for (var column = counted.Start; column <= last; column++)
            {
                if (names[column]?.Trim() is not { Length: > 0 } name || names.Count(other => string.Equals(other?.Trim(), name, StringComparison.Ordinal)) != 1)
                    continue;
                _environment[counter] = AbstractValue.Data(Interval.Constant(column), ValueOrigin.Literal, ElementKind.Integer);
                var value = Evaluate(assignment.Value).WithRows(null);
                columns[name] = columns.TryGetValue(name, out var held) ? held.Join(value) : value;
            }
        }
        finally
        {
            if (hadCounter)
                _environment[counter] = counterValue!;
            else
                _environment.Remove(counter);
        }
    }

    /// <summary>
    /// Every use of the dictionary in the code around the write is this write, a new array stored under a name
    /// (<c>columns[name] = new float[n]</c>) or an entry handed to TorchSharp (<c>torch.tensor(columns["area_ha"])</c>):
    /// nothing else can change its numbers after they are written (an entry rescaled in place, the dictionary handed to
    /// a method), so the numbers written are the numbers read.
    /// </summary>
    private bool OnlyFilledAndRead(ILocalSymbol dictionary, ISimpleAssignmentOperation write)
    {
        var root = (IOperation)write;
        while (root.Parent is { } parent)
            root = parent;
        foreach (var operation in root.DescendantsAndSelf())
        {
            if (operation is not ILocalReferenceOperation reference || !SymbolEqualityComparer.Default.Equals(reference.Local, dictionary))
                continue;
            if (reference.Parent is not IPropertyReferenceOperation { Property.IsIndexer: true } entry || !ReferenceEquals(entry.Instance, reference))
                return false;
            var user = entry.Parent;
            if (user is IArrayElementReferenceOperation { Parent: var written } && ReferenceEquals(written, write) && ReferenceEquals(write.Target, user))
                continue;
            if (user is ISimpleAssignmentOperation { Value: IArrayCreationOperation } stored && ReferenceEquals(stored.Target, entry))
                continue;
            if (user is IArgumentOperation { Parent: IInvocationOperation { TargetMethod.ContainingNamespace: { } space } } && space.ToDisplayString().StartsWith("TorchSharp", StringComparison.Ordinal))
                continue;
            return false;
        }
        return true;
    }

    /// <summary>A value that only reads locals, array elements and constants and parses a number: evaluating it again changes nothing.</summary>
    private static bool ReadsOnlyParsedFields(IOperation value)
    {
        foreach (var operation in value.DescendantsAndSelf())
        {
            switch (operation)
            {
                case IInvocationOperation { TargetMethod: { IsStatic: true, Name: "Parse" } method } when IsNumeric(method.ReturnType):
                case ILocalReferenceOperation or IArrayElementReferenceOperation or ILiteralOperation or IArgumentOperation or IConversionOperation:
                case IPropertyReferenceOperation { Property.IsStatic: true, Property.ContainingType.Name: "CultureInfo" }:
                case IBinaryOperation:
                    continue;
                default:
                    return false;
            }
        }
        return true;
    }

    /// <summary>A dictionary of .NET data (<c>Dictionary&lt;string, float[]&gt;</c> of columns by name), not one of tensors.</summary>
    private static bool IsDataDictionary(INamedTypeSymbol? type)
        => type is { IsGenericType: true, Name: "Dictionary" or "IDictionary" or "IReadOnlyDictionary", TypeArguments.Length: 2 } && type.ContainingNamespace?.ToDisplayString() == "System.Collections.Generic"
           && (IsNumeric(type.TypeArguments[1]) || IsNumericCollection(type.TypeArguments[1]));

    /// <summary>An element written with a quotient computed from the element itself (<c>x[i] = (x[i] - min) / range</c>).</summary>
    private static bool RescalesInPlace(IOperation target, IOperation value)
    {
        var readsItself = false;
        var divides = false;
        foreach (var operation in value.DescendantsAndSelf())
        {
            if (operation is IBinaryOperation { OperatorKind: BinaryOperatorKind.Divide })
                divides = true;
            else if (operation is IArrayElementReferenceOperation or IPropertyReferenceOperation { Property.IsIndexer: true } && Microsoft.CodeAnalysis.CSharp.SyntaxFactory.AreEquivalent(operation.Syntax, target.Syntax))
                readsItself = true;
            if (readsItself && divides)
                return true;
        }
        return false;
    }

    /// <summary>Columns of a 2-D array tracked one by one (<c>new float[n, 4]</c>); wider tables keep one bound.</summary>
    private const int MaxTrackedColumns = 256;

    /// <summary>
    /// The columns of a 2-D array after <c>table[i, k] = value</c>: column k when k is a constant, columns a..b when k
    /// is the counter of a loop over them, every column otherwise. Default when the columns are not tracked.
    /// </summary>
    private ImmutableArray<Interval> WrittenColumns(ImmutableArray<Interval> columns, IArrayElementReferenceOperation element, Interval value)
    {
        if (columns.IsDefault || element.Indices.Length != 2)
            return default;
        int first = 0, last = columns.Length - 1;
        if (element.Indices[1].ConstantValue is { HasValue: true, Value: int column })
            first = last = column;
        else if (LoopCounterRange(element.Indices[1]) is { End: { } end } counted)
            (first, last) = (counted.Start, end);
        if (first < 0 || last >= columns.Length || first > last)
            return default;
        var builder = columns.ToBuilder();
        for (var k = first; k <= last; k++)
            builder[k] = builder[k].Join(value);
        return builder.MoveToImmutable();
    }

    /// <summary>A field or auto-property of the object being interpreted (or a static one) now holds <paramref name="value"/>.</summary>
    private void WriteMember(ISymbol member, AbstractValue value)
    {
        _environment[member] = value;
        if (SymbolEqualityComparer.Default.Equals(member, _capturedField))
            _captured = _captured is null ? value : _captured.Join(value);
    }

    /// <summary>obj.Field = value, for an object the analysis built (its members); other objects are not tracked.</summary>
    private void WriteMemberOf(IOperation instance, ISymbol member, AbstractValue value)
    {
        // shipments[i].WeightKg = w of an array of structs: every element may be the one written, so the elements'
        // member joins w (a struct's numeric fields start at zero, see ZeroStruct).
        if (Strip(instance) is IArrayElementReferenceOperation { Indices.Length: 1 } element
            && Strip(element.ArrayReference) is ILocalReferenceOperation or IParameterReferenceOperation
            && element.ArrayReference.Type is IArrayTypeSymbol { ElementType.TypeKind: TypeKind.Struct })
        {
            Evaluate(element.Indices[0]);
            var arrayReference = Strip(element.ArrayReference);
            var arraySymbol = arrayReference is ILocalReferenceOperation local ? (ISymbol)local.Local : ((IParameterReferenceOperation)arrayReference).Parameter;
            if (_environment.TryGetValue(arraySymbol, out var array) && array.Element is { Members: { } elementMembers } structValue)
            {
                var written = elementMembers.TryGetValue(member, out var before) ? before.Join(value) : AbstractValue.Unknown;
                WriteVariable(arraySymbol, array with { Element = structValue with { Members = elementMembers.SetItem(member, written) } }, mutation: true);
            }
            return;
        }
        var owner = Evaluate(instance);
        if (SymbolEqualityComparer.Default.Equals(member, _capturedField))
            _captured = _captured is null ? value : _captured.Join(value);
        if (owner.Members is { } members && Strip(instance) is ILocalReferenceOperation or IParameterReferenceOperation)
            Assign(Strip(instance), owner with { Members = members.SetItem(member, value) });
    }

    /// <summary>A local, parameter or field written; a parameter's contents changed is an effect the caller sees.</summary>
    private void WriteVariable(ISymbol symbol, AbstractValue value, bool mutation)
    {
        if (symbol is IFieldSymbol or IPropertySymbol)
        {
            WriteMember(symbol, value);
            return;
        }
        _environment[symbol] = value;
        if (mutation && symbol is IParameterSymbol)
            _mutatedParameters.Add(symbol);
    }

    /// <summary>
    /// The field a property's setter of this compilation only stores its value into (<c>set => _inputs = value;</c>, or a
    /// block of that one statement); null for any other setter.
    /// </summary>
    internal static IFieldSymbol? BackingFieldOfSetter(IPropertySymbol property)
    {
        if (property.SetMethod?.DeclaringSyntaxReferences is not { Length: 1 } setter
            || setter[0].GetSyntax() is not Microsoft.CodeAnalysis.CSharp.Syntax.AccessorDeclarationSyntax accessor)
            return null;
        var stored = accessor switch
        {
            { ExpressionBody.Expression: var expression } => expression,
            { Body.Statements: { Count: 1 } statements } when statements[0] is Microsoft.CodeAnalysis.CSharp.Syntax.ExpressionStatementSyntax statement => statement.Expression,
            _ => null,
        };
        if (stored is not Microsoft.CodeAnalysis.CSharp.Syntax.AssignmentExpressionSyntax { RawKind: (int)Microsoft.CodeAnalysis.CSharp.SyntaxKind.SimpleAssignmentExpression } assignment
            || assignment.Right is not Microsoft.CodeAnalysis.CSharp.Syntax.IdentifierNameSyntax { Identifier.ValueText: "value" })
            return null;
        var name = assignment.Left switch
        {
            Microsoft.CodeAnalysis.CSharp.Syntax.IdentifierNameSyntax identifier => identifier.Identifier.ValueText,
            Microsoft.CodeAnalysis.CSharp.Syntax.MemberAccessExpressionSyntax { Expression: Microsoft.CodeAnalysis.CSharp.Syntax.ThisExpressionSyntax, Name: var member } => member.Identifier.ValueText,
            _ => null,
        };
        if (name is null)
            return null;
        foreach (var candidate in property.ContainingType.GetMembers(name))
        {
            if (candidate is IFieldSymbol field && field.IsStatic == property.IsStatic && SymbolEqualityComparer.Default.Equals(field.Type, property.Type))
                return field;
        }
        return null;
    }

    internal static bool IsAutoProperty(IPropertySymbol property)
    {
        if (property.IsIndexer || property.DeclaringSyntaxReferences.IsEmpty || property.IsAbstract)
            return false;
        // An auto-property's accessors have neither a body nor an expression; looking at them is cheaper than
        // searching the type's members for the backing field, and tells most properties apart.
        if (property.GetMethod?.DeclaringSyntaxReferences is { Length: 1 } getter
            && getter[0].GetSyntax() is Microsoft.CodeAnalysis.CSharp.Syntax.AccessorDeclarationSyntax { Body: not null } or Microsoft.CodeAnalysis.CSharp.Syntax.AccessorDeclarationSyntax { ExpressionBody: not null } or Microsoft.CodeAnalysis.CSharp.Syntax.ArrowExpressionClauseSyntax)
            return false;
        foreach (var member in property.ContainingType.GetMembers())
        {
            if (member is IFieldSymbol { AssociatedSymbol: { } associated } && SymbolEqualityComparer.Default.Equals(associated, property))
                return true;
        }
        return false;
    }

    /// <summary>A part of a parameter's value (an element of its tuple) is still that parameter's data.</summary>
    private static AbstractValue PartOf(AbstractValue whole, AbstractValue part)
        => whole.ParameterOrdinal >= 0 && part.ParameterOrdinal < 0 ? part.WithParameterOrdinal(whole.ParameterOrdinal) : part;

    private void Deconstruct(IOperation target, AbstractValue value)
    {
        if (target is IDeclarationExpressionOperation declaration)
            target = declaration.Expression;
        if (target is not ITupleOperation tuple)
            return;
        for (var i = 0; i < tuple.Elements.Length; i++)
        {
            var element = !value.Elements.IsDefault && i < value.Elements.Length ? PartOf(value, value.Elements[i]) : AbstractValue.Unknown;
            Assign(tuple.Elements[i], element);
        }
    }

    private AbstractValue Convert(IConversionOperation conversion)
    {
        var operandValue = Evaluate(conversion.Operand);
        var method = conversion.OperatorMethod;
        if (method is not null)
        {
            // Tensor t = someArray: a tensor made from .NET data.
            if (_symbols.IsTensor(method.ContainingType) && conversion.Operand.Type is IArrayTypeSymbol)
                return TorchTransfers.FromDotNetData(this, operandValue, conversion.Operand, null);
            return operandValue;
        }
        if (conversion.Type is { SpecialType: not SpecialType.None } target && IsNumeric(target))
            return operandValue.WithKind(IsIntegral(target) ? ElementKind.Integer : ElementKind.Floating);
        return operandValue;
    }

    private AbstractValue Unary(IUnaryOperation unary)
    {
        var operand = Evaluate(unary.Operand);
        return unary.OperatorKind switch
        {
            UnaryOperatorKind.Minus => (operand.Derived() with { Range = -operand.Range, Columns = MapColumns(operand.Columns, c => -c) }),
            UnaryOperatorKind.Plus => operand,
            _ => (operand.Derived() with { Range = Interval.Unknown, Columns = default }),
        };
    }

    private AbstractValue Binary(IBinaryOperation binary)
    {
        var left = Evaluate(binary.LeftOperand);
        var right = Evaluate(binary.RightOperand);
        var isTensor = binary.OperatorMethod is { } method && _symbols.IsTensor(method.ContainingType);
        if (binary.OperatorKind == BinaryOperatorKind.Add && binary.Type?.SpecialType == SpecialType.System_String)
            return Concatenation(binary, left, right);
        if (!isTensor && !(IsNumeric(binary.LeftOperand.Type) && IsNumeric(binary.RightOperand.Type)) && !IsColumnArithmetic(binary))
            return RecordComparison(binary, left, right, CarryTags(AbstractValue.Unknown, left, right));
        var result = Arithmetic(binary.OperatorKind, left, right, !isTensor && IsIntegral(binary.Type));
        // (raw - torch.tensor(means)) / torch.tensor(stds) with statistics saved earlier and read back at run time: a
        // centre and a spread of other data, column by column, which the hull of the whole cannot bound; a scaling step.
        if (isTensor && binary.OperatorKind == BinaryOperatorKind.Divide && result.Scaling == ScalingKind.None
            && right.Origin == ValueOrigin.RuntimeData && right.Statistic == StatisticKind.None && !right.Range.IsConstant && IsData(left)
            && Strip(binary.LeftOperand) is IBinaryOperation { OperatorKind: BinaryOperatorKind.Subtract, RightOperand: var centre } && _symbols.IsTensor(Strip(centre).Type))
            result = result with { Range = Interval.Unknown, Columns = default, PartlyScaled = true, Evidence = null };
        // (v - _min[j]) / (_max[j] - _min[j]) in .NET with a centre and a spread the analysis cannot bound (a scaler class
        // of yours, fitted in loops): a scaling step of unknown kind, as statistics read back at run time are; no suggestion.
        else if (!isTensor && binary.OperatorKind == BinaryOperatorKind.Divide && result.Scaling == ScalingKind.None && !result.Range.IsKnown
            && IsData(left) && !right.Range.IsConstant
            && Strip(binary.LeftOperand) is IBinaryOperation { OperatorKind: BinaryOperatorKind.Subtract, RightOperand: var dotNetCentre } && !dotNetCentre.ConstantValue.HasValue)
            result = result with { Range = Interval.Unknown, Columns = default, PartlyScaled = true, Evidence = null };
        return RecordComparison(binary, left, right, WithStatisticHolders(binary, result));
    }

    /// <summary>Unmodelled results still carry which forwards and losses flow into them.</summary>
    internal static AbstractValue CarryTags(AbstractValue result, AbstractValue a, AbstractValue b)
    {
        if (!a.IsTrainingRelated && !b.IsTrainingRelated)
            return result;
        return result with
        {
            ForwardCalls = AbstractValue.Union(a.ForwardCalls, b.ForwardCalls),
            LossCalls = AbstractValue.Union(a.LossCalls, b.LossCalls),
            // An output mapped back stays mapped back through what carries it (data<float>(), ToArray(), ...).
            OutputUnitsResolved = (a.ForwardCalls.IsEmpty || a.OutputUnitsResolved) && (b.ForwardCalls.IsEmpty || b.OutputUnitsResolved),
        };
    }

    /// <summary>
    /// Interval arithmetic plus the structure of scaling: x - centre(x) is centred, divided by spread(x) it is
    /// standardized (min-max when the centre is the minimum), x / max(|x|) is max-abs scaled.
    /// </summary>
    internal AbstractValue Arithmetic(BinaryOperatorKind kind, AbstractValue left, AbstractValue right, bool integralDotNet)
        => ResolveOutputUnits(kind, left, right, ArithmeticValue(kind, left, right, integralDotNet));

    private AbstractValue ArithmeticValue(BinaryOperatorKind kind, AbstractValue left, AbstractValue right, bool integralDotNet)
    {
        Interval range;
        Func<Interval, Interval, Interval>? columnOperation = null;
        switch (kind)
        {
            case BinaryOperatorKind.Add:
                columnOperation = (a, b) => a + b;
                break;
            case BinaryOperatorKind.Subtract:
                columnOperation = (a, b) => a - b;
                break;
            case BinaryOperatorKind.Multiply:
                columnOperation = (a, b) => a * b;
                break;
            case BinaryOperatorKind.Divide:
                columnOperation = (a, b) => a / b;
                break;
        }
        range = columnOperation is null ? Interval.Unknown : columnOperation(left.Range, right.Range);
        if (integralDotNet && kind == BinaryOperatorKind.Divide && range.IsConstant)
            range = Interval.Constant(Math.Truncate(range.Low));

        var result = ((IsData(left) || !IsData(right) ? left : right) with
        {
            Range = range,
            Origin = AbstractValue.CombineOrigins(left.Origin, right.Origin),
            Kind = left.Kind == ElementKind.Integer && right.Kind == ElementKind.Integer ? ElementKind.Integer
                : left.Kind == ElementKind.Floating || right.Kind == ElementKind.Floating ? ElementKind.Floating : ElementKind.Unknown,
            Rows = left.Rows ?? right.Rows,
            Columns = columnOperation is null ? default : CombineColumns(left, right, columnOperation),
            SourceText = left.SourceText ?? right.SourceText,
            Scaling = CombineScaling(left, right),
            ForwardCalls = AbstractValue.Union(left.ForwardCalls, right.ForwardCalls),
            LossCalls = AbstractValue.Union(left.LossCalls, right.LossCalls),
            ScaledWith = CombinedSource(kind, left, right),
        }).AsDerived();

        // Column by column on both sides (a table and a vector of per-column constants): the columns are the bound.
        if (!left.Columns.IsDefault && !right.Columns.IsDefault && !result.Columns.IsDefault)
        {
            var byColumn = result.Columns[0];
            foreach (var column in result.Columns)
                byColumn = byColumn.Join(column);
            if (byColumn.IsKnown)
                result = result with { Range = byColumn };
        }

        var data = left.Identity;
        switch (kind)
        {
            case BinaryOperatorKind.Subtract when data is not null && ReferenceEquals(right.StatisticOf, data):
                if (right.Statistic == StatisticKind.Centre)
                    return result.WithStatistic(StatisticKind.Centred, data);
                // x - x.min(0).values: no lower than 0, no higher than the data's width; still the data's own scale.
                if (right.Statistic == StatisticKind.Minimum)
                    return result.WithStatistic(StatisticKind.MinShifted, data) with { Range = left.Range.IsKnown ? Interval.Of(0, left.Range.High - left.Range.Low) : Interval.Unknown };
                break;
            case BinaryOperatorKind.Subtract when left.StatisticOf is not null && ReferenceEquals(left.StatisticOf, right.StatisticOf)
                                                 && left.Statistic == StatisticKind.Maximum && right.Statistic == StatisticKind.Minimum:
                return result.WithStatistic(StatisticKind.Spread, left.StatisticOf);
            // x_test - x.mean(): centred with the statistics of other data (the training set's, or not).
            case BinaryOperatorKind.Subtract when data is not null && right.StatisticOf is not null && left.Statistic == StatisticKind.None && IsData(left)
                                                 && right.Statistic is StatisticKind.Centre or StatisticKind.Minimum:
                return result.WithStatistic(right.Statistic == StatisticKind.Centre ? StatisticKind.Centred : StatisticKind.MinShifted, right.StatisticOf);
            // std + 1e-8, (max - min) + 1e-7: a spread kept off zero is still the spread.
            case BinaryOperatorKind.Add when IsSpread(left.Statistic) && left.Statistic != StatisticKind.Maximum && left.StatisticOf is not null && IsEpsilon(right):
                return result.WithStatistic(left.Statistic, left.StatisticOf) with { ScaledWith = left.ScaledWith };
            case BinaryOperatorKind.Add when IsSpread(right.Statistic) && right.Statistic != StatisticKind.Maximum && right.StatisticOf is not null && IsEpsilon(left):
                return result.WithStatistic(right.Statistic, right.StatisticOf) with { ScaledWith = right.ScaledWith };
            case BinaryOperatorKind.Multiply when left.Statistic == StatisticKind.Centred && right.Statistic == StatisticKind.Centred && ReferenceEquals(left.StatisticOf, right.StatisticOf):
                return result.WithStatistic(StatisticKind.SquaredDeviation, left.StatisticOf);
            case BinaryOperatorKind.Divide when left.Statistic == StatisticKind.Variance && (right.Origin is ValueOrigin.Literal or ValueOrigin.Unknown) && right.Statistic == StatisticKind.None:
                // sum((x - mean)²) / n: still a variance.
                return result.WithStatistic(StatisticKind.Variance, left.StatisticOf);
            case BinaryOperatorKind.Divide when IsSpread(right.Statistic) && right.StatisticOf is not null:
                if (left.Statistic == StatisticKind.MinShifted && ReferenceEquals(left.StatisticOf, right.StatisticOf))
                    return result with { Scaling = ScalingKind.MinMax, Range = Interval.Of(0, 1), Columns = MapColumns(result.Columns, _ => Interval.Of(0, 1)), Statistic = StatisticKind.None, StatisticOf = null, ScaledWith = right.ScaledWith?.WithKind(ScalingSource.MinMax) };
                if (left.Statistic == StatisticKind.Centred && ReferenceEquals(left.StatisticOf, right.StatisticOf))
                    return result with { Scaling = ScalingKind.Standardized, Range = Interval.Unknown, Columns = MapColumns(result.Columns, _ => Interval.Unknown), Statistic = StatisticKind.None, StatisticOf = null, ScaledWith = right.ScaledWith?.WithKind(ScalingSource.Standardized) };
                if (data is not null && ReferenceEquals(right.StatisticOf, data))
                    return result with { Scaling = ScalingKind.MaxAbs, Range = Interval.Unknown, Columns = MapColumns(result.Columns, _ => Interval.Unknown), Statistic = StatisticKind.None, StatisticOf = null, ScaledWith = right.ScaledWith?.WithKind(ScalingSource.MaxAbs) };
                break;
            // x / torch.tensor(new[] { 760f, 1f, 18f }) with no columns to align the divisors with: the hull would divide
            // one column's values by another's divisor, so it is no bound; dividing by per-column constants is a scaling step.
            case BinaryOperatorKind.Divide when result.Columns.IsDefault && IsData(left) && right.Origin == ValueOrigin.Literal && right.Range.IsKnown && !right.Range.IsConstant:
                return result with { Range = Interval.Unknown, PartlyScaled = true, Evidence = null };
        }
        return result;
    }

    private static bool IsSpread(StatisticKind kind) => kind is StatisticKind.Spread or StatisticKind.Maximum;

    /// <summary>A small positive constant added to a divisor so that it is never zero (1e-8, 1e-6f, 1e-3).</summary>
    private static bool IsEpsilon(AbstractValue value)
        => value.Origin == ValueOrigin.Literal && value.Range.IsConstant && value.Range.Low > 0 && value.Range.Low <= 1e-3;

    /// <summary>A tensor or array value, as opposed to a constant factor.</summary>
    private static bool IsData(AbstractValue value) => value.Origin != ValueOrigin.Literal || !value.Range.IsConstant;

    private static ScalingKind CombineScaling(AbstractValue left, AbstractValue right)
    {
        if (left.Scaling != ScalingKind.None && (right.Scaling != ScalingKind.None || !IsData(right)))
            return left.Scaling;
        if (right.Scaling != ScalingKind.None && !IsData(left))
            return right.Scaling;
        return ScalingKind.None;
    }

    private static ImmutableArray<Interval> CombineColumns(AbstractValue left, AbstractValue right, Func<Interval, Interval, Interval> operation)
    {
        if (!left.Columns.IsDefault && !right.Columns.IsDefault)
        {
            if (left.Columns.Length != right.Columns.Length)
                return default;
            var pairwise = ImmutableArray.CreateBuilder<Interval>(left.Columns.Length);
            for (var i = 0; i < left.Columns.Length; i++)
                pairwise.Add(operation(left.Columns[i], right.Columns[i]));
            return pairwise.MoveToImmutable();
        }
        // x - x.mean(), (x - mean) / x.std(): a statistic of the same data keeps the columns' number, not their bounds
        // (so that a block scaled this way still has a known width beside others in a cat).
        if (!left.Columns.IsDefault && right.StatisticOf is { } of && (ReferenceEquals(of, left.Identity) || ReferenceEquals(of, left.StatisticOf)))
            return MapColumns(left.Columns, _ => Interval.Unknown);
        // A whole-tensor operand only preserves per-column facts when it is one number (a scalar or a constant).
        if (!left.Columns.IsDefault && right.Range.IsConstant)
            return WithConstant(left.Columns, right.Range, operation, columnsOnLeft: true);
        if (!right.Columns.IsDefault && left.Range.IsConstant)
            return WithConstant(right.Columns, left.Range, operation, columnsOnLeft: false);
        return default;
    }

    /// <summary>
    /// Each column with one number. A loop rather than a lambda over <see cref="MapColumns"/>: a lambda capturing the
    /// operands made <see cref="CombineColumns"/> allocate its closure on every arithmetic operation evaluated.
    /// </summary>
    private static ImmutableArray<Interval> WithConstant(ImmutableArray<Interval> columns, Interval constant, Func<Interval, Interval, Interval> operation, bool columnsOnLeft)
    {
        var builder = ImmutableArray.CreateBuilder<Interval>(columns.Length);
        foreach (var column in columns)
            builder.Add(columnsOnLeft ? operation(column, constant) : operation(constant, column));
        return builder.MoveToImmutable();
    }

    internal static ImmutableArray<Interval> MapColumns(ImmutableArray<Interval> columns, Func<Interval, Interval> map)
    {
        if (columns.IsDefault)
            return default;
        var builder = ImmutableArray.CreateBuilder<Interval>(columns.Length);
        foreach (var column in columns)
            builder.Add(map(column));
        return builder.MoveToImmutable();
    }

    private AbstractValue ArrayCreation(IArrayCreationOperation creation)
    {
        foreach (var size in creation.DimensionSizes)
            Evaluate(size);
        var elementType = (creation.Type as IArrayTypeSymbol)?.ElementType;
        var kind = ElementKindOf(elementType);
        if (creation.Initializer is null)
        {
            // new float[n]: zeros until its elements are written (element writes join; an array handed to a call
            // that is not followed becomes run-time data, see EscapeArguments).
            if (IsNumeric(elementType) && creation.DimensionSizes.Length == 1)
            {
                var size = Evaluate(creation.DimensionSizes[0]).Range;
                return AbstractValue.Data(Interval.Constant(0), ValueOrigin.Literal, kind).WithRows(size.IsConstant ? (long)size.Low : null);
            }
            if (IsNumeric(elementType) && creation.DimensionSizes.Length == 2)
            {
                // new float[rows, 4]: a table of zeros until written, column by column (features[i, 0] = size).
                var rows = Evaluate(creation.DimensionSizes[0]).Range;
                var width = Evaluate(creation.DimensionSizes[1]).Range;
                var table = AbstractValue.Data(Interval.Constant(0), ValueOrigin.Literal, kind).WithRows(rows.IsConstant ? (long)rows.Low : null);
                return width.IsConstant && width.Low is >= 1 and <= MaxTrackedColumns
                    ? table.WithColumns(ImmutableArray.CreateRange(Enumerable.Repeat(Interval.Constant(0), (int)width.Low)))
                    : table;
            }
            // new float[n][]: rows not made yet; each row written (rows[i] = new[] { ... }) joins its numbers, as the
            // zeros of new float[n] do.
            if (elementType is IArrayTypeSymbol { ElementType: var rowElement } && IsNumeric(rowElement) && creation.DimensionSizes.Length == 1)
                return AbstractValue.Data(Interval.Constant(0), ValueOrigin.Literal, ElementKindOf(rowElement));
            // new Shipment[n] of a struct of yours: each element's numeric fields are zeros until written
            // (shipments[i].WeightKg = w joins w); new Row[n] of a class: no element yet (rows[i] = new Row(...) fills it).
            if (creation.DimensionSizes.Length == 1 && elementType is INamedTypeSymbol { TypeKind: TypeKind.Struct or TypeKind.Class } objectType && IsUserCode(objectType))
                return objectType.TypeKind == TypeKind.Struct && ZeroStruct(objectType) is { } zero
                    ? AbstractValue.Unknown with { Element = zero, Origin = ValueOrigin.Literal, Identity = new object() }
                    : objectType.TypeKind == TypeKind.Class ? AbstractValue.EmptyCollection(ElementKind.Unknown) : AbstractValue.Data(Interval.Unknown, ValueOrigin.RuntimeData, kind);
            return AbstractValue.Data(Interval.Unknown, ValueOrigin.RuntimeData, kind);
        }

        var elements = ImmutableArray.CreateBuilder<AbstractValue>();
        var origin = ValueOrigin.Literal;
        Interval? range = null;
        ImmutableArray<Interval> columns = default;
        var consistentColumns = true;
        foreach (var row in creation.Initializer.ElementValues)
        {
            if (row is IArrayInitializerOperation nested)
            {
                // A 2-D literal: hull per column position, so columns of different scale are seen.
                var rowColumns = ImmutableArray.CreateBuilder<Interval>(nested.ElementValues.Length);
                foreach (var cell in nested.ElementValues)
                {
                    var cellValue = Evaluate(cell);
                    origin = AbstractValue.CombineOrigins(origin, cellValue.Origin);
                    rowColumns.Add(cellValue.Range);
                    range = range is null ? cellValue.Range : range.Value.Join(cellValue.Range);
                }
                if (columns.IsDefault)
                    columns = rowColumns.MoveToImmutable();
                else if (columns.Length != rowColumns.Count)
                    consistentColumns = false;
                else
                    columns = JoinColumns(columns, rowColumns.MoveToImmutable());
                continue;
            }
            var value = Evaluate(row);
            elements.Add(value);
            origin = AbstractValue.CombineOrigins(origin, value.Origin);
            range = range is null ? value.Range : range.Value.Join(value.Range);
        }
        var result = AbstractValue.Data(range ?? Interval.Unknown, origin, kind) with { Rows = creation.Initializer.ElementValues.Length, Elements = elements.ToImmutable() };
        if (consistentColumns && !columns.IsDefault)
            result = result.WithColumns(columns);
        return result;
    }

    /// <summary>Structs with more instance fields than this are not followed element by element.</summary>
    private const int MaxStructFields = 32;

    /// <summary>
    /// A default struct of yours: each numeric instance field (an auto-property's backing field under its property) is
    /// zero; null when it has a field of another type or too many (what such a field holds is not modelled).
    /// </summary>
    private static AbstractValue? ZeroStruct(INamedTypeSymbol type)
    {
        var members = ImmutableDictionary.CreateBuilder<ISymbol, AbstractValue>(SymbolEqualityComparer.Default);
        foreach (var member in type.GetMembers())
        {
            if (member is not IFieldSymbol { IsStatic: false, IsConst: false } field)
                continue;
            if (!IsNumeric(field.Type) || members.Count >= MaxStructFields)
                return null;
            members[(ISymbol?)field.AssociatedSymbol ?? field] = AbstractValue.Data(Interval.Constant(0), ValueOrigin.Literal, ElementKindOf(field.Type));
        }
        return members.Count == 0 ? null : AbstractValue.Unknown with { Members = members.ToImmutable(), ObjectType = type };
    }

    private static ImmutableArray<Interval> JoinColumns(ImmutableArray<Interval> a, ImmutableArray<Interval> b)
    {
        var builder = ImmutableArray.CreateBuilder<Interval>(a.Length);
        for (var i = 0; i < a.Length; i++)
            builder.Add(a[i].Join(b[i]));
        return builder.MoveToImmutable();
    }

    private AbstractValue ArrayElement(IArrayElementReferenceOperation element)
    {
        var firstIndex = AbstractValue.Unknown;
        for (var i = 0; i < element.Indices.Length; i++)
        {
            var index = Evaluate(element.Indices[i]);
            if (i == 0)
                firstIndex = index;
        }
        // x.shape[0]: the tensor's row count when it is known.
        if (element.ArrayReference is IPropertyReferenceOperation { Property.Name: "shape", Instance: { } shapeOf } && _symbols.IsTensor(shapeOf.Type)
            && element.Indices.Length == 1 && element.Indices[0].ConstantValue is { HasValue: true, Value: int dimension })
        {
            var tensor = Evaluate(shapeOf);
            if (dimension == 0 && tensor.Rows is long rows)
                return AbstractValue.Data(Interval.Constant(rows), ValueOrigin.Literal, ElementKind.Integer);
            if (dimension == 1 && !tensor.Columns.IsDefault)
                return AbstractValue.Data(Interval.Constant(tensor.Columns.Length), ValueOrigin.Literal, ElementKind.Integer);
            return AbstractValue.Data(Interval.Unknown, ValueOrigin.Unknown, ElementKind.Integer);
        }
        var array = Evaluate(element.ArrayReference);
        // lines[i] of a data file is one of its lines (after the first when i counts from 1); parts[2] of a split line
        // is the file's column 2, parts[j] for j counting 0..3 any of its columns 0..3.
        if (array.FileText is { IsLines: true } lines)
        {
            // lines[1..]: the lines after the header row (lines[0..] all of them); any other range is not a known row set.
            if (element.Indices.Length == 1 && Strip(element.Indices[0]) is IRangeOperation { RightOperand: null } skipped)
            {
                var start = skipped.LeftOperand;
                while (start is IConversionOperation toIndex)
                    start = toIndex.Operand;
                var from = start is null ? 0 : NumericConstant.ToDouble(start.ConstantValue.HasValue ? start.ConstantValue.Value : null);
                return from is 0 or 1 ? array with { Rows = null, FileText = lines.Skipping((int)from) } : array with { Rows = null, FileText = null };
            }
            var line = array with { Columns = default, Rows = null };
            return element.Indices.Length == 1 && FirstLineIndex(element.Indices[0]) == 1 ? line with { FileText = lines.Skipping(1) } : line;
        }
        // rows[i] of lines split one by one (lines.Select(l => l.Split(',')).ToArray(), a string[][]): one split line,
        // whose fields are the file's columns.
        if (array.FileText is { IsFields: true } && element.Indices.Length == 1 && element.ArrayReference.Type is IArrayTypeSymbol { ElementType: IArrayTypeSymbol { ElementType.SpecialType: SpecialType.System_String } })
            return array with { Rows = null, Identity = new object() };
        if (array.FileText is { IsFields: true } fields && element.Indices.Length == 1)
        {
            // parts[..3], parts[1..]: the fields at those positions, as parts.Take(3) and parts.Skip(1) are.
            if (Strip(element.Indices[0]) is IRangeOperation fieldRange)
                return RangePositions(fieldRange) is var (skipFields, takeFields)
                    ? array with { Rows = null, Identity = new object(), FileText = fields.Slice(skipFields, takeFields) }
                    : array.Derived() with { Columns = default, Rows = null };
            var field = array.Derived() with { Columns = default, Rows = null };
            if (element.Indices[0].ConstantValue is { HasValue: true, Value: int column } && column >= 0)
                return field with { FileText = fields.Field(column) };
            // parts[index] with index a value known here (a parameter bound to a constant, a local set once).
            if (firstIndex.Range is { IsConstant: true, Low: >= 0 and < DataFiles.DataFileLimits.MaxColumns } known && known.Low == Math.Floor(known.Low))
                return field with { FileText = fields.Field((int)known.Low) };
            if (LoopCounterRange(element.Indices[0]) is { Start: >= 0, End: { } end } counted && end >= counted.Start)
                return field with { FileText = fields.FieldIn(counted.Start, end) };
            return field;
        }
        // row[2] of numbers parsed from a row: the number of that column; an element picked by position out of numbers
        // joined over several columns is not known.
        if ((array.FileText is { IsField: true } || array.JoinedColumns) && element.Indices.Length == 1)
        {
            // row[..4], row[1..3]: the numbers at those positions.
            if (Strip(element.Indices[0]) is IRangeOperation positions)
                return RangePositions(positions) is var (skip, take) ? PositionsOf(array, skip, take).WithRows(null) : PositionsOf(array, 0, 0).WithRows(null);
            if (firstIndex.Range is { IsConstant: true, Low: >= 0 and < DataFiles.DataFileLimits.MaxColumns } position && position.Low == Math.Floor(position.Low))
                return PositionsOf(array, (int)position.Low, 1).WithRows(null);
            return PositionsOf(array, 0, 0).WithRows(null);
        }
        // shipments[i] of an array of your objects (rows, structs): one of them, with the members they were seen to hold.
        if (array.Element is { Members: not null } && element.Indices.Length == 1 && Strip(element.Indices[0]) is not IRangeOperation)
            return ElementOf(array);
        return array.Derived() with { Columns = default, Rows = null };
    }

    /// <summary>The positions <c>a..b</c>, <c>..b</c>, <c>a..</c> pick from the start of a row (constant bounds, none from the end): skip and take (-1: all after).</summary>
    private static (int Skip, int Take)? RangePositions(IRangeOperation range)
    {
        static int? Position(IOperation? bound)
        {
            while (bound is IConversionOperation conversion)
                bound = conversion.Operand;
            return bound is null ? 0
                : bound.ConstantValue is { HasValue: true } constant && NumericConstant.ToDouble(constant.Value) is double value && value >= 0 && value < DataFiles.DataFileLimits.MaxColumns && value == Math.Floor(value) ? (int)value
                : null;
        }
        if (Position(range.LeftOperand) is not int start)
            return null;
        if (range.RightOperand is null)
            return (start, -1);
        return Position(range.RightOperand) is int end && end > start ? (start, end - start) : null;
    }

    private AbstractValue Property(IPropertyReferenceOperation property)
    {
        var symbol = property.Property;
        if (IsAutoProperty(symbol))
            return Member(property.Instance, symbol);
        var instance = property.Instance is null ? null : Evaluate(property.Instance);
        foreach (var argument in property.Arguments)
            Evaluate(argument.Value);
        // batch[0], batch["data"]: an element of a batch (a list or dictionary of tensors) whose entries are known.
        if (instance is not null && symbol.IsIndexer && property.Arguments.Length == 1 && !instance.Elements.IsDefault
            && instance.ElementAt(property.Arguments[0].Value.ConstantValue.HasValue ? property.Arguments[0].Value.ConstantValue.Value : null) is { } element)
            return instance.ParameterOrdinal >= 0 && element.ParameterOrdinal < 0 ? element.WithParameterOrdinal(instance.ParameterOrdinal) : element;
        if (instance is not null && _symbols.IsTensor(symbol.ContainingType))
        {
            if (symbol.IsIndexer)
            {
                // x[rows] keeps columns; x[rows, column] picks one (x[.., 3..] too: a params array of two indices).
                var picksColumns = property.Arguments.Length > 1
                    || property.Arguments[0].Value is IArrayCreationOperation { Initializer.ElementValues.Length: > 1 }
                    || (property.Arguments[0].ArgumentKind == ArgumentKind.ParamArray && property.Arguments[0].Value is not IArrayCreationOperation);
                if (!picksColumns)
                    return instance.WithRows(null);
                // x[.., ..3], x[.., 3]: the columns picked, when the value's columns are known.
                var width = !instance.ColumnBlocks.IsDefault ? instance.ColumnBlocks.Length : !instance.Columns.IsDefault ? instance.Columns.Length : -1;
                if (width > 0 && PickedColumns(property, width) is var (first, last, single))
                {
                    // Columns of blocks joined by cat: judged by the blocks picked.
                    if (!instance.ColumnBlocks.IsDefault)
                    {
                        var positions = new int[last - first + 1];
                        for (var k = 0; k < positions.Length; k++)
                            positions[k] = first + k;
                        if (TorchTransfers.PickColumns(instance, positions) is { } blocks)
                            return single ? blocks with { Columns = default, ColumnBlocks = default, Rows = null } : blocks with { Rows = null };
                        if (instance.Columns.IsDefault)
                            return instance with { ColumnBlocks = default, Rows = null };
                    }
                    var selected = instance.Columns.RemoveRange(last + 1, instance.Columns.Length - last - 1).RemoveRange(0, first);
                    var range = selected[0];
                    foreach (var column in selected)
                        range = range.Join(column);
                    var columns = instance with { Range = range, Rows = null, Evidence = null, JoinedColumns = false, Identity = new object() };
                    return single ? columns with { Columns = default } : columns.WithColumns(selected);
                }
                var picked = instance with { Columns = default, ColumnBlocks = default, Rows = null };
                // Some columns of a bound joined over several file columns: which ones, and their bound, are not known.
                return instance.JoinedColumns ? picked with { Range = Interval.Unknown, Evidence = null } : picked;
            }
            return symbol.Name switch
            {
                "T" or "mT" or "H" or "mH" => (instance with { Columns = default, ColumnBlocks = default, Rows = null }),
                _ => AbstractValue.Unknown,
            };
        }
        // df["Pressure"], df.Columns[1], row[2] of a frame loaded from a data file; an element of such a column.
        if (DataFrameProperty(property, instance) is { } frameRead)
            return frameRead;
        if (ColumnElement(property, instance) is { } columnElement)
            return columnElement;
        // columns["area"] of a Dictionary<string, float[]> some scaled values were stored in: not known, and no suggestion.
        if (instance is { PartlyScaled: true } && symbol.IsIndexer && IsDataDictionary(symbol.ContainingType))
            return AbstractValue.Data(Interval.Unknown, ValueOrigin.RuntimeData, ElementKindOf(symbol.Type)) with { PartlyScaled = true };
        // columns["area_ha"] of a dictionary filled by columns[header[c]][row] = float.Parse(cells[c]): that column's numbers.
        if (_headerKeyedColumns is not null && symbol.IsIndexer && property.Arguments.Length == 1 && Strip(property.Instance!) is ILocalReferenceOperation keyedDictionary
            && _headerKeyedColumns.TryGetValue(keyedDictionary.Local, out var keyedColumns)
            && property.Arguments[0].Value.ConstantValue is { HasValue: true, Value: string keyName } && keyedColumns.TryGetValue(keyName, out var keyedColumn))
            return keyedColumn;
        // list[i], rows[i]: an element of the collection.
        if (instance is not null && symbol.IsIndexer && property.Arguments.Length == 1 && IsCollection(symbol.ContainingType))
            return ElementOf(instance, symbol.ContainingType);
        // enumerator.Current of a sequence walked by hand.
        if (instance?.Element is not null && IsEnumeratorCurrent(symbol))
            return ElementOf(instance);
        if (instance is not null && symbol.Name is "Count" or "Length" or "LongLength" && !IsUserCode(symbol))
        {
            return instance.Rows is long count
                ? AbstractValue.Data(Interval.Constant(count), ValueOrigin.Literal, ElementKind.Integer)
                : AbstractValue.Data(Interval.Unknown, ValueOrigin.Unknown, ElementKind.Integer);
        }
        // A getter with a body, of this compilation: what it returns. An indexer of yours (batches[b] of a class keeping
        // its batches in lists: this[int i] => (_data[i], _labels[i])) runs with its index unknown.
        if (_program is not null && symbol.GetMethod is { } getter && (!symbol.IsIndexer || !(getter.IsAbstract || getter.IsVirtual)) && !getter.DeclaringSyntaxReferences.IsEmpty)
        {
            var getters = getter.IsAbstract || getter.IsVirtual ? _program.Implementations(getter, _cancellationToken) : ImmutableArray<IMethodSymbol>.Empty;
            if (getters.Length > 1 && ImplementationFor(instance?.ObjectType, getter, getters) is { } runs)
                getters = ImmutableArray.Create(runs);
            if (getters.Length > 1)
                return CallEach(getters, property.Instance, instance, Array.Empty<AbstractValue>(), invocation: null) ?? AbstractValue.Unknown;
            if (getters.Length == 1)
                getter = getters[0];
            if (CallUser(getter, property.Instance, instance, Array.Empty<AbstractValue>(), invocation: null, out var returned))
                return returned ?? AbstractValue.Unknown;
        }
        return AbstractValue.Unknown;
    }

    private static bool IsUserCode(ISymbol symbol) => !symbol.DeclaringSyntaxReferences.IsEmpty;

    /// <summary>
    /// The columns <c>x[.., a..b]</c>, <c>x[.., ..^1]</c>, <c>x[.., c]</c>, <c>x[TensorIndex.Colon, TensorIndex.Slice(a, b)]</c>
    /// pick out of <paramref name="width"/> columns (all rows, constant bounds); null for any other indexing.
    /// </summary>
    private (int First, int Last, bool Single)? PickedColumns(IPropertyReferenceOperation indexer, int width)
    {
        ImmutableArray<IOperation> indices;
        if (indexer.Arguments.Length == 1 && indexer.Arguments[0].Value is IArrayCreationOperation { Initializer.ElementValues: var elements })
            indices = elements;
        else
        {
            var builder = ImmutableArray.CreateBuilder<IOperation>(indexer.Arguments.Length);
            foreach (var argument in indexer.Arguments)
                builder.Add(argument.Value);
            indices = builder.MoveToImmutable();
        }
        if (indices.Length != 2 || IndexSpan(indices[0], width) is not (0, var lastRow, false) || lastRow != width - 1 && !IsWholeDimension(indices[0]))
            return null;
        if (IndexSpan(indices[1], width) is not var (first, last, single) || first < 0 || last >= width || first > last)
            return null;
        return (first, last, single);
    }

    private static bool IsWholeDimension(IOperation index)
    {
        while (index is IConversionOperation conversion)
            index = conversion.Operand;
        return index is IRangeOperation { LeftOperand: null, RightOperand: null }
               || index is IPropertyReferenceOperation { Property.Name: "Colon" } or IFieldReferenceOperation { Field.Name: "Colon" };
    }

    /// <summary>One index of a tensor indexer as a span of positions in a dimension of <paramref name="width"/>; null when not constant.</summary>
    private static (int First, int Last, bool Single)? IndexSpan(IOperation index, int width)
    {
        while (index is IConversionOperation conversion)
            index = conversion.Operand;
        switch (index)
        {
            case IRangeOperation range:
                var start = range.LeftOperand is null ? 0 : Bound(range.LeftOperand, width);
                var end = range.RightOperand is null ? width : Bound(range.RightOperand, width);
                return start is int s && end is int e ? (s, e - 1, false) : null;
            case IPropertyReferenceOperation { Property.Name: "Colon" } or IFieldReferenceOperation { Field.Name: "Colon" }:
                return (0, width - 1, false);
            case IInvocationOperation { TargetMethod: { Name: "Slice", ContainingType.Name: "TensorIndex" } } slice when slice.Arguments.Length >= 2:
                var from = slice.Arguments[0].ArgumentKind == ArgumentKind.DefaultValue ? 0 : Bound(slice.Arguments[0].Value, width);
                var to = slice.Arguments[1].ArgumentKind == ArgumentKind.DefaultValue ? width : Bound(slice.Arguments[1].Value, width);
                if (slice.Arguments.Length > 2 && slice.Arguments[2].ArgumentKind != ArgumentKind.DefaultValue && !(slice.Arguments[2].Value.ConstantValue is { HasValue: true, Value: 1 or 1L }))
                    return null;
                return from is int f && to is int t ? (f, t - 1, false) : null;
            case IInvocationOperation { TargetMethod: { Name: "Single", ContainingType.Name: "TensorIndex" } } single when single.Arguments.Length == 1:
                return Bound(single.Arguments[0].Value, width) is int at ? (at, at, true) : null;
            default:
                return Bound(index, width) is int position ? (position, position, true) : null;
        }
    }

    /// <summary>A constant position, counted from the end for <c>^k</c> (and negative constants, as TorchSharp does).</summary>
    private static int? Bound(IOperation operation, int width)
    {
        while (operation is IConversionOperation conversion)
            operation = conversion.Operand;
        if (operation is IUnaryOperation { OperatorKind: UnaryOperatorKind.Hat, Operand: var fromEnd })
            return NumericConstant.ToDouble(fromEnd.ConstantValue.HasValue ? fromEnd.ConstantValue.Value : null) is double k && k == Math.Floor(k) ? width - (int)k : null;
        if (NumericConstant.ToDouble(operation.ConstantValue.HasValue ? operation.ConstantValue.Value : null) is not double value || value != Math.Floor(value) || Math.Abs(value) > int.MaxValue)
            return null;
        return value < 0 ? width + (int)value : (int)value;
    }

    /// <summary>Arrays, lists and the collection interfaces: what foreach and an indexer walk over.</summary>
    internal static bool IsCollection(ITypeSymbol? type) => type switch
    {
        IArrayTypeSymbol => true,
        INamedTypeSymbol { IsGenericType: true, Name: "List" or "IList" or "IReadOnlyList" or "IEnumerable" or "ICollection" or "IReadOnlyCollection" or "Span" or "ReadOnlySpan" } => true,
        _ => false,
    };

    /// <summary>
    /// Tuple elements; fields: one written earlier in the method being interpreted, a member of an object the analysis
    /// built, else what every write in the compilation puts in it (<see cref="ProgramSummaries.FieldValue"/>).
    /// </summary>
    private AbstractValue Field(IFieldReferenceOperation field)
    {
        var symbol = field.Field;
        if (symbol.ContainingType.IsTupleType)
        {
            if (field.Instance is null)
                return AbstractValue.Unknown;
            var instance = Evaluate(field.Instance);
            var index = (symbol.CorrespondingTupleField ?? symbol).Name switch
            {
                "Item1" => 0,
                "Item2" => 1,
                "Item3" => 2,
                "Item4" => 3,
                _ => -1,
            };
            return !instance.Elements.IsDefault && index >= 0 && index < instance.Elements.Length ? PartOf(instance, instance.Elements[index]) : AbstractValue.Unknown;
        }
        return Member(field.Instance, symbol);
    }

    private AbstractValue Member(IOperation? instance, ISymbol member)
    {
        if (instance is null or IInstanceReferenceOperation)
        {
            if (_environment.TryGetValue(member, out var written))
                return written;
        }
        else
        {
            var owner = Evaluate(instance);
            if (owner.Members is { } members && members.TryGetValue(member, out var held))
                return held;
        }
        return _program?.FieldValue(member, _cancellationToken) ?? AbstractValue.Unknown;
    }

    /// <summary>
    /// <c>this</c> in the method being interpreted: an object whose members are the fields this interpretation has
    /// seen written (a constructor's, or those its caller bound).
    /// </summary>
    private AbstractValue ThisObject()
    {
        var containing = _method?.ContainingType;
        if (containing is null)
            return AbstractValue.Unknown;
        var members = ImmutableDictionary.CreateBuilder<ISymbol, AbstractValue>(SymbolEqualityComparer.Default);
        foreach (var pair in _environment)
        {
            if (pair.Key is IFieldSymbol or IPropertySymbol && SymbolEqualityComparer.Default.Equals(pair.Key.ContainingType, containing))
                members[pair.Key] = pair.Value;
        }
        return AbstractValue.Unknown with { Members = members.ToImmutable() };
    }

    private AbstractValue Invoke(IInvocationOperation invocation)
    {
        var method = invocation.TargetMethod;
        var receiver = invocation.Instance is null ? null : Evaluate(invocation.Instance);
        var arguments = invocation.Arguments.Length == 0 ? Array.Empty<AbstractValue>() : new AbstractValue[invocation.Arguments.Length];
        for (var i = 0; i < arguments.Length; i++)
            arguments[i] = Evaluate(invocation.Arguments[i].Value);
        var call = new TorchCall(this, invocation, receiver, arguments);
        if (_capturedMethod is not null)
        {
            if (SymbolEqualityComparer.Default.Equals(method.OriginalDefinition, _capturedMethod))
                CaptureArguments(ArgumentsByOrdinal(method, invocation, arguments));
            else if (!IsUserCode(method))
                RunLambdasForCapture(invocation);
        }

        if (method.Name is "forward" or "call" && invocation.Instance is not null && _symbols.IsModule(invocation.Instance.Type))
            return _symbols.IsLossModule(invocation.Instance.Type) ? LossCall(call, _symbols.IsRegressionLossModule(invocation.Instance.Type)) : ForwardCall(call);

        // A delegate held in a variable (Func<float[], Tensor> toColumn = v => torch.tensor(v)): what its lambda or local function returns.
        if (method.MethodKind == MethodKind.DelegateInvoke && receiver?.Callable is { } callable && InvokeDelegate(callable, invocation, arguments) is { } delegated)
            return delegated;

        var containing = method.ContainingType;
        if (method.Name is "save" or "load" && invocation.Instance is not null && _symbols.IsModule(invocation.Instance.Type))
            RecordModelFile(invocation);
        if (_symbols.IsTorchSharpType(containing))
        {
            if (method.Name is "print" or "str" or "ToString")
                RecordTextOutput(invocation, receiver, arguments);
            return TorchTransfers.Apply(call);
        }

        // item.Add("data", x) on a dictionary of tensors being built (a Dataset's GetTensor).
        if (method.Name == "Add" && arguments.Length == 2 && IsTensorDictionary(containing) && receiver is { ElementNames.IsDefault: false }
            && invocation.Instance is { } dictionaryReference && Strip(dictionaryReference) is ILocalReferenceOperation dictionary)
        {
            _environment[dictionary.Local] = WithEntry(receiver, invocation.Arguments[0].Value.ConstantValue, arguments[1]);
            return AbstractValue.Unknown;
        }

        // StandardScaler/MinMaxScaler.Fit, Transform (scaled) and InverseTransform (back to original units).
        if (_symbols.IsRuntimeScaler(containing) && method.Name is "Transform" or "FitTransform" or "Fit" or "InverseTransform")
            return RuntimeScalerCall(invocation, receiver, arguments);

        RecordTextOutput(invocation, receiver, arguments);

        if (!_options.ScalingMethods.IsEmpty && containing is not null
            && _options.ScalingMethods.Contains(containing.ToDisplayString(SymbolDisplayFormat.CSharpErrorMessageFormat.WithMiscellaneousOptions(SymbolDisplayMiscellaneousOptions.None)) + "." + method.Name))
            return UserScalingMethod(invocation, arguments);

        if (DotNetCall(invocation, receiver, arguments) is { } modelled)
            return modelled;

        if (method.MethodKind is MethodKind.Ordinary or MethodKind.LocalFunction && !method.DeclaringSyntaxReferences.IsEmpty
            && !SymbolEqualityComparer.Default.Equals(method.OriginalDefinition, _method?.OriginalDefinition) && _symbols.HasTensorParameter(method))
        {
            _facts.MeetsHelpers = true;
            var summary = _helperSummaries?.Invoke(method.OriginalDefinition);
            if (summary is { IsEmpty: false })
                RecordHelperCall(invocation, summary, arguments);
        }

        if (_program is not null && IsUserCode(method) && method.MethodKind is MethodKind.Ordinary or MethodKind.LocalFunction
            && !SymbolEqualityComparer.Default.Equals(method.OriginalDefinition, _method?.OriginalDefinition))
            FollowTrainingWithStructuredData(invocation, method, arguments);

        if (IsUserCode(method) && StepHelperCall(invocation, method, arguments) is { } stepLoss)
            return stepLoss;

        if (_program is not null && IsUserCode(method) && method.MethodKind is MethodKind.Ordinary or MethodKind.LocalFunction)
        {
            // Through an interface, abstract or virtual method: the one implementation the compilation holds, or the
            // join of what each of its few implementations returns.
            var targets = method.IsAbstract || method.IsVirtual ? _program.Implementations(method, _cancellationToken) : ImmutableArray<IMethodSymbol>.Empty;
            // An object seen made: the method its class runs.
            if (targets.Length > 1 && ImplementationFor(receiver?.ObjectType, method, targets) is { } runs)
                targets = ImmutableArray.Create(runs);
            if (targets.Length > 1)
            {
                if (CallEach(targets, invocation.Instance, receiver, arguments, invocation) is { } joined)
                    return joined;
            }
            else if (CallUser(targets.Length == 1 ? targets[0] : method, invocation.Instance, receiver, arguments, invocation, out var followed))
                return followed ?? AbstractValue.Unknown;
        }

        EscapeArguments(invocation);
        var returnType = method.ReturnType;
        if (IsNumeric(returnType) || IsNumericCollection(returnType))
            return AbstractValue.Data(Interval.Unknown, ValueOrigin.RuntimeData, ElementKindOf(returnType));
        return AbstractValue.Unknown;
    }

    /// <summary>
    /// While collecting what a method is handed (<see cref="ArgumentsHandedTo"/>): a lambda without parameters given to
    /// a library method (<c>await Task.Run(() =&gt; service.Train(rows))</c> in a click handler) runs here, on a copy of
    /// the variables, so a call of that method inside it is seen with what it captures. Nothing else of this
    /// interpretation is kept, so when or whether the library runs it does not matter beyond that.
    /// </summary>
    private void RunLambdasForCapture(IInvocationOperation invocation)
    {
        foreach (var argument in invocation.Arguments)
        {
            var operation = Strip(argument.Value);
            if (operation is IDelegateCreationOperation creation)
                operation = Strip(creation.Target);
            if (operation is not IAnonymousFunctionOperation { Symbol.Parameters.Length: 0 } lambda)
                continue;
            var saved = new Dictionary<ISymbol, AbstractValue>(_environment, SymbolEqualityComparer.Default);
            try
            {
                EvaluateLambda(lambda);
            }
            finally
            {
                _environment = saved;
            }
        }
    }

    /// <summary>A call's argument values by the callee's parameter ordinal (unknown where none is written), each carrying the data file path it names.</summary>
    private AbstractValue[] ArgumentsByOrdinal(IMethodSymbol method, IInvocationOperation invocation, AbstractValue[] arguments)
    {
        var byOrdinal = new AbstractValue[method.Parameters.Length];
        for (var i = 0; i < byOrdinal.Length; i++)
            byOrdinal[i] = AbstractValue.Unknown;
        for (var i = 0; i < invocation.Arguments.Length && i < arguments.Length; i++)
        {
            if (invocation.Arguments[i].Parameter is { } parameter && parameter.Ordinal < byOrdinal.Length)
                byOrdinal[parameter.Ordinal] = WithDataPath(invocation.Arguments[i].Value, arguments[i]);
        }
        return byOrdinal;
    }

    /// <summary>
    /// Arrays and lists handed to a call that is not followed (stream.Read(buffer), Array.Copy) may be filled by it:
    /// from here on they hold run-time data of unknown range.
    /// </summary>
    private void EscapeArguments(IInvocationOperation invocation)
    {
        foreach (var argument in invocation.Arguments)
        {
            var value = Strip(argument.Value);
            if (value is ILocalReferenceOperation or IParameterReferenceOperation && IsCollection(value.Type) && (IsNumericCollection(value.Type) || value.Type is IArrayTypeSymbol)
                && argument.Parameter?.Type is not INamedTypeSymbol { Name: "IEnumerable" or "IReadOnlyList" or "IReadOnlyCollection" or "ReadOnlySpan" })
            {
                var symbol = value is ILocalReferenceOperation local ? (ISymbol)local.Local : ((IParameterReferenceOperation)value).Parameter;
                if (_environment.TryGetValue(symbol, out var held))
                    WriteVariable(symbol, held.Derived() with { Range = Interval.Unknown, Columns = default, Origin = ValueOrigin.RuntimeData }, mutation: true);
            }
        }
    }

    /// <summary>
    /// A method listed in scaling_analyzer.scaling_methods: its result is scaled, and so are the tensor variables it
    /// received (helpers such as StandardizeInPlace(x) scale their argument in place).
    /// </summary>
    private AbstractValue UserScalingMethod(IInvocationOperation invocation, AbstractValue[] arguments)
    {
        AbstractValue? result = null;
        for (var i = 0; i < arguments.Length; i++)
        {
            var argument = invocation.Arguments[i];
            if (!_symbols.IsTensor(argument.Value.Type))
                continue;
            var scaled = arguments[i].Derived() with { Scaling = ScalingKind.UserMethod, Range = Interval.Unknown, Columns = default };
            result ??= scaled;
            if (argument.Parameter?.RefKind != RefKind.Out)
                Assign(Strip(argument.Value), scaled);
        }
        return result ?? AbstractValue.Data(Interval.Unknown, ValueOrigin.Unknown, ElementKind.Floating).WithScaling(ScalingKind.UserMethod);
    }

    private void RecordHelperCall(IInvocationOperation invocation, TrainingSummary summary, AbstractValue[] arguments)
    {
        if (!_helperSites.TryGetValue(invocation, out var site))
        {
            site = new HelperCallSite(invocation, summary);
            _helperSites.Add(invocation, site);
            _facts.HelperCalls.Add(site);
        }
        for (var i = 0; i < arguments.Length; i++)
        {
            var argument = invocation.Arguments[i];
            if (argument.Parameter is null)
                continue;
            site.Arguments[argument] = site.Arguments.TryGetValue(argument, out var previous) ? previous.Join(arguments[i]) : arguments[i];
        }
    }

    private AbstractValue ForwardCall(TorchCall call)
    {
        var invocation = call.Invocation;
        var moduleType = call.Invocation.Instance?.Type as INamedTypeSymbol;
        // Modelling a module class's forward: Flatten/Dropout/Identity before the first real layer hand the input on.
        if (_modelsModuleForward && (call.Receiver?.PassesValues == true || TorchTransfers.PassesValues(moduleType)) && call.Arguments.Length == 1)
            return call.Arguments[0] with { Columns = default, Rows = null };
        var normalizes = call.Receiver?.NormalizesInput == true || _symbols.IsNormalizingLayer(moduleType)
            || (moduleType is not null && _objects?.ModuleNormalizesInput(moduleType, _cancellationToken) == true);
        var forwards = ImmutableArray.Create<IOperation>(invocation);
        var losses = ImmutableArray<IOperation>.Empty;
        for (var i = 0; i < call.Arguments.Length; i++)
        {
            var argument = invocation.Arguments[i];
            forwards = AbstractValue.Union(forwards, call.Arguments[i].ForwardCalls);
            losses = AbstractValue.Union(losses, call.Arguments[i].LossCalls);
            MarkOtherUse(call.Arguments[i]);
            if (!_symbols.IsTensor(argument.Value.Type) && !_symbols.IsTensor(argument.Parameter?.Type))
                continue;
            if (_forwardSites.TryGetValue(argument, out var site))
            {
                site.Value = site.Value.Join(call.Arguments[i]);
                site.UnderNoGrad &= UnderNoGrad;
                site.ModuleNormalizesInput &= normalizes;
            }
            else
            {
                var callText = (invocation.Instance?.Syntax.ToString() ?? "module") + "." + invocation.TargetMethod.Name;
                site = new ForwardSite(invocation, argument, call.Arguments[i], UnderNoGrad, normalizes, callText);
                _forwardSites.Add(argument, site);
                _facts.Forwards.Add(site);
            }
        }
        return AbstractValue.Data(Interval.Unknown, ValueOrigin.ModuleOutput, ElementKind.Floating) with { ForwardCalls = forwards, LossCalls = losses };
    }

    internal AbstractValue LossCall(TorchCall call, bool isRegression)
    {
        var invocation = call.Invocation;
        var forwards = ImmutableArray<IOperation>.Empty;
        var losses = ImmutableArray.Create<IOperation>(invocation);
        IArgumentOperation? target = null;
        AbstractValue targetValue = AbstractValue.Unknown;
        var tensorIndex = 0;
        for (var i = 0; i < call.Arguments.Length; i++)
        {
            forwards = AbstractValue.Union(forwards, call.Arguments[i].ForwardCalls);
            losses = AbstractValue.Union(losses, call.Arguments[i].LossCalls);
            var argument = invocation.Arguments[i];
            if (!_symbols.IsTensor(argument.Parameter?.Type ?? argument.Value.Type))
                continue;
            // The target is the parameter named so, or the second tensor (forward(input, target)).
            if (argument.Parameter?.Name == "target" || (target is null && tensorIndex == 1))
            {
                target = argument;
                targetValue = call.Arguments[i];
            }
            tensorIndex++;
        }
        if (target is not null)
        {
            if (_lossSites.TryGetValue(invocation, out var site))
            {
                site.Value = site.Value.Join(targetValue);
                site.UnderNoGrad &= UnderNoGrad;
            }
            else
            {
                site = new LossSite(invocation, target, targetValue, isRegression, UnderNoGrad);
                _lossSites.Add(invocation, site);
                _facts.Losses.Add(site);
            }
            site.Predictions = AbstractValue.Union(site.Predictions, forwards);
            RecordLossComparison(invocation, target, targetValue, call.Arguments);
        }
        return AbstractValue.Data(Interval.Unknown, ValueOrigin.ModuleOutput, ElementKind.Floating) with { ForwardCalls = forwards, LossCalls = losses };
    }

    internal void Backward(AbstractValue value)
    {
        foreach (var forward in value.ForwardCalls)
            _facts.BackwardReached.Add(forward);
        foreach (var loss in value.LossCalls)
            _facts.BackwardReached.Add(loss);
    }

    internal void Step(AbstractValue? optimizer)
        => _facts.Steps.Add(new StepSite(optimizer?.Optimizer, CurrentStepCount(), UnderNoGrad));

    /// <summary>
    /// An in-place result written back into the tensor it changed. In-place methods return their receiver, so in
    /// <c>x.sub_(m).div_(s)</c> the receiver of div_ is x itself: the chain is followed down to the variable.
    /// </summary>
    internal void AssignBack(IOperation? target, AbstractValue value)
    {
        if (target is null)
            return;
        target = Strip(target);
        while (target is IInvocationOperation { Instance: { } receiver } inPlace && IsInPlaceTensorMethod(inPlace.TargetMethod))
            target = Strip(receiver);
        Assign(target, value);
        if (target is IParameterReferenceOperation parameter)
            _mutatedParameters.Add(parameter.Parameter);
    }

    private bool IsInPlaceTensorMethod(IMethodSymbol method)
        => TorchSymbols.IsInPlaceName(method.Name) && _symbols.IsTensor(method.ContainingType);

    /// <summary>
    /// One element of a collection (foreach, an indexer, a LINQ lambda's parameter): its structure when the elements
    /// have one, else the collection's own facts. It keeps the collection's identity, so a statistic of the
    /// collection (<c>data.Average()</c>) is recognised in an element (<c>v - mean</c>).
    /// </summary>
    internal AbstractValue ElementOf(AbstractValue collection)
    {
        if (collection.Element is { } element)
            return collection.ParameterOrdinal >= 0 && element.ParameterOrdinal < 0 ? element.WithParameterOrdinal(collection.ParameterOrdinal) : element;
        return collection.Range.IsKnown || collection.Origin is ValueOrigin.RuntimeData or ValueOrigin.Generated
            ? (collection with { Rows = null, Elements = default, Element = null, Members = null, Optimizer = null, NormalizesInput = false })
            : AbstractValue.Unknown;
    }

    /// <summary>A collection whose every element is <paramref name="element"/> (a Select's result, a list after Add).</summary>
    internal AbstractValue CollectionOf(AbstractValue element)
    {
        if (element.Elements.IsDefault && element.Members is null && element.Element is null)
            return element with { Rows = null, Identity = new object(), ParameterOrdinal = -1 };
        return AbstractValue.Unknown with { Element = element, Origin = element.Origin, Kind = element.Kind, Identity = new object() };
    }

    internal static bool IsNumeric(ITypeSymbol? type) => NumericTypes.IsNumeric(type);

    internal static bool IsIntegral(ITypeSymbol? type) => NumericTypes.IsIntegral(type);

    /// <summary>Arrays, lists and sequences of numbers: .NET data whose values are known only at run time.</summary>
    internal static bool IsNumericCollection(ITypeSymbol? type)
    {
        switch (type)
        {
            case IArrayTypeSymbol array:
                return IsNumeric(array.ElementType) || array.ElementType is IArrayTypeSymbol;
            case INamedTypeSymbol { Arity: 1 } named when IsNumericCollectionName(named.Name):
                return IsNumeric(GenericTypes.OnlyTypeArgument(named));
            default:
                return false;
        }
    }

    private static bool IsNumericCollectionName(string name)
        => name is "List" or "IList" or "IEnumerable" or "IReadOnlyList" or "ICollection" or "IReadOnlyCollection" or "Span" or "ReadOnlySpan" or "Memory" or "ReadOnlyMemory";

    internal static ElementKind ElementKindOf(ITypeSymbol? type)
    {
        while (type is IArrayTypeSymbol array)
            type = array.ElementType;
        if (GenericTypes.OnlyTypeArgument(type) is { } element)
            type = element;
        if (IsIntegral(type))
            return ElementKind.Integer;
        return IsNumeric(type) ? ElementKind.Floating : ElementKind.Unknown;
    }

    /// <summary>The body a delegate runs: a lambda's, or a local function's (found in the method being interpreted).</summary>
    /// <summary>The lambdas running as delegates called from a variable: one calling itself is unknown there.</summary>
    private HashSet<IOperation>? _runningDelegates;

    /// <summary>
    /// A call of a delegate whose code is known (<see cref="AbstractValue.Callable"/>): a lambda runs here with its
    /// parameters bound, seeing what it captures as it is now; a local function is called as one. Null when not followed.
    /// </summary>
    private AbstractValue? InvokeDelegate(IOperation body, IInvocationOperation invocation, AbstractValue[] arguments)
    {
        switch (body.Parent)
        {
            case IAnonymousFunctionOperation lambda:
                _runningDelegates ??= new HashSet<IOperation>();
                if (!_runningDelegates.Add(lambda))
                    return AbstractValue.Unknown;
                try
                {
                    var bound = new AbstractValue[lambda.Symbol.Parameters.Length];
                    for (var i = 0; i < bound.Length; i++)
                        bound[i] = AbstractValue.Unknown;
                    for (var i = 0; i < invocation.Arguments.Length && i < arguments.Length; i++)
                    {
                        if (invocation.Arguments[i].Parameter is { Ordinal: var ordinal } && ordinal < bound.Length)
                            bound[ordinal] = arguments[i];
                    }
                    return EvaluateLambda(lambda, bound);
                }
                finally
                {
                    _runningDelegates.Remove(lambda);
                }
            case ILocalFunctionOperation function when _program is not null:
                return CallUser(function.Symbol, null, null, arguments, invocation, out var returned) ? returned ?? AbstractValue.Unknown : null;
            default:
                return null;
        }
    }

    private static IOperation? CallableBody(IOperation target)
    {
        switch (target)
        {
            case IAnonymousFunctionOperation lambda:
                return lambda.Body;
            case IMethodReferenceOperation { Method: { MethodKind: MethodKind.LocalFunction } function } reference:
                var root = (IOperation)reference;
                while (root.Parent is not null)
                    root = root.Parent;
                foreach (var operation in root.Descendants())
                {
                    if (operation is ILocalFunctionOperation local && SymbolEqualityComparer.Default.Equals(local.Symbol, function))
                        return (IOperation?)local.Body ?? local.IgnoredBody;
                }
                return null;
            default:
                return null;
        }
    }

    /// <summary>Dictionary&lt;string, Tensor&gt;: what a map-style Dataset's GetTensor returns and a DataLoader collates.</summary>
    private bool IsTensorDictionary(ITypeSymbol? type)
        => type is INamedTypeSymbol { Name: "Dictionary", IsGenericType: true, Arity: 2 } named && named.TypeArguments is var arguments
           && arguments[0].SpecialType == SpecialType.System_String && _symbols.IsTensor(arguments[1])
           && named.ContainingNamespace?.ToDisplayString() == "System.Collections.Generic";

    /// <summary>The dictionary with <paramref name="key"/> set (added or replaced); unknown when the key is not a constant string.</summary>
    private static AbstractValue WithEntry(AbstractValue dictionary, Optional<object?> key, AbstractValue value)
    {
        if (dictionary.Elements.IsDefault || dictionary.ElementNames.IsDefault || !key.HasValue || key.Value is not string name)
            return AbstractValue.Unknown;
        var index = dictionary.ElementNames.IndexOf(name);
        return index >= 0
            ? dictionary with { Elements = dictionary.Elements.SetItem(index, value) }
            : dictionary with { Elements = dictionary.Elements.Add(value), ElementNames = dictionary.ElementNames.Add(name) };
    }

    /// <summary>
    /// <c>kind switch { Kind.Raw => raw, Kind.Scaled => scaled, _ => throw ... }</c>: any arm that gives a value may run, so
    /// the values are joined, as the branches of a conditional are; an arm that throws gives none.
    /// </summary>
    private AbstractValue SwitchArms(ISwitchExpressionOperation switchExpression)
    {
        Evaluate(switchExpression.Value);
        AbstractValue? joined = null;
        foreach (var arm in switchExpression.Arms)
        {
            var value = arm.Value;
            while (value is IConversionOperation conversion)
                value = conversion.Operand;
            if (value is IThrowOperation)
                continue;
            var armValue = Evaluate(arm.Value);
            joined = joined is null ? armValue : joined.Join(armValue);
        }
        return joined ?? AbstractValue.Unknown;
    }
}
