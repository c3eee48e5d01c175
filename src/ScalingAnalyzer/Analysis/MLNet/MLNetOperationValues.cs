using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace ScalingAnalyzer.Analysis.MLNet;

/// <summary>
/// Follows values through the locals of one method body: which expression a local holds where it is read, and the
/// string constants column names are written as. Kept with the ML.NET analysis so it never collides with the
/// TorchSharp analysis' own value tracking.
/// </summary>
internal sealed class MLNetOperationValues
{
    private readonly IOperation root;
    private Dictionary<ILocalSymbol, List<(int End, IOperation Value)>>? writes;
    private Dictionary<ILocalSymbol, List<ILocalReferenceOperation>>? reads;

    public MLNetOperationValues(IOperation root) => this.root = root;

    /// <summary>The method body these values are of, with its lambdas.</summary>
    public IOperation Root => root;

    /// <summary>The outermost operation above <paramref name="operation"/>: the method body, with its lambdas.</summary>
    public static IOperation RootOf(IOperation operation)
    {
        var current = operation;
        while (current.Parent is { } parent)
            current = parent;
        return current;
    }

    /// <summary>Skips the implicit and explicit conversions ML.NET's generic signatures put around estimators.</summary>
    public static IOperation Unwrap(IOperation operation)
    {
        var current = operation;
        while (current is IConversionOperation conversion)
            current = conversion.Operand;
        return current;
    }

    /// <summary>The lambda an argument passes (<c>x => ...</c>, through conversions and a delegate creation), if it passes one.</summary>
    public static IAnonymousFunctionOperation? LambdaOf(IOperation argument)
    {
        var operation = Unwrap(argument);
        if (operation is IDelegateCreationOperation creation)
            operation = Unwrap(creation.Target);
        return operation as IAnonymousFunctionOperation;
    }

    /// <summary>The operation that consumes <paramref name="operation"/>'s value, above any conversions.</summary>
    public static (IOperation Value, IOperation? Consumer) ConsumerOf(IOperation operation)
    {
        var current = operation;
        while (current.Parent is IConversionOperation conversion)
            current = conversion;
        return (current, current.Parent);
    }

    /// <summary>
    /// The value last written to the local before <paramref name="reference"/> in source order, or null when the local
    /// is written in a way not followed here (ref, out, deconstruction, compound assignment).
    /// Source order stands in for flow: a branch that writes the local counts as taken, which errs towards silence.
    /// </summary>
    public IOperation? ValueAt(ILocalReferenceOperation reference)
    {
        var candidates = Writes(reference.Local);
        if (candidates is null)
            return null;
        var position = reference.Syntax.SpanStart;
        IOperation? best = null;
        var bestEnd = -1;
        foreach (var (end, value) in candidates)
        {
            if (end <= position && end > bestEnd)
            {
                best = value;
                bestEnd = end;
            }
        }
        return best;
    }

    /// <summary>
    /// The array a local holds where it is read, when the local is written once with an array creation and no element of
    /// it is ever assigned (<c>var featureColumns = new[] { "CRIM", "ZN" };</c>); null otherwise.
    /// </summary>
    public IArrayCreationOperation? ArrayAt(ILocalReferenceOperation reference)
    {
        if (Writes(reference.Local) is not { Count: 1 } || ValueAt(reference) is not { } value || Unwrap(value) is not IArrayCreationOperation array)
            return null;
        foreach (var read in ReadsOf(reference.Local))
        {
            if (read.Parent is IArrayElementReferenceOperation element && element.ArrayReference == read
                && element.Parent is IAssignmentOperation assignment && assignment.Target == element)
                return null;
            if (read.Parent is IArgumentOperation { Parameter.RefKind: not RefKind.None })
                return null;
        }
        return array;
    }

    /// <summary>
    /// The names a <c>List&lt;string&gt;</c> local holds when it is written once, with a collection initializer of
    /// constants (<c>var featureColumns = new List&lt;string&gt; { nameof(Customer.Age), "Income" };</c>), and only ever
    /// read by a <c>foreach</c>, <c>ToArray()</c> or <c>Count</c>; null otherwise (an <c>Add</c>, <c>Remove</c>, or the
    /// list handed to any other code).
    /// </summary>
    public ImmutableArray<string>? ConstantStringList(ILocalSymbol local)
    {
        if (local.Type is not INamedTypeSymbol { Name: "List", Arity: 1 } type || type.TypeArguments[0].SpecialType != SpecialType.System_String
            || type.ContainingNamespace?.ToDisplayString() != "System.Collections.Generic"
            || Writes(local) is not { Count: 1 } writes
            || Unwrap(writes[0].Value) is not IObjectCreationOperation { Arguments.IsEmpty: true, Initializer: IObjectOrCollectionInitializerOperation initializer })
            return null;
        var builder = ImmutableArray.CreateBuilder<string>(initializer.Initializers.Length);
        foreach (var item in initializer.Initializers)
        {
            if (item is not IInvocationOperation { TargetMethod.Name: "Add", Arguments.Length: 1 } add || ConstantString(add.Arguments[0].Value) is not { } name)
                return null;
            builder.Add(name);
        }
        foreach (var read in ReadsOf(local))
        {
            var (top, consumer) = ConsumerOf(read);
            var allowed = consumer switch
            {
                IForEachLoopOperation loop => loop.Collection == top,
                IInvocationOperation { TargetMethod.Name: "ToArray" } toArray => toArray.Instance == top,
                IArgumentOperation { Parent: IInvocationOperation { TargetMethod: { Name: "ToArray", IsExtensionMethod: true } } } => true,
                IPropertyReferenceOperation { Property.Name: "Count" } => true,
                _ => false,
            };
            if (!allowed)
                return null;
        }
        return builder.ToImmutable();
    }

    /// <summary>
    /// The one argument that writes <paramref name="local"/>, when the local is written nowhere else: the <c>out size</c>
    /// (or <c>out var size</c>) of <c>float.TryParse(fields[0], out var size)</c>. Null when the local is also assigned,
    /// declared with a value, or written by another out, ref or compound write.
    /// </summary>
    public IArgumentOperation? SingleOutArgument(ILocalSymbol local)
    {
        if (Writes(local) is not null)
            return null;
        IArgumentOperation? found = null;
        foreach (var operation in root.Descendants())
        {
            if (operation is not ILocalReferenceOperation reference || !SymbolEqualityComparer.Default.Equals(reference.Local, local))
                continue;
            var parent = reference.Parent is IDeclarationExpressionOperation declaration ? declaration.Parent : reference.Parent;
            if (parent is IArgumentOperation { Parameter.RefKind: RefKind.Out } argument)
            {
                if (found is not null)
                    return null;
                found = argument;
            }
            else if (IsOtherWrite(reference) || reference.Parent is ISimpleAssignmentOperation assignment && assignment.Target == reference)
            {
                return null;
            }
        }
        return found;
    }

    /// <summary>Every read of <paramref name="local"/> in the body.</summary>
    public IReadOnlyList<ILocalReferenceOperation> ReadsOf(ILocalSymbol local)
    {
        reads ??= CollectReads();
        return reads.TryGetValue(local, out var list) ? list : NoReads;
    }

    private static readonly ILocalReferenceOperation[] NoReads = new ILocalReferenceOperation[0];

    /// <summary>Every read of every local in the root, in the order of the tree: one walk, however many locals a chain passes through.</summary>
    private Dictionary<ILocalSymbol, List<ILocalReferenceOperation>> CollectReads()
    {
        var result = new Dictionary<ILocalSymbol, List<ILocalReferenceOperation>>(SymbolEqualityComparer.Default);
        foreach (var operation in root.Descendants())
        {
            if (operation is ILocalReferenceOperation { IsDeclaration: false } reference && !IsWriteTarget(reference))
            {
                if (!result.TryGetValue(reference.Local, out var list))
                {
                    list = new List<ILocalReferenceOperation>();
                    result.Add(reference.Local, list);
                }
                list.Add(reference);
            }
        }
        return result;
    }

    /// <summary>
    /// Where loops read an element of a collection written out in the code and held in a local:
    /// <c>var all = new[] { a, b }; foreach (var item in all) ... item ...</c>, also for <c>new List&lt;T&gt; { a, b }</c>
    /// and for one field of tuple elements (<c>(string name, IEstimator&lt;ITransformer&gt; value)[] all = { ("SDCA",
    /// a) }; ... item.value</c>: only reads of that field, or of the variable a deconstructing loop gives it), and for
    /// a value of a dictionary (<see cref="DictionaryReadsOfValue"/>). Empty when the element is not in such a
    /// collection, or the local is written again.
    /// </summary>
    public IEnumerable<IOperation> LoopReadsOfElement(IOperation element)
    {
        var (current, parent) = ConsumerOf(element);
        if (DictionaryHolding(current, parent, out var key) is { } dictionary)
            return DictionaryReadsOfValue(dictionary, key);
        return CollectionLoopReadsOfElement(current, parent);
    }

    private IEnumerable<IOperation> CollectionLoopReadsOfElement(IOperation current, IOperation? parent)
    {
        int? tupleField = null;
        if (parent is ITupleOperation tuple)
        {
            tupleField = tuple.Elements.IndexOf(current);
            (current, parent) = ConsumerOf(tuple);
        }
        IOperation? collection = parent switch
        {
            IArrayInitializerOperation { Parent: IArrayCreationOperation array } => array,
            IArgumentOperation { Parent: IInvocationOperation { IsImplicit: true, Parent: IObjectOrCollectionInitializerOperation { Parent: IObjectCreationOperation creation } } } => creation,
            _ => null,
        };
        if (collection is null
            || ConsumerOf(collection).Consumer is not IVariableInitializerOperation { Parent: IVariableDeclaratorOperation declarator }
            || Writes(declarator.Symbol) is not { Count: 1 })
        {
            yield break;
        }
        foreach (var read in ReadsOf(declarator.Symbol))
        {
            var (readValue, reader) = ConsumerOf(read);
            if (reader is not IForEachLoopOperation loop || loop.Collection != readValue)
                continue;
            if (loop.LoopControlVariable is IDeclarationExpressionOperation { Expression: ITupleOperation parts })
            {
                // foreach (var (name, trainer) in all): the variable the tuple field is deconstructed into.
                if (tupleField is { } index && index >= 0 && index < parts.Elements.Length && DeclaredLocal(parts.Elements[index]) is { } part)
                {
                    foreach (var partRead in ReadsOf(part))
                        yield return partRead;
                }
                continue;
            }
            if (loop.LoopControlVariable is not IVariableDeclaratorOperation item)
                continue;
            foreach (var itemRead in ReadsOf(item.Symbol))
            {
                if (tupleField is null)
                {
                    yield return itemRead;
                    continue;
                }
                var (itemValue, itemReader) = ConsumerOf(itemRead);
                if (itemReader is IFieldReferenceOperation field && field.Instance == itemValue
                    && field.Field.CorrespondingTupleField?.Name == "Item" + (tupleField.Value + 1))
                {
                    yield return field;
                }
            }
        }
    }

    /// <summary>
    /// The dictionary local <paramref name="value"/> is stored in as a value: <c>{ "SDCA", value }</c> or
    /// <c>["SDCA"] = value</c> in the dictionary's initializer, <c>trainers.Add("SDCA", value)</c> or
    /// <c>trainers["SDCA"] = value</c>; null for a key, or any other place.
    /// </summary>
    private ILocalSymbol? DictionaryHolding(IOperation value, IOperation? parent, out string? key)
    {
        IOperation? receiver;
        key = null;
        switch (parent)
        {
            case IArgumentOperation { Parent: IInvocationOperation { TargetMethod.Name: "Add" or "TryAdd", Arguments.Length: 2 } add } argument
                when argument.Parameter?.Ordinal == 1:
                receiver = add.IsImplicit ? add.Parent : add.Instance;
                key = StringValue(add.Arguments[0].Value);
                break;
            case ISimpleAssignmentOperation { Target: IPropertyReferenceOperation { Property.IsIndexer: true, Arguments.Length: 1 } indexer } assignment
                when assignment.Value == value:
                receiver = indexer.Instance is IInstanceReferenceOperation ? assignment.Parent : indexer.Instance;
                key = StringValue(indexer.Arguments[0].Value);
                break;
            default:
                return null;
        }
        ILocalSymbol? local = receiver switch
        {
            IObjectOrCollectionInitializerOperation { Parent: IObjectCreationOperation creation }
                when ConsumerOf(creation).Consumer is IVariableInitializerOperation { Parent: IVariableDeclaratorOperation declarator } => declarator.Symbol,
            ILocalReferenceOperation reference => reference.Local,
            _ => null,
        };
        return local is { Type: INamedTypeSymbol { Arity: 2, Name: "Dictionary" or "SortedDictionary" or "IDictionary" } type }
               && type.ContainingNamespace?.ToDisplayString() == "System.Collections.Generic"
               && Writes(local) is { Count: 1 }
            ? local
            : null;
    }

    /// <summary>
    /// Where the code reads a value of a dictionary: loops over its values (<c>foreach (var entry in trainers) ...
    /// entry.Value</c>, <c>foreach (var (name, trainer) in trainers)</c>, <c>foreach (var trainer in trainers.Values)</c>,
    /// <c>foreach (var name in trainers.Keys) ... trainers[name]</c>) read every value; <c>trainers["sdca"]</c> reads the
    /// value stored under <paramref name="key"/>, when that key is written once. Empty when the dictionary has values
    /// removed (<c>Remove</c>, <c>Clear</c>).
    /// </summary>
    private IEnumerable<IOperation> DictionaryReadsOfValue(ILocalSymbol dictionary, string? key)
    {
        var loops = new List<(IForEachLoopOperation Loop, bool OverValues)>();
        var reads = new List<IOperation>();
        var keyed = new List<IOperation>();
        var keyWrites = 0;
        foreach (var read in ReadsOf(dictionary))
        {
            var (readValue, reader) = ConsumerOf(read);
            switch (reader)
            {
                case IInvocationOperation { TargetMethod.Name: "Remove" or "Clear" or "TryRemove" }:
                    return System.Array.Empty<IOperation>();
                case IInvocationOperation { TargetMethod.Name: "Add" or "TryAdd", Arguments.Length: 2 } add when add.Instance == readValue:
                    if (key is not null && StringValue(add.Arguments[0].Value) is var addedKey && (addedKey is null || addedKey == key))
                        keyWrites++;
                    break;
                case IInvocationOperation { TargetMethod.Name: "TryGetValue", Arguments.Length: 2 } tryGet when tryGet.Instance == readValue:
                    // if (trainers.TryGetValue("sdca", out var trainer)) ... trainer ...: a read of the value under that key,
                    // when the out variable is declared there and written nowhere else.
                    if (key is not null && StringValue(tryGet.Arguments[0].Value) == key
                        && tryGet.Arguments[1].Value is IDeclarationExpressionOperation declaration && DeclaredLocal(declaration) is { } got
                        && !IsWrittenElsewhere(got))
                        keyed.AddRange(ReadsOf(got));
                    break;
                case IForEachLoopOperation loop when loop.Collection == readValue:
                    loops.Add((loop, false));
                    break;
                case IPropertyReferenceOperation { Property.Name: "Values" } values when values.Instance == readValue
                    && ConsumerOf(values) is (var valuesTop, IForEachLoopOperation valuesLoop) && valuesLoop.Collection == valuesTop:
                    loops.Add((valuesLoop, true));
                    break;
                case IPropertyReferenceOperation { Property.IsIndexer: true, Arguments.Length: 1 } indexer when indexer.Instance == readValue:
                    var (indexed, indexedReader) = ConsumerOf(indexer);
                    if (indexedReader is IAssignmentOperation assignment && assignment.Target == indexed)
                    {
                        // trainers["sdca"] = ...: another write of the key (or of one not known) makes the keyed reads unknown.
                        if (key is not null && StringValue(indexer.Arguments[0].Value) is var writtenKey && (writtenKey is null || writtenKey == key))
                            keyWrites++;
                    }
                    else if (IsKeyOfLoopOverKeys(indexer.Arguments[0].Value, dictionary))
                        reads.Add(indexer);
                    else if (key is not null && StringValue(indexer.Arguments[0].Value) == key)
                        keyed.Add(indexer);
                    break;
            }
        }
        // The value is read by its key only when that key is written once (that write being the one that stored it).
        if (key is not null && keyed.Count > 0 && keyWrites + InitializerWritesOf(dictionary, key) == 1)
            reads.AddRange(keyed);
        foreach (var (loop, overValues) in loops)
        {
            if (loop.LoopControlVariable is IDeclarationExpressionOperation { Expression: ITupleOperation { Elements.Length: 2 } parts })
            {
                // foreach (var (name, trainer) in trainers): KeyValuePair's Deconstruct gives the value second.
                if (!overValues && DeclaredLocal(parts.Elements[1]) is { } part)
                    reads.AddRange(ReadsOf(part));
                continue;
            }
            if (loop.LoopControlVariable is not IVariableDeclaratorOperation item)
                continue;
            foreach (var itemRead in ReadsOf(item.Symbol))
            {
                if (overValues)
                {
                    reads.Add(itemRead);
                    continue;
                }
                var (itemValue, itemReader) = ConsumerOf(itemRead);
                if (itemReader is IPropertyReferenceOperation { Property.Name: "Value" } entryValue && entryValue.Instance == itemValue)
                    reads.Add(entryValue);
            }
        }
        return reads;
    }

    /// <summary><c>foreach (var name in trainers.Keys) ... trainers[name]</c>: the key is the loop's variable over the dictionary's keys.</summary>
    private bool IsKeyOfLoopOverKeys(IOperation key, ILocalSymbol dictionary)
    {
        if (Unwrap(key) is not ILocalReferenceOperation name)
            return false;
        for (IOperation? current = key.Parent; current is not null; current = current.Parent)
        {
            if (current is IForEachLoopOperation { LoopControlVariable: IVariableDeclaratorOperation item } loop
                && SymbolEqualityComparer.Default.Equals(item.Symbol, name.Local))
            {
                return Unwrap(loop.Collection) is IPropertyReferenceOperation { Property.Name: "Keys", Instance: ILocalReferenceOperation owner }
                       && SymbolEqualityComparer.Default.Equals(owner.Local, dictionary);
            }
        }
        return false;
    }

    /// <summary>How many entries of the dictionary's initializer store a value under <paramref name="key"/> (or under a key not known).</summary>
    private int InitializerWritesOf(ILocalSymbol dictionary, string key)
    {
        var count = 0;
        if (Writes(dictionary) is not { Count: 1 } writes
            || Unwrap(writes[0].Value) is not IObjectCreationOperation { Initializer: { } initializer })
            return count;
        foreach (var entry in initializer.Initializers)
        {
            var written = entry switch
            {
                IInvocationOperation { Arguments.Length: 2 } add => add.Arguments[0].Value,
                ISimpleAssignmentOperation { Target: IPropertyReferenceOperation { Property.IsIndexer: true, Arguments.Length: 1 } indexer } => indexer.Arguments[0].Value,
                _ => null,
            };
            if (written is null || StringValue(written) is not { } text || text == key)
                count++;
        }
        return count;
    }

    /// <summary>Whether the body writes <paramref name="local"/> anywhere but where it is declared.</summary>
    private bool IsWrittenElsewhere(ILocalSymbol local)
    {
        if (Writes(local) is { Count: > 0 })
            return true;
        foreach (var operation in root.Descendants())
        {
            if (operation is ILocalReferenceOperation { IsDeclaration: false } reference && SymbolEqualityComparer.Default.Equals(reference.Local, local)
                && (IsWriteTarget(reference) || IsOtherWrite(reference)))
                return true;
        }
        return false;
    }

    /// <summary>The local a deconstruction declares at one position (<c>var (a, b)</c> or <c>(var a, var b)</c>); null for a discard.</summary>
    private static ILocalSymbol? DeclaredLocal(IOperation part) => part switch
    {
        ILocalReferenceOperation local => local.Local,
        IDeclarationExpressionOperation { Expression: ILocalReferenceOperation local } => local.Local,
        _ => null,
    };

    /// <summary>Assignments <c>local.Member = value</c> in the body, in source order.</summary>
    public IEnumerable<ISimpleAssignmentOperation> MemberAssignmentsOf(ILocalSymbol local, ISymbol member)
    {
        foreach (var operation in root.Descendants())
        {
            if (operation is ISimpleAssignmentOperation { Target: IMemberReferenceOperation target } assignment
                && target.Instance is ILocalReferenceOperation instance
                && SymbolEqualityComparer.Default.Equals(instance.Local, local)
                && IsMemberOrOverride(target.Member, member))
            {
                yield return assignment;
            }
        }
    }

    public static bool IsMemberOrOverride(ISymbol candidate, ISymbol member)
        => SymbolEqualityComparer.Default.Equals(candidate.OriginalDefinition, member.OriginalDefinition);

    /// <summary>
    /// A string constant, also through locals that hold one where they are read (<c>string featuresColumnName =
    /// "Features";</c>, the ML.NET samples' way of naming columns); null otherwise.
    /// </summary>
    public string? StringValue(IOperation? operation)
    {
        for (var depth = 0; operation is not null && depth < 8; depth++)
        {
            if (ConstantString(operation) is { } text)
                return text;
            if (Unwrap(operation) is not ILocalReferenceOperation local)
                return null;
            operation = ValueAt(local);
        }
        return null;
    }

    /// <summary>A compile-time string, or null (not constant, or not a string).</summary>
    public static string? ConstantString(IOperation? operation)
        => operation is { ConstantValue: { HasValue: true, Value: string text } } ? text : null;

    private static bool IsWriteTarget(ILocalReferenceOperation reference)
        => reference.Parent is IAssignmentOperation assignment && assignment.Target == reference;

    private List<(int End, IOperation Value)>? Writes(ILocalSymbol local)
    {
        writes ??= CollectWrites();
        return writes.TryGetValue(local, out var list) ? list : null;
    }

    private Dictionary<ILocalSymbol, List<(int End, IOperation Value)>> CollectWrites()
    {
        var result = new Dictionary<ILocalSymbol, List<(int End, IOperation Value)>>(SymbolEqualityComparer.Default);
        var untracked = new HashSet<ILocalSymbol>(SymbolEqualityComparer.Default);
        foreach (var operation in root.Descendants())
        {
            switch (operation)
            {
                case IVariableDeclaratorOperation { Initializer: { } initializer } declarator:
                    Add(result, declarator.Symbol, declarator.Syntax.Span.End, initializer.Value);
                    break;
                case ISimpleAssignmentOperation { Target: ILocalReferenceOperation target } assignment:
                    Add(result, target.Local, assignment.Syntax.Span.End, assignment.Value);
                    break;
                case ILocalReferenceOperation reference when IsOtherWrite(reference):
                    untracked.Add(reference.Local);
                    break;
            }
        }
        foreach (var local in untracked)
            result.Remove(local);
        return result;
    }

    private static bool IsOtherWrite(ILocalReferenceOperation reference) => reference.Parent switch
    {
        ICompoundAssignmentOperation compound => compound.Target == reference,
        IArgumentOperation argument => argument.Parameter is { RefKind: RefKind.Ref or RefKind.Out },
        ITupleOperation => reference.Parent.Parent is IDeconstructionAssignmentOperation,
        _ => false,
    };

    private static void Add(Dictionary<ILocalSymbol, List<(int End, IOperation Value)>> result, ILocalSymbol local, int end, IOperation value)
    {
        if (!result.TryGetValue(local, out var list))
        {
            list = new List<(int End, IOperation Value)>();
            result.Add(local, list);
        }
        list.Add((end, value));
    }
}
