using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace ScalingAnalyzer.Analysis;

/// <summary>
/// Classes of yours that are sequences (<c>class TileSamples : IEnumerable&lt;(Tensor image, Tensor label)&gt;</c> whose
/// <c>GetEnumerator</c> yields the samples, as image-folder loaders write it): walked by <c>foreach</c>, handed to LINQ
/// (<c>samples.Take(n)</c>), or enumerated by hand (<c>var e = data.GetEnumerator(); while (e.MoveNext()) ... e.Current</c>),
/// they hold what <c>GetEnumerator</c> yields.
/// </summary>
internal sealed partial class TrainingInterpreter
{
    /// <summary>
    /// The sequence a value of one of your enumerable classes stands for (what its <c>GetEnumerator</c> yields, with the
    /// object's fields as the analysis knows them); the value itself when it already is one, or is not such an object.
    /// </summary>
    private AbstractValue AsSequence(IOperation collection, AbstractValue value)
    {
        var sequence = SequenceOf(collection, value);
        // A sequence handed in as a helper's parameter stays that parameter (reported at the caller's argument).
        return !ReferenceEquals(sequence, value) && value.ParameterOrdinal >= 0 && sequence.ParameterOrdinal < 0 ? sequence.WithParameterOrdinal(value.ParameterOrdinal) : sequence;
    }

    private AbstractValue SequenceOf(IOperation collection, AbstractValue value)
    {
        if (value.Element is not null || _program is null)
            return value;
        var operand = collection;
        while (operand is IConversionOperation conversion)
            operand = conversion.Operand;
        // The class the code names, or (behind an IEnumerable<T> parameter) the class of the object seen made.
        var type = operand.Type is INamedTypeSymbol { TypeKind: TypeKind.Class } named && IsUserCode(named) ? named : value.ObjectType;
        if (type is null || !IsUserCode(type) || UserGetEnumerator(type) is not { } getEnumerator)
            return value;
        if (!CallUser(getEnumerator, operand, value, System.Array.Empty<AbstractValue>(), invocation: null, out var returned) || returned is null)
            return value;
        if (returned.Element is not null)
            return returned;
        // GetEnumerator() => new DigitEnumerator(data, labels): an enumerator class of yours, whose Current is an element.
        if (returned.ObjectType is { } enumeratorType && IsUserCode(enumeratorType) && UserCurrent(enumeratorType) is { } current
            && CallUser(current, operand, returned, System.Array.Empty<AbstractValue>(), invocation: null, out var element) && element is not null)
            return CollectionOf(element);
        return value;
    }

    /// <summary>The getter of the <c>Current</c> an enumerator class of yours declares (not an explicit interface one).</summary>
    private static IMethodSymbol? UserCurrent(INamedTypeSymbol type)
    {
        foreach (var member in type.GetMembers("Current"))
        {
            if (member is IPropertySymbol { IsStatic: false, GetMethod: { } getter, ExplicitInterfaceImplementations.IsEmpty: true } && IsUserCode(getter) && !getter.IsAbstract)
                return getter;
        }
        return null;
    }

    /// <summary>The <c>GetEnumerator()</c> with a body a class of yours (or a base of it) declares.</summary>
    private static IMethodSymbol? UserGetEnumerator(INamedTypeSymbol type)
    {
        for (var current = type; current is not null && IsUserCode(current); current = current.BaseType)
        {
            foreach (var member in current.GetMembers("GetEnumerator"))
            {
                if (member is IMethodSymbol { Parameters.Length: 0, IsAbstract: false, IsStatic: false, ReturnType: INamedTypeSymbol { IsGenericType: true } } method
                    && method.ExplicitInterfaceImplementations.IsEmpty && IsUserCode(method))
                    return method;
            }
        }
        return null;
    }

    /// <summary><c>sequence.GetEnumerator()</c> is the sequence; its <c>Current</c> is an element of it.</summary>
    private static bool IsEnumeratorOf(IMethodSymbol method)
        => method is { Name: "GetEnumerator", Parameters.Length: 0 } && method.ReturnType is INamedTypeSymbol { Name: "IEnumerator" };

    private static bool IsEnumeratorCurrent(IPropertySymbol property)
        => property.Name == "Current" && property.ContainingType is { Name: "IEnumerator", IsGenericType: true };
}
