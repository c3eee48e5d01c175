using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace ScalingAnalyzer.Analysis;

/// <summary>What a field's own declaration initializes it with, read from its syntax (no body is bound for it).</summary>
internal static class FieldInitializers
{
    /// <summary>
    /// The literal values of an array field's initializer (<c>{ "A", "B" }</c>, <c>new[] { ',', ';' }</c>,
    /// <c>new string[] { ... }</c>, <c>["A", "B"]</c>); default when the field has no such initializer, or one element
    /// is not a literal. Whether the field can be written elsewhere is the caller's question.
    /// </summary>
    public static ImmutableArray<object?> LiteralElements(IFieldSymbol field)
    {
        if (field.DeclaringSyntaxReferences.Length != 1
            || field.DeclaringSyntaxReferences[0].GetSyntax() is not VariableDeclaratorSyntax { Initializer.Value: { } value })
            return default;
        IEnumerable<SyntaxNode>? elements = value switch
        {
            InitializerExpressionSyntax initializer => initializer.Expressions,
            ArrayCreationExpressionSyntax { Initializer: { } initializer } => initializer.Expressions,
            ImplicitArrayCreationExpressionSyntax creation => creation.Initializer.Expressions,
            CollectionExpressionSyntax collection => collection.Elements,
            _ => null,
        };
        if (elements is null)
            return default;
        var builder = ImmutableArray.CreateBuilder<object?>();
        foreach (var element in elements)
        {
            var expression = element is ExpressionElementSyntax item ? item.Expression : element;
            if (expression is not LiteralExpressionSyntax literal)
                return default;
            builder.Add(literal.Token.Value);
        }
        return builder.Count == 0 ? default : builder.ToImmutable();
    }
}
