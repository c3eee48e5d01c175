using System;
using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace ScalingAnalyzer.Analysis;

/// <summary>
/// The constant a parameter of the project holds on every call the compilation makes: what each call passes, or the
/// parameter's default where a call leaves it out (and where no call is in view: the value the method was written to
/// run with). Model Builder's generated <c>Train(outputModelPath, inputDataFilePath = RetrainFilePath, separatorChar =
/// RetrainSeparatorChar, hasHeader = RetrainHasHeader)</c> hands these down to
/// <c>LoadIDataViewFromFile(mlContext, inputDataFilePath, separatorChar, hasHeader)</c>, so the file, separator and
/// header a loader reads are constants two calls away. Unknown when calls disagree or pass anything but constants and
/// such parameters, when the method may be called from outside the compilation (a public method of a library), is
/// virtual, or writes the parameter. Computed once per parameter and compilation, and only for a loader or path the
/// rules already follow.
/// </summary>
internal sealed class ParameterConstants
{
    private const int MaxDepth = 4;

    private readonly Func<IMethodSymbol, CancellationToken, ImmutableArray<IOperation>> callersOf;
    private readonly MethodImplementations? types;
    private readonly ConcurrentDictionary<IParameterSymbol, Optional<object?>> values = new(SymbolEqualityComparer.Default);

    /// <param name="callersOf">
    /// Every call of a method in the compilation: <see cref="IInvocationOperation"/>s, and for a constructor the
    /// <see cref="IObjectCreationOperation"/>s of its type.
    /// </param>
    /// <param name="types">The compilation's types, to tell that no subclass calls a constructor through <c>base(...)</c>; without them constructors are not followed.</param>
    public ParameterConstants(Func<IMethodSymbol, CancellationToken, ImmutableArray<IOperation>> callersOf, MethodImplementations? types = null)
    {
        this.callersOf = callersOf;
        this.types = types;
    }

    private static ImmutableArray<IArgumentOperation> ArgumentsOf(IOperation call) => call switch
    {
        IInvocationOperation invocation => invocation.Arguments,
        IObjectCreationOperation creation => creation.Arguments,
        _ => ImmutableArray<IArgumentOperation>.Empty,
    };

    /// <summary>The constant <paramref name="operation"/> is: its own constant value, or a parameter's over every call.</summary>
    public Optional<object?> ConstantOf(IOperation operation, CancellationToken cancellationToken) => ConstantOf(operation, 0, cancellationToken);

    private Optional<object?> ConstantOf(IOperation operation, int depth, CancellationToken cancellationToken)
    {
        if (operation.ConstantValue.HasValue)
            return operation.ConstantValue;
        while (operation is IConversionOperation { Conversion.IsIdentity: true } identity)
            operation = identity.Operand;
        return operation is IParameterReferenceOperation parameter ? ValueOf(parameter.Parameter, depth, cancellationToken) : default;
    }

    private Optional<object?> ValueOf(IParameterSymbol parameter, int depth, CancellationToken cancellationToken)
    {
        parameter = parameter.OriginalDefinition;
        if (values.TryGetValue(parameter, out var known))
            return known;
        if (depth > MaxDepth)
            return default;
        var value = Compute(parameter, depth, cancellationToken);
        // Only a value no depth limit cut short is the parameter's own, whoever asks first.
        if (value.HasValue || depth == 0)
            values.TryAdd(parameter, value);
        return value;
    }

    private Optional<object?> Compute(IParameterSymbol parameter, int depth, CancellationToken cancellationToken)
    {
        if (!IsTrusted(parameter, cancellationToken))
            return default;
        var method = (IMethodSymbol)parameter.ContainingSymbol;
        var calls = callersOf(method, cancellationToken);
        Optional<object?> joined = default;
        foreach (var call in calls)
        {
            IArgumentOperation? argument = null;
            foreach (var candidate in ArgumentsOf(call))
            {
                if (candidate.Parameter?.Ordinal == parameter.Ordinal)
                    argument = candidate;
            }
            if (argument is null)
                return default;
            var value = argument.ArgumentKind == ArgumentKind.DefaultValue
                ? DefaultOf(parameter)
                : ConstantOf(argument.Value, depth + 1, cancellationToken);
            if (!value.HasValue || joined.HasValue && !Equals(joined.Value, value.Value))
                return default;
            joined = value;
        }
        return calls.IsEmpty ? DefaultOf(parameter) : joined;
    }

    /// <summary>
    /// Whether every call of the parameter's method in the compilation passes an argument <paramref name="passes"/>
    /// accepts (given the argument and a depth to pass on), under the same trust as a constant: no call in view, a
    /// default value, a method code outside the compilation may call, a virtual one or one that writes the parameter is
    /// false.
    /// </summary>
    public bool EveryCallPasses(IParameterSymbol parameter, Func<IOperation, bool> passes, CancellationToken cancellationToken)
    {
        parameter = parameter.OriginalDefinition;
        if (!IsTrusted(parameter, cancellationToken))
            return false;
        var calls = callersOf((IMethodSymbol)parameter.ContainingSymbol, cancellationToken);
        if (calls.IsEmpty)
            return false;
        foreach (var call in calls)
        {
            IArgumentOperation? argument = null;
            foreach (var candidate in ArgumentsOf(call))
            {
                if (candidate.Parameter?.Ordinal == parameter.Ordinal)
                    argument = candidate;
            }
            if (argument is null || argument.ArgumentKind != ArgumentKind.Explicit || !passes(argument.Value))
                return false;
        }
        return true;
    }

    /// <summary>
    /// The one value every call of the parameter's method agrees on, each call's argument read by
    /// <paramref name="evaluate"/> (the known end of a path: <c>trainer.LoadCsv(Path.Combine(AppContext.BaseDirectory,
    /// "Data", "credit.csv"))</c> handing the file to <c>LoadFromTextFile&lt;T&gt;(path)</c>), under the same trust as a
    /// constant. None when no call is in view, a call leaves the argument out, an argument has no value, or two calls
    /// disagree.
    /// </summary>
    public Optional<T> AgreedByEveryCall<T>(IParameterSymbol parameter, Func<IOperation, Optional<T>> evaluate, CancellationToken cancellationToken)
        where T : IEquatable<T>
    {
        parameter = parameter.OriginalDefinition;
        if (!IsTrusted(parameter, cancellationToken))
            return default;
        var calls = callersOf((IMethodSymbol)parameter.ContainingSymbol, cancellationToken);
        Optional<T> joined = default;
        foreach (var call in calls)
        {
            IArgumentOperation? argument = null;
            foreach (var candidate in ArgumentsOf(call))
            {
                if (candidate.Parameter?.Ordinal == parameter.Ordinal)
                    argument = candidate;
            }
            if (argument is null || argument.ArgumentKind != ArgumentKind.Explicit)
                return default;
            var value = evaluate(argument.Value);
            if (!value.HasValue || joined.HasValue && !joined.Value.Equals(value.Value))
                return default;
            joined = value;
        }
        return joined;
    }

    private bool IsTrusted(IParameterSymbol parameter, CancellationToken cancellationToken)
        => parameter.RefKind == RefKind.None && !parameter.IsParams
           && parameter.ContainingSymbol is IMethodSymbol { MethodKind: MethodKind.Ordinary or MethodKind.LocalFunction or MethodKind.Constructor } method
           && !method.IsVirtual && !method.IsAbstract && !method.IsOverride && method.DeclaringSyntaxReferences.Length == 1
           && !OutsideCallers.MayCall(method)
           && (method.MethodKind != MethodKind.Constructor || IsCalledOnlyByNew(method, cancellationToken))
           && !WritesParameter(method, parameter, cancellationToken);

    /// <summary>A constructor only <c>new</c> expressions run (<see cref="MethodImplementations.OnlyCreatedByNew"/>).</summary>
    private bool IsCalledOnlyByNew(IMethodSymbol constructor, CancellationToken cancellationToken)
        => types is not null && !constructor.IsStatic && constructor.ContainingType is { } type && types.OnlyCreatedByNew(type, cancellationToken);

    private static Optional<object?> DefaultOf(IParameterSymbol parameter)
        => parameter.HasExplicitDefaultValue ? new Optional<object?>(parameter.ExplicitDefaultValue) : default;

    /// <summary>Whether the method's own code assigns the parameter (then what a read sees is not what a call passed).</summary>
    private static bool WritesParameter(IMethodSymbol method, IParameterSymbol parameter, CancellationToken cancellationToken)
    {
        var syntax = method.DeclaringSyntaxReferences[0].GetSyntax(cancellationToken);
        foreach (var node in syntax.DescendantNodes())
        {
            var target = node switch
            {
                AssignmentExpressionSyntax assignment => assignment.Left,
                PrefixUnaryExpressionSyntax { RawKind: (int)SyntaxKind.PreIncrementExpression or (int)SyntaxKind.PreDecrementExpression } prefix => prefix.Operand,
                PostfixUnaryExpressionSyntax postfix => postfix.Operand,
                ArgumentSyntax { RefKindKeyword.RawKind: not (int)SyntaxKind.None } argument => argument.Expression,
                _ => null,
            };
            if (target is IdentifierNameSyntax name && name.Identifier.ValueText == parameter.Name)
                return true;
        }
        return false;
    }
}
