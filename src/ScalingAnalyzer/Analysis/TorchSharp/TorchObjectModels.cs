using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace ScalingAnalyzer.Analysis;

/// <summary>
/// The compilation's own module and dataset classes, modelled from their code: a module's <c>forward</c> run on a fresh
/// input with the fields its constructor wrote (does the input meet a normalization first?), a dataset's
/// <c>GetTensor</c> run with the fields one creation's constructor wrote (what does an item hold?).
/// <list type="bullet">
/// <item>A module's answer is cached per class. Only a "yes" silences anything, so an unknown or too-large class is "no".</item>
/// <item>A dataset's item is computed per creation (its constructor's arguments differ) and trusted only when every
/// field GetTensor reads is fixed after construction (<see cref="ReadonlyFieldValues.IsFixedAfterConstruction"/>).</item>
/// <item>Classes inside classes nest at most <see cref="MaxNesting"/> levels, so a module holding itself is finite.</item>
/// </list>
/// </summary>
internal sealed class TorchObjectModels : IProgramObjects
{
    private const int MaxNesting = 3;

    private readonly Compilation _compilation;
    private readonly TorchSymbols _symbols;
    private readonly Func<SyntaxTree, SemanticModel> _semanticModelFor;
    private readonly Func<SyntaxTree, ScalingOptions> _optionsFor;
    private readonly ReadonlyFieldValues _fields;
    private readonly ConcurrentDictionary<INamedTypeSymbol, bool> _normalizingModules = new(SymbolEqualityComparer.Default);

    [ThreadStatic]
    private static int t_nesting;

    public TorchObjectModels(Compilation compilation, TorchSymbols symbols, Func<SyntaxTree, SemanticModel> semanticModelFor, Func<SyntaxTree, ScalingOptions> optionsFor, ReadonlyFieldValues fields)
    {
        _compilation = compilation;
        _symbols = symbols;
        _semanticModelFor = semanticModelFor;
        _optionsFor = optionsFor;
        _fields = fields;
    }

    public bool ModuleNormalizesInput(INamedTypeSymbol moduleType, CancellationToken cancellationToken)
    {
        if (moduleType.DeclaringSyntaxReferences.IsEmpty || !_symbols.IsModule(moduleType) || _symbols.IsTorchSharpType(moduleType))
            return false;
        if (_normalizingModules.TryGetValue(moduleType.OriginalDefinition, out var known))
            return known;
        if (t_nesting >= MaxNesting)
            return false;
        t_nesting++;
        bool normalizes;
        try
        {
            normalizes = ComputeModuleNormalizesInput(moduleType.OriginalDefinition, cancellationToken);
        }
        finally
        {
            t_nesting--;
        }
        _normalizingModules.TryAdd(moduleType.OriginalDefinition, normalizes);
        return normalizes;
    }

    private bool ComputeModuleNormalizesInput(INamedTypeSymbol type, CancellationToken cancellationToken)
    {
        if (FindMember(type, "forward", m => m.Parameters.Length == 1 && _symbols.IsTensor(m.Parameters[0].Type)) is not { } forward
            || BodyOf(forward, cancellationToken) is not { } body)
            return false;
        var options = _optionsFor(body.Syntax.SyntaxTree);
        var constructors = SourceConstructors(type);
        if (constructors.Count == 0)
            constructors.Add(null);
        foreach (var constructor in constructors)
        {
            var fields = Construct(type, constructor, Unknowns(constructor), options, cancellationToken);
            if (fields is null)
                return false;
            var input = AbstractValue.Data(Interval.Unknown, ValueOrigin.RuntimeData, ElementKind.Floating);
            if (TrainingInterpreter.RunMember(type, body, forward, fields, new[] { input }, _symbols, options, FieldValue(cancellationToken), this, cancellationToken) is not { } run
                || !FirstLayerNormalizes(run.Facts, input))
                return false;
        }
        return true;
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

    public AbstractValue? DatasetCreated(IObjectCreationOperation creation, AbstractValue[] arguments, CancellationToken cancellationToken)
    {
        if (creation.Type is not INamedTypeSymbol type || type.DeclaringSyntaxReferences.IsEmpty || t_nesting >= MaxNesting)
            return null;
        t_nesting++;
        try
        {
            // Each argument remembers where it entered the dataset, so a fix can scale it there.
            var tagged = new AbstractValue[arguments.Length];
            for (var i = 0; i < arguments.Length; i++)
                tagged[i] = _symbols.IsTensor(creation.Arguments[i].Value.Type) ? arguments[i] with { DataSource = creation.Arguments[i].Value } : arguments[i];
            return ComputeDataset(type, creation.Constructor, tagged, cancellationToken);
        }
        finally
        {
            t_nesting--;
        }
    }

    private AbstractValue? ComputeDataset(INamedTypeSymbol type, IMethodSymbol? constructor, AbstractValue[] arguments, CancellationToken cancellationToken)
    {
        if (FindMember(type, "GetTensor", m => m.Parameters.Length == 1 && !m.IsAbstract) is not { } getTensor
            || BodyOf(getTensor, cancellationToken) is not { } body)
            return null;
        // Every field the item is read from must hold what the constructor wrote for as long as the object lives.
        foreach (var operation in body.DescendantsAndSelf())
        {
            if (operation is IFieldReferenceOperation { Instance: IInstanceReferenceOperation } reference && !_fields.IsFixedAfterConstruction(reference.Field, cancellationToken))
                return null;
        }
        var options = _optionsFor(body.Syntax.SyntaxTree);
        var fields = Construct(type, constructor is { DeclaringSyntaxReferences.IsEmpty: false } ? constructor : null, arguments, options, cancellationToken);
        if (fields is null)
            return null;
        var index = AbstractValue.Data(Interval.Unknown, ValueOrigin.Unknown, ElementKind.Integer);
        if (TrainingInterpreter.RunMember(type, body, getTensor, fields, new[] { index }, _symbols, options, FieldValue(cancellationToken), this, cancellationToken) is not { Returned: { Elements.IsDefault: false } item })
            return null;
        // Count (usually data.shape[0]): the number of items, for the loader's number of batches.
        long? rows = null;
        if (type.GetMembers("Count") is { Length: 1 } members && members[0] is IPropertySymbol { GetMethod: { } getter }
            && BodyOf(getter, cancellationToken) is { } countBody
            && TrainingInterpreter.RunMember(type, countBody, getter, fields, Array.Empty<AbstractValue>(), _symbols, options, FieldValue(cancellationToken), this, cancellationToken) is { Returned: { Range.IsConstant: true } count })
            rows = (long)count.Range.Low;
        return AbstractValue.Unknown with { Element = item, Rows = rows };
    }

    /// <summary>What one construction writes to the fields: the initializers, then the constructor's body (chained constructors unknown).</summary>
    private Dictionary<ISymbol, AbstractValue>? Construct(INamedTypeSymbol type, IMethodSymbol? constructor, IReadOnlyList<AbstractValue> arguments, ScalingOptions options, CancellationToken cancellationToken)
    {
        IOperation? constructorBody = null;
        if (constructor is not null)
        {
            if (BodyOf(constructor, cancellationToken) is not IConstructorBodyOperation body
                || body.Initializer is IInvocationOperation { TargetMethod: var chained } && SymbolEqualityComparer.Default.Equals(chained.ContainingType, type))
                return null;
            constructorBody = body;
        }
        return TrainingInterpreter.FieldsAfterConstruction(type, Initializers(type, cancellationToken), constructor, constructorBody, arguments, _symbols, options, FieldValue(cancellationToken), this, cancellationToken);
    }

    private IEnumerable<(IFieldSymbol, IOperation)> Initializers(INamedTypeSymbol type, CancellationToken cancellationToken)
    {
        foreach (var member in type.GetMembers())
        {
            if (member is not IFieldSymbol { IsStatic: false, IsConst: false } field || field.DeclaringSyntaxReferences.Length != 1)
                continue;
            var declarator = field.DeclaringSyntaxReferences[0].GetSyntax(cancellationToken);
            if (!_compilation.ContainsSyntaxTree(declarator.SyntaxTree))
                continue;
            var model = _semanticModelFor(declarator.SyntaxTree);
            foreach (var child in declarator.ChildNodes())
            {
                if (model.GetOperation(child, cancellationToken) is IFieldInitializerOperation initializer)
                    yield return (field, initializer.Value);
            }
        }
    }

    private List<IMethodSymbol?> SourceConstructors(INamedTypeSymbol type)
    {
        var constructors = new List<IMethodSymbol?>();
        foreach (var constructor in type.InstanceConstructors)
        {
            if (!constructor.DeclaringSyntaxReferences.IsEmpty)
                constructors.Add(constructor);
        }
        return constructors;
    }

    private static AbstractValue[] Unknowns(IMethodSymbol? method)
    {
        var values = new AbstractValue[method?.Parameters.Length ?? 0];
        for (var i = 0; i < values.Length; i++)
            values[i] = AbstractValue.Unknown;
        return values;
    }

    /// <summary>The member declared in the class, or inherited from a class of this compilation.</summary>
    private static IMethodSymbol? FindMember(INamedTypeSymbol type, string name, Func<IMethodSymbol, bool> accept)
    {
        for (var current = type; current is not null && !current.DeclaringSyntaxReferences.IsEmpty; current = current.BaseType)
        {
            foreach (var member in current.GetMembers(name))
            {
                if (member is IMethodSymbol method && !method.IsStatic && accept(method))
                    return method;
            }
        }
        return null;
    }

    private IOperation? BodyOf(IMethodSymbol method, CancellationToken cancellationToken)
    {
        if (method.DeclaringSyntaxReferences.Length != 1)
            return null;
        var syntax = method.DeclaringSyntaxReferences[0].GetSyntax(cancellationToken);
        if (!_compilation.ContainsSyntaxTree(syntax.SyntaxTree))
            return null;
        var operation = _semanticModelFor(syntax.SyntaxTree).GetOperation(syntax, cancellationToken);
        // An expression-bodied property's getter is bound at the arrow clause.
        if (operation is null && syntax is Microsoft.CodeAnalysis.CSharp.Syntax.ArrowExpressionClauseSyntax arrow)
            operation = _semanticModelFor(syntax.SyntaxTree).GetOperation(arrow, cancellationToken);
        return operation;
    }

    private Func<IFieldSymbol, AbstractValue?> FieldValue(CancellationToken cancellationToken) => field => _fields.ValueOf(field, cancellationToken);
}
