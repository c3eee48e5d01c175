using System;
using System.Collections.Concurrent;
using System.Threading;
using Microsoft.CodeAnalysis;

namespace ScalingAnalyzer.Analysis;

/// <summary>
/// The compilation's own module and dataset classes, modelled from their code through <see cref="ProgramSummaries"/>
/// (which says what a constructor writes to an object's fields and what a call returns):
/// <list type="bullet">
/// <item>a module class normalizes its input when its <c>forward</c>, run on a fresh input with the fields its
/// constructors wrote, passes the input first through a normalizing layer or a standardization, and never to a layer
/// unnormalized. Cached per class; only a "yes" silences anything, so an unknown or too-large class is "no";</item>
/// <item>a dataset's items are what its <c>GetTensor</c> returns for the object's fields (per creation, since the
/// constructor's arguments differ).</item>
/// </list>
/// Classes inside classes (a module holding a module) nest at most <see cref="MaxNesting"/> levels.
/// </summary>
internal sealed class TorchObjectModels : IProgramObjects
{
    private const int MaxNesting = 3;

    private readonly ProgramSummaries _program;
    private readonly TorchSymbols _symbols;
    private readonly ConcurrentDictionary<INamedTypeSymbol, bool> _normalizingModules = new(SymbolEqualityComparer.Default);

    [ThreadStatic]
    private static int t_nesting;

    public TorchObjectModels(ProgramSummaries program)
    {
        _program = program;
        _symbols = program.Symbols;
    }

    public bool ModuleNormalizesInput(INamedTypeSymbol moduleType, CancellationToken cancellationToken)
    {
        if (moduleType.DeclaringSyntaxReferences.IsEmpty || !_symbols.IsModule(moduleType) || _symbols.IsTorchSharpType(moduleType))
            return false;
        var type = moduleType.OriginalDefinition;
        if (_normalizingModules.TryGetValue(type, out var known))
            return known;
        if (t_nesting >= MaxNesting)
            return false;
        t_nesting++;
        bool normalizes;
        try
        {
            normalizes = Normalizes(type, cancellationToken);
        }
        finally
        {
            t_nesting--;
        }
        return _normalizingModules.GetOrAdd(type, normalizes);
    }

    private bool Normalizes(INamedTypeSymbol type, CancellationToken cancellationToken)
    {
        if (FindMethod(type, "forward", m => m.Parameters.Length == 1 && _symbols.IsTensor(m.Parameters[0].Type)) is not { } forward
            || _program.BodyOf(forward, cancellationToken) is not { } body)
            return false;
        var constructed = false;
        foreach (var constructor in type.InstanceConstructors)
        {
            if (constructor.DeclaringSyntaxReferences.IsEmpty && !constructor.IsImplicitlyDeclared)
                continue;
            var arguments = new AbstractValue[constructor.Parameters.Length];
            for (var i = 0; i < arguments.Length; i++)
                arguments[i] = AbstractValue.Unknown;
            if (_program.Call(constructor, null, arguments, CallChain.Empty, cancellationToken) is not { IsCutShort: false } built)
                return false;
            var model = AbstractValue.Unknown with { Members = built.WrittenFields };
            var input = AbstractValue.Data(Interval.Unknown, ValueOrigin.RuntimeData, ElementKind.Floating);
            if (TrainingInterpreter.FactsOfCall(body, forward, _program, model, new[] { input }, cancellationToken) is not { } facts
                || !FirstLayerNormalizes(facts, input))
                return false;
            constructed = true;
        }
        return constructed;
    }

    /// <summary>
    /// The first layer forward runs receives the input normalized (its module normalizes, or the value reaching it was
    /// scaled on the way), and no layer receives the raw input unnormalized (a skip connection around the norm).
    /// </summary>
    private static bool FirstLayerNormalizes(MethodTrainingFacts facts, AbstractValue input)
    {
        if (facts.Forwards.Count == 0)
            return false;
        foreach (var site in facts.Forwards)
        {
            if (ReferenceEquals(site.Value.Identity, input.Identity) && !site.ModuleNormalizesInput)
                return false;
        }
        var first = facts.Forwards[0];
        return first.ModuleNormalizesInput || first.Value.Scaling != ScalingKind.None;
    }

    public AbstractValue? DatasetItems(INamedTypeSymbol datasetType, AbstractValue dataset, CallChain chain, CancellationToken cancellationToken)
    {
        if (datasetType.DeclaringSyntaxReferences.IsEmpty
            || FindMethod(datasetType, "GetTensor", m => m.Parameters.Length == 1 && !m.IsAbstract) is not { } getTensor)
            return null;
        var index = AbstractValue.Data(Interval.Unknown, ValueOrigin.Unknown, ElementKind.Integer);
        if (_program.Call(getTensor, dataset, new[] { index }, chain, cancellationToken) is not { IsCutShort: false, Returned: { Elements.IsDefault: false } item })
            return null;
        // Count (usually data.shape[0]): the number of items, for the loader's number of batches.
        long? rows = null;
        if (datasetType.GetMembers("Count") is { Length: 1 } members && members[0] is IPropertySymbol { GetMethod: { } getter }
            && _program.Call(getter, dataset, Array.Empty<AbstractValue>(), chain, cancellationToken) is { IsCutShort: false, Returned: { Range.IsConstant: true } count })
            rows = (long)count.Range.Low;
        return dataset with { Element = item, Rows = rows };
    }

    /// <summary>The method declared in the class, or inherited from a class of this compilation.</summary>
    private static IMethodSymbol? FindMethod(INamedTypeSymbol type, string name, Func<IMethodSymbol, bool> accept)
    {
        for (var current = type; current is not null && !current.DeclaringSyntaxReferences.IsEmpty; current = current.BaseType)
        {
            foreach (var member in current.GetMembers(name))
            {
                if (member is IMethodSymbol { IsStatic: false } method && accept(method))
                    return method;
            }
        }
        return null;
    }
}
