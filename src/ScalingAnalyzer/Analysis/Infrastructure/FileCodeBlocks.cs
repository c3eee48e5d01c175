using System.Collections.Generic;
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
    /// <summary>The code blocks of <paramref name="root"/>, in source order.</summary>
    public static IEnumerable<SyntaxNode> Of(SyntaxNode root)
    {
        if (root is CompilationUnitSyntax unit)
        {
            foreach (var member in unit.Members)
            {
                if (member is GlobalStatementSyntax)
                {
                    yield return unit;
                    break;
                }
            }
        }
        var pending = new Stack<SyntaxNode>();
        pending.Push(root);
        while (pending.Count > 0)
        {
            var node = pending.Pop();
            var members = node switch
            {
                CompilationUnitSyntax file => file.Members,
                BaseNamespaceDeclarationSyntax space => space.Members,
                TypeDeclarationSyntax type => type.Members,
                _ => default,
            };
            // Pushed in reverse so that blocks come out in source order.
            for (var i = members.Count - 1; i >= 0; i--)
            {
                switch (members[i])
                {
                    case BaseNamespaceDeclarationSyntax or TypeDeclarationSyntax:
                        pending.Push(members[i]);
                        break;
                    case BaseMethodDeclarationSyntax method when method.Body is not null || method.ExpressionBody is not null:
                        pending.Push(method);
                        break;
                    case BasePropertyDeclarationSyntax property:
                        pending.Push(property);
                        break;
                }
            }
            switch (node)
            {
                case BaseMethodDeclarationSyntax:
                    yield return node;
                    break;
                case BasePropertyDeclarationSyntax property:
                    if (property is PropertyDeclarationSyntax { ExpressionBody: { } propertyArrow })
                        yield return propertyArrow;
                    else if (property is IndexerDeclarationSyntax { ExpressionBody: { } indexerArrow })
                        yield return indexerArrow;
                    else if (property.AccessorList is { } accessors)
                    {
                        foreach (var accessor in accessors.Accessors)
                        {
                            if (accessor.Body is not null || accessor.ExpressionBody is not null)
                                yield return accessor;
                        }
                    }
                    break;
            }
        }
    }

    /// <summary>
    /// The method a code block of <see cref="Of"/> is the body of; null for a block the driver would not hand a rule
    /// that does not analyse generated code (a member of a type marked <c>[GeneratedCode]</c>, or marked itself).
    /// </summary>
    public static IMethodSymbol? MethodOf(SyntaxNode block, SemanticModel model, CancellationToken cancellationToken)
    {
        var method = block switch
        {
            ArrowExpressionClauseSyntax { Parent: BasePropertyDeclarationSyntax property } => (model.GetDeclaredSymbol(property, cancellationToken) as IPropertySymbol)?.GetMethod,
            _ => model.GetDeclaredSymbol(block, cancellationToken) as IMethodSymbol,
        };
        return method is null || IsMarkedGenerated(method) ? null : method;
    }

    /// <summary>Whether <paramref name="node"/> is in a member the driver would not hand a rule that does not analyse generated code.</summary>
    public static bool IsInMarkedGeneratedCode(SyntaxNode node, SemanticModel model, CancellationToken cancellationToken)
        => model.GetEnclosingSymbol(node.SpanStart, cancellationToken) is { } member && IsMarkedGenerated(member);

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
