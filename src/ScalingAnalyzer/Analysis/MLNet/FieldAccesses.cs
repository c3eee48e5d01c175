using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace ScalingAnalyzer.Analysis.MLNet;

/// <summary>
/// The writes and reads of a field whose writes the compilation sees whole: a private field (only its type can write
/// it) or a readonly one (only its type's constructors can), found in the syntax of its type's declarations: the ML.NET
/// samples' <c>private static IDataView trainingDataView;</c> set in <c>Main</c> and read where the model is fit, a
/// trainer class's <c>_pipeline</c> built in its constructor and fit in <c>Train</c>.
/// </summary>
internal static class FieldAccesses
{
    /// <summary>
    /// The assignments <c>field = value</c> (or <c>this.field = value</c>, <c>Type.field = value</c>) in the field's type;
    /// default when the field is not private or readonly, has an initializer, or is written some other way (compound
    /// assignment, <c>ref</c>/<c>out</c>, a deconstruction, an object initializer).
    /// </summary>
    public static ImmutableArray<AssignmentExpressionSyntax> Writes(IFieldSymbol field, CancellationToken cancellationToken)
    {
        if (!(field.DeclaredAccessibility == Accessibility.Private || field.IsReadOnly) || field.IsConst
            || field.ContainingType is not { } type || type.DeclaringSyntaxReferences.IsEmpty)
            return default;
        foreach (var reference in field.DeclaringSyntaxReferences)
        {
            if (reference.GetSyntax(cancellationToken) is VariableDeclaratorSyntax { Initializer: not null })
                return default;
        }
        var builder = ImmutableArray.CreateBuilder<AssignmentExpressionSyntax>();
        var name = field.Name;
        foreach (var declaration in type.DeclaringSyntaxReferences)
        {
            foreach (var node in declaration.GetSyntax(cancellationToken).DescendantNodes())
            {
                if (node is not IdentifierNameSyntax identifier || identifier.Identifier.ValueText != name)
                    continue;
                SyntaxNode expression = identifier.Parent is MemberAccessExpressionSyntax access && access.Name == identifier ? access : identifier;
                switch (expression.Parent)
                {
                    case AssignmentExpressionSyntax assignment when assignment.Left == expression:
                        if (!assignment.IsKind(SyntaxKind.SimpleAssignmentExpression) || assignment.Parent is InitializerExpressionSyntax)
                            return default;
                        builder.Add(assignment);
                        break;
                    case ArgumentSyntax { RefKindKeyword.RawKind: not 0 }:
                    case PrefixUnaryExpressionSyntax or PostfixUnaryExpressionSyntax:
                    case TupleExpressionSyntax or ArgumentSyntax { Parent: TupleExpressionSyntax }:
                        return default;
                }
            }
        }
        return builder.ToImmutable();
    }

    /// <summary>
    /// Whether anything in a readonly field's type (where its constructors are) writes it besides its initializer:
    /// <c>field = ...</c>, a compound assignment, <c>ref</c>/<c>out</c>, <c>++</c>/<c>--</c> or a deconstruction; true
    /// when the type's syntax is not all in view.
    /// </summary>
    public static bool IsWrittenOutsideInitializer(IFieldSymbol field, Compilation compilation, CancellationToken cancellationToken)
    {
        if (!field.IsReadOnly || field.ContainingType is not { } type || type.DeclaringSyntaxReferences.IsEmpty)
            return true;
        var name = field.Name;
        foreach (var declaration in type.DeclaringSyntaxReferences)
        {
            if (!compilation.ContainsSyntaxTree(declaration.SyntaxTree))
                return true;
            foreach (var node in declaration.GetSyntax(cancellationToken).DescendantNodes())
            {
                if (node is not IdentifierNameSyntax identifier || identifier.Identifier.ValueText != name)
                    continue;
                SyntaxNode expression = identifier.Parent is MemberAccessExpressionSyntax access && access.Name == identifier ? access : identifier;
                switch (expression.Parent)
                {
                    case AssignmentExpressionSyntax assignment when assignment.Left == expression:
                    case ArgumentSyntax { RefKindKeyword.RawKind: not 0 }:
                    case PrefixUnaryExpressionSyntax or PostfixUnaryExpressionSyntax:
                    case TupleExpressionSyntax or ArgumentSyntax { Parent: TupleExpressionSyntax }:
                        return true;
                }
            }
        }
        return false;
    }

    /// <summary>
    /// The expressions that read the field in its type (<c>_pipeline</c>, <c>this._pipeline</c>); default when its
    /// writes are not all in view (<see cref="Writes"/>).
    /// </summary>
    public static ImmutableArray<ExpressionSyntax> Reads(IFieldSymbol field, CancellationToken cancellationToken)
    {
        if (Writes(field, cancellationToken).IsDefault || field.ContainingType is not { } type)
            return default;
        var builder = ImmutableArray.CreateBuilder<ExpressionSyntax>();
        foreach (var declaration in type.DeclaringSyntaxReferences)
        {
            foreach (var node in declaration.GetSyntax(cancellationToken).DescendantNodes())
            {
                if (node is not IdentifierNameSyntax identifier || identifier.Identifier.ValueText != field.Name)
                    continue;
                ExpressionSyntax expression = identifier.Parent is MemberAccessExpressionSyntax access && access.Name == identifier ? access : identifier;
                if (expression.Parent is AssignmentExpressionSyntax assignment && assignment.Left == expression)
                    continue;
                builder.Add(expression);
            }
        }
        return builder.ToImmutable();
    }
}
