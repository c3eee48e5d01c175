using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace ScalingAnalyzer.Analysis;

/// <summary>
/// The bodies of a file our rules read, as the analyzer driver hands them to code block actions: methods,
/// constructors, destructors, operators, accessors, arrow-bodied properties and indexers, and a file's top-level
/// statements (the compilation unit, whose types are blocks of their own).
/// </summary>
/// <remarks>
/// The rules run once per file, in a semantic model action, instead of once per code block: the driver runs a file's
/// semantic model actions when the compiler has finished the file, after it has handed the file's members to the
/// analyzers that need operation trees (the SDK's own, at the default analysis level) and with the semantic model it
/// bound them in. The bodies a training method or a trainer's data leads to in the same file (a module class's
/// <c>forward</c>, a row generator, a loader helper) are then looked up, not bound by us before the driver reaches
/// them. The owning symbol is asked for only for a block that passed a rule's text filter.
/// </remarks>
internal static class FileCodeBlocks
{
    /// <summary>The blocks of each file, found once for every rule that reads the file (syntax only: a tree may be shared by compilations).</summary>
    private static readonly ConditionalWeakTable<SyntaxNode, SyntaxNode[]> BlocksByRoot = new();

    /// <summary>The code blocks of <paramref name="root"/>, in source order.</summary>
    public static IReadOnlyList<SyntaxNode> Of(SyntaxNode root)
        => BlocksByRoot.TryGetValue(root, out var blocks) ? blocks : BlocksByRoot.GetValue(root, Find);

    private static readonly ConditionalWeakTable<SyntaxNode, SyntaxNode[]>.CreateValueCallback Find = static root =>
    {
        if (root is not CompilationUnitSyntax unit)
            return System.Array.Empty<SyntaxNode>();
        var blocks = new List<SyntaxNode>();
        foreach (var member in unit.Members)
        {
            if (member is GlobalStatementSyntax)
            {
                blocks.Add(unit);
                break;
            }
        }
        // Namespaces and types nested to any depth, without recursion: members are taken in source order.
        var pending = new Stack<(SyntaxList<MemberDeclarationSyntax> Members, int Next)>();
        pending.Push((unit.Members, 0));
        while (pending.Count > 0)
        {
            var (members, next) = pending.Pop();
            if (next >= members.Count)
                continue;
            pending.Push((members, next + 1));
            switch (members[next])
            {
                case BaseNamespaceDeclarationSyntax space:
                    pending.Push((space.Members, 0));
                    break;
                case TypeDeclarationSyntax type:
                    pending.Push((type.Members, 0));
                    break;
                case BaseMethodDeclarationSyntax method when method.Body is not null || method.ExpressionBody is not null:
                    blocks.Add(method);
                    break;
                case PropertyDeclarationSyntax { ExpressionBody: { } propertyArrow }:
                    blocks.Add(propertyArrow);
                    break;
                case IndexerDeclarationSyntax { ExpressionBody: { } indexerArrow }:
                    blocks.Add(indexerArrow);
                    break;
                case BasePropertyDeclarationSyntax { AccessorList: { } accessors }:
                    foreach (var accessor in accessors.Accessors)
                    {
                        if (accessor.Body is not null || accessor.ExpressionBody is not null)
                            blocks.Add(accessor);
                    }
                    break;
            }
        }
        return blocks.ToArray();
    };

    /// <summary>
    /// The methods the code blocks of one file are the bodies of. It remembers the type the last block was found in:
    /// the semantic model's own look-up of a member resolves its namespace and type again for every member it is asked
    /// about.
    /// </summary>
    public sealed class Methods
    {
        private readonly SemanticModel model;
        private readonly CancellationToken cancellationToken;
        private TypeDeclarationSyntax? lastType;
        private INamedTypeSymbol? lastSymbol;

        public Methods(SemanticModel model, CancellationToken cancellationToken)
        {
            this.model = model;
            this.cancellationToken = cancellationToken;
        }

        /// <summary>
        /// The method <paramref name="block"/> (one of <see cref="FileCodeBlocks.Of"/>) is the body of; null for a block
        /// the driver would not hand a rule that does not analyse generated code (a member of a type marked
        /// <c>[GeneratedCode]</c>, or marked itself).
        /// </summary>
        public IMethodSymbol? Of(SyntaxNode block)
        {
            var method = Declared(block);
            return method is null || IsMarkedGenerated(method) ? null : method;
        }

        private IMethodSymbol? Declared(SyntaxNode block)
        {
            switch (block)
            {
                case ArrowExpressionClauseSyntax { Parent: BasePropertyDeclarationSyntax property }:
                    return (model.GetDeclaredSymbol(property, cancellationToken) as IPropertySymbol)?.GetMethod;
                case MethodDeclarationSyntax { Parent: TypeDeclarationSyntax type } declaration:
                    if (!ReferenceEquals(type, lastType))
                    {
                        lastType = type;
                        lastSymbol = model.GetDeclaredSymbol(type, cancellationToken) as INamedTypeSymbol;
                    }
                    if (lastSymbol is not null)
                    {
                        foreach (var member in lastSymbol.GetMembers(declaration.Identifier.ValueText))
                        {
                            if (member is IMethodSymbol candidate && IsDeclaredBy(candidate, declaration))
                                return candidate;
                        }
                    }
                    break;
            }
            return model.GetDeclaredSymbol(block, cancellationToken) as IMethodSymbol;
        }
    }

    private static bool IsDeclaredBy(IMethodSymbol method, SyntaxNode declaration)
    {
        foreach (var reference in method.DeclaringSyntaxReferences)
        {
            if (reference.Span == declaration.Span && reference.SyntaxTree == declaration.SyntaxTree)
                return true;
        }
        return false;
    }

    /// <summary>
    /// Whether <paramref name="node"/> is in a member the driver would not hand a rule that does not analyse generated
    /// code: a type around it marked <c>[GeneratedCode]</c> (on any of its parts), or a member around it whose own
    /// attributes name it.
    /// </summary>
    public static bool IsInMarkedGeneratedCode(SyntaxNode node, SemanticModel model, CancellationToken cancellationToken)
    {
        for (var ancestor = node.Parent; ancestor is not null; ancestor = ancestor.Parent)
        {
            switch (ancestor)
            {
                case BaseTypeDeclarationSyntax type:
                    if (model.GetDeclaredSymbol(type, cancellationToken) is { } symbol && HasGeneratedCodeAttribute(symbol))
                        return true;
                    break;
                case MemberDeclarationSyntax member when NamesGeneratedCode(member.AttributeLists):
                case AccessorDeclarationSyntax accessor when NamesGeneratedCode(accessor.AttributeLists):
                    return true;
            }
        }
        return false;
    }

    private static bool NamesGeneratedCode(SyntaxList<AttributeListSyntax> lists)
    {
        foreach (var list in lists)
        {
            foreach (var attribute in list.Attributes)
            {
                var name = attribute.Name switch
                {
                    QualifiedNameSyntax qualified => qualified.Right,
                    AliasQualifiedNameSyntax aliased => aliased.Name,
                    _ => attribute.Name as SimpleNameSyntax,
                };
                if (name?.Identifier.ValueText is "GeneratedCode" or "GeneratedCodeAttribute")
                    return true;
            }
        }
        return false;
    }

    private static bool IsMarkedGenerated(ISymbol member)
    {
        for (ISymbol? symbol = member; symbol is not null and not INamespaceSymbol; symbol = symbol.ContainingSymbol)
        {
            if (HasGeneratedCodeAttribute(symbol))
                return true;
            if (symbol is IMethodSymbol { AssociatedSymbol: { } property } && HasGeneratedCodeAttribute(property))
                return true;
        }
        return false;
    }

    private static bool HasGeneratedCodeAttribute(ISymbol symbol)
    {
        foreach (var attribute in symbol.GetAttributes())
        {
            if (attribute.AttributeClass is { Name: "GeneratedCodeAttribute", ContainingNamespace: { Name: "Compiler", ContainingNamespace: { Name: "CodeDom", ContainingNamespace: { Name: "System", ContainingNamespace.IsGlobalNamespace: true } } } })
                return true;
        }
        return false;
    }
}
