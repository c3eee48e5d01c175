using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace ScalingAnalyzer.Analysis.MLNet;

/// <summary>
/// The whole compilation as SCALE002 follows it across methods: the operation trees of the project's own methods
/// (what a helper returns) and the calls of a method (what a caller passes for a parameter), each computed once per
/// compilation and only when a trainer's data or pipeline leads there. The walk itself is bounded by
/// <see cref="MaxHops"/> methods; recursion and cycles end there, unknown.
/// </summary>
internal sealed class MLNetProgram
{
    /// <summary>How many method boundaries one trainer's analysis may cross (helpers of helpers, callers of callers).</summary>
    public const int MaxHops = 3;

    /// <summary>Methods larger than this many statements are not followed: unknown, silent.</summary>
    private const int MaxStatements = 400;

    private readonly Compilation compilation;
    private readonly ConcurrentDictionary<IMethodSymbol, MethodBody?> bodies = new(SymbolEqualityComparer.Default);
    private readonly ConcurrentDictionary<IMethodSymbol, ImmutableArray<IInvocationOperation>> callers = new(SymbolEqualityComparer.Default);
    private Dictionary<string, List<InvocationExpressionSyntax>>? invocationsByName;
    private readonly object indexLock = new();

    private ParameterConstants? constants;
    private readonly ConcurrentDictionary<IFieldSymbol, ImmutableArray<(IMethodSymbol Method, SyntaxNode Read)>> fieldReads = new(SymbolEqualityComparer.Default);

    private MethodImplementations? implementations;

    public MLNetProgram(Compilation compilation) => this.compilation = compilation;

    /// <summary>Which methods of the project a call of an interface, abstract or virtual method may run (a walk of the project's types, on first use).</summary>
    public MethodImplementations Implementations => LazyInitializer.EnsureInitialized(ref implementations, () => new MethodImplementations(compilation))!;

    /// <summary>The constants parameters of the project hold over every call (a loader's path, separator and header handed down).</summary>
    public ParameterConstants Constants => LazyInitializer.EnsureInitialized(ref constants, () => new ParameterConstants(CallsOf, Implementations))!;

    /// <summary>Every call of a method (its invocations), or of a constructor (the <c>new</c> expressions that run it), in the compilation.</summary>
    private ImmutableArray<IOperation> CallsOf(IMethodSymbol method, CancellationToken cancellationToken)
        => method.MethodKind == MethodKind.Constructor
            ? creations.GetOrAdd(method.OriginalDefinition, m => FindCreations(m, cancellationToken))
            : ImmutableArray<IOperation>.CastUp(CallersOf(method, cancellationToken));

    private readonly ConcurrentDictionary<IMethodSymbol, ImmutableArray<IOperation>> creations = new(SymbolEqualityComparer.Default);

    /// <summary>
    /// The <c>new</c> expressions of the compilation that run <paramref name="constructor"/>: <c>new T(...)</c> found by
    /// the type's name, and every target-typed <c>new(...)</c>, each bound to tell. One walk of the trees per
    /// constructor, only for a constructor whose parameter names a data file a loader reads.
    /// </summary>
    private ImmutableArray<IOperation> FindCreations(IMethodSymbol constructor, CancellationToken cancellationToken)
    {
        var typeName = constructor.ContainingType.Name;
        var result = ImmutableArray.CreateBuilder<IOperation>();
        foreach (var tree in compilation.SyntaxTrees)
        {
            SemanticModel? model = null;
            foreach (var node in tree.GetRoot(cancellationToken).DescendantNodes())
            {
                var candidate = node switch
                {
                    ImplicitObjectCreationExpressionSyntax => true,
                    ObjectCreationExpressionSyntax explicitCreation => LastName(explicitCreation.Type) == typeName,
                    _ => false,
                };
                if (!candidate)
                    continue;
#pragma warning disable RS1030 // Only for a constructor whose parameter names a loader's file, once per constructor and compilation.
                model ??= compilation.GetSemanticModel(tree);
#pragma warning restore RS1030
                if (model.GetOperation(node, cancellationToken) is IObjectCreationOperation { Constructor: { } created } creation
                    && SymbolEqualityComparer.Default.Equals(created.OriginalDefinition, constructor))
                    result.Add(creation);
            }
        }
        return result.ToImmutable();
    }

    private static string? LastName(TypeSyntax type) => type switch
    {
        SimpleNameSyntax simple => simple.Identifier.ValueText,
        QualifiedNameSyntax qualified => qualified.Right.Identifier.ValueText,
        AliasQualifiedNameSyntax alias => alias.Name.Identifier.ValueText,
        _ => null,
    };

    /// <summary>A method of the project: its operation tree and what its locals hold; null for library, abstract, partial or very large methods.</summary>
    /// <param name="method">The method.</param>
    /// <param name="cancellationToken">Cancels the binding.</param>
    /// <param name="nearby">
    /// The semantic model of the code that leads here (an operation's <see cref="IOperation.SemanticModel"/>): when the
    /// method is in the same file, its model (the analyzer driver's cached one) already holds the method's bound tree.
    /// </param>
    public MethodBody? BodyOf(IMethodSymbol method, CancellationToken cancellationToken, SemanticModel? nearby = null)
    {
        method = method.OriginalDefinition;
        if (method.DeclaringSyntaxReferences.Length != 1 || method.IsAbstract || method.IsExtern)
            return null;
        if (bodies.TryGetValue(method, out var body))
            return body;
        return bodies.GetOrAdd(method, CreateBody(method, cancellationToken, nearby));
    }

    private MethodBody? CreateBody(IMethodSymbol method, CancellationToken cancellationToken, SemanticModel? nearby)
    {
        var syntax = method.DeclaringSyntaxReferences[0].GetSyntax(cancellationToken);
        if (syntax is not (MethodDeclarationSyntax or LocalFunctionStatementSyntax) || !compilation.ContainsSyntaxTree(syntax.SyntaxTree))
            return null;
        var statements = 0;
        foreach (var node in syntax.DescendantNodes())
        {
            if (node is StatementSyntax && ++statements > MaxStatements)
                return null;
        }
#pragma warning disable RS1030 // The helper lives in another syntax tree than the trainer; only reached when a trainer's data leads there, once per method.
        var model = nearby is not null && nearby.SyntaxTree == syntax.SyntaxTree ? nearby : compilation.GetSemanticModel(syntax.SyntaxTree);
#pragma warning restore RS1030
        var operation = model.GetOperation(syntax, cancellationToken);
        return operation is null ? null : new MethodBody(operation, new MLNetOperationValues(operation));
    }

    /// <summary>Every call of <paramref name="method"/> in the compilation (found by name, then by symbol).</summary>
    public ImmutableArray<IInvocationOperation> CallersOf(IMethodSymbol method, CancellationToken cancellationToken)
    {
        method = method.OriginalDefinition;
        return callers.GetOrAdd(method, m => FindCallers(m, cancellationToken));
    }

    private ImmutableArray<IInvocationOperation> FindCallers(IMethodSymbol method, CancellationToken cancellationToken)
    {
        var index = InvocationsByName(cancellationToken);
        if (!index.TryGetValue(method.Name, out var candidates))
            return ImmutableArray<IInvocationOperation>.Empty;
        var result = ImmutableArray.CreateBuilder<IInvocationOperation>();
        foreach (var candidate in candidates)
        {
#pragma warning disable RS1030 // Callers live in other syntax trees; only reached for a trainer fit on a parameter, once per method.
            var model = compilation.GetSemanticModel(candidate.SyntaxTree);
#pragma warning restore RS1030
            if (model.GetOperation(candidate, cancellationToken) is IInvocationOperation invocation
                && SymbolEqualityComparer.Default.Equals(invocation.TargetMethod.OriginalDefinition, method))
                result.Add(invocation);
        }
        return result.ToImmutable();
    }

    /// <summary>
    /// Every read of <paramref name="field"/> in the compilation, with the method (or local function) it is in: one
    /// syntax walk per field, only for a field a trainer is stored in (<c>_model = KMeans(...)</c> in the constructor
    /// of a subclass of a <c>TrainerBase&lt;T&gt;</c> that appends <c>_model</c> where it fits). Reads outside a method
    /// (a constructor, an accessor, an initializer) are not in the list.
    /// </summary>
    public ImmutableArray<(IMethodSymbol Method, SyntaxNode Read)> ReadsOfField(IFieldSymbol field, CancellationToken cancellationToken)
    {
        field = field.OriginalDefinition;
        return fieldReads.GetOrAdd(field, f => FindFieldReads(f, cancellationToken));
    }

    private ImmutableArray<(IMethodSymbol, SyntaxNode)> FindFieldReads(IFieldSymbol field, CancellationToken cancellationToken)
    {
        var result = ImmutableArray.CreateBuilder<(IMethodSymbol, SyntaxNode)>();
        SemanticModel? model = null;
        foreach (var identifier in CodeText.IdentifiersSpelled(compilation, field.Name, cancellationToken))
        {
            SyntaxNode expression = identifier.Parent is MemberAccessExpressionSyntax access && access.Name == identifier ? access : identifier;
            if (expression.Parent is AssignmentExpressionSyntax assignment && assignment.Left == expression)
                continue;
            if (model?.SyntaxTree != identifier.SyntaxTree)
            {
#pragma warning disable RS1030 // Only for a field a trainer is stored in, once per field and compilation.
                model = compilation.GetSemanticModel(identifier.SyntaxTree);
#pragma warning restore RS1030
            }
            if (model.GetSymbolInfo(identifier, cancellationToken).Symbol is not IFieldSymbol read
                || !SymbolEqualityComparer.Default.Equals(read.OriginalDefinition, field))
                continue;
            var declaration = expression.FirstAncestorOrSelf<SyntaxNode>(n => n is MethodDeclarationSyntax or LocalFunctionStatementSyntax or BaseTypeDeclarationSyntax
                or ConstructorDeclarationSyntax or AccessorDeclarationSyntax or ArrowExpressionClauseSyntax { Parent: PropertyDeclarationSyntax });
            if (declaration is MethodDeclarationSyntax or LocalFunctionStatementSyntax
                && model.GetDeclaredSymbol(declaration, cancellationToken) is IMethodSymbol method)
                result.Add((method, expression));
        }
        return result.ToImmutable();
    }

    /// <summary>The invocations of the compilation by the name they call: one syntax walk, the first time a caller is looked for.</summary>
    private Dictionary<string, List<InvocationExpressionSyntax>> InvocationsByName(CancellationToken cancellationToken)
    {
        if (Volatile.Read(ref invocationsByName) is { } built)
            return built;
        lock (indexLock)
        {
            if (invocationsByName is not null)
                return invocationsByName;
            var index = new Dictionary<string, List<InvocationExpressionSyntax>>();
            foreach (var tree in compilation.SyntaxTrees)
            {
                foreach (var node in tree.GetRoot(cancellationToken).DescendantNodes())
                {
                    if (node is not InvocationExpressionSyntax invocation)
                        continue;
                    var name = invocation.Expression switch
                    {
                        MemberAccessExpressionSyntax member => member.Name.Identifier.ValueText,
                        SimpleNameSyntax simple => simple.Identifier.ValueText,
                        MemberBindingExpressionSyntax binding => binding.Name.Identifier.ValueText,
                        _ => null,
                    };
                    if (name is null)
                        continue;
                    if (!index.TryGetValue(name, out var list))
                        index[name] = list = new List<InvocationExpressionSyntax>();
                    list.Add(invocation);
                }
            }
            Volatile.Write(ref invocationsByName, index);
            return index;
        }
    }
}

/// <summary>One method's operation tree and the values of its locals.</summary>
internal sealed class MethodBody
{
    public MethodBody(IOperation root, MLNetOperationValues values)
    {
        Root = root;
        Values = values;
    }

    public IOperation Root { get; }
    public MLNetOperationValues Values { get; }

    private ImmutableArray<IOperation> all;
    private ImmutableArray<IOperation> own;
    private Dictionary<ILocalSymbol, IVariableDeclaratorOperation>? declarators;

    /// <summary>Every operation of the body, lambdas included, walked once (operation nodes are created as they are first visited).</summary>
    public ImmutableArray<IOperation> AllOperations
    {
        get
        {
            if (all.IsDefault)
                ImmutableInterlocked.InterlockedInitialize(ref all, Root.Descendants().ToImmutableArray());
            return all;
        }
    }

    /// <summary>The operations of the method itself, not of its lambdas and local functions.</summary>
    public ImmutableArray<IOperation> OwnOperations
    {
        get
        {
            if (own.IsDefault)
                ImmutableInterlocked.InterlockedInitialize(ref own, Descendants(Root).ToImmutableArray());
            return own;
        }
    }

    /// <summary>The declarator of each local declared in the body (the last, if a name is declared twice).</summary>
    public IVariableDeclaratorOperation? DeclaratorOf(ILocalSymbol local)
    {
        var map = Volatile.Read(ref declarators);
        if (map is null)
        {
            map = new Dictionary<ILocalSymbol, IVariableDeclaratorOperation>(SymbolEqualityComparer.Default);
            foreach (var operation in AllOperations)
            {
                if (operation is IVariableDeclaratorOperation declarator)
                    map[declarator.Symbol] = declarator;
            }
            Volatile.Write(ref declarators, map);
        }
        return map.TryGetValue(local, out var found) ? found : null;
    }

    /// <summary>The values the method returns (not those of its lambdas and local functions); empty when some return has none.</summary>
    public ImmutableArray<IOperation> ReturnedValues()
    {
        var builder = ImmutableArray.CreateBuilder<IOperation>();
        foreach (var operation in OwnOperations)
        {
            if (operation is IReturnOperation { Kind: OperationKind.Return } @return)
            {
                if (@return.ReturnedValue is null)
                    return ImmutableArray<IOperation>.Empty;
                builder.Add(@return.ReturnedValue);
            }
        }
        return builder.ToImmutable();
    }

    /// <summary>The operations of the method itself, not of the lambdas and local functions inside it.</summary>
    public static IEnumerable<IOperation> Descendants(IOperation root)
    {
        var stack = new Stack<IOperation>();
        stack.Push(root);
        while (stack.Count > 0)
        {
            var current = stack.Pop();
            yield return current;
            foreach (var child in current.ChildOperations)
            {
                if (child is IAnonymousFunctionOperation or ILocalFunctionOperation)
                    continue;
                stack.Push(child);
            }
        }
    }
}
