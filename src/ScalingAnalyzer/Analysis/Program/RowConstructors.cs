using System;
using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace ScalingAnalyzer.Analysis;

/// <summary>
/// Which members of a row a constructor of the project sets from which of its parameters, so that rows made by
/// <c>new House(size, price)</c> are bounded like rows made by <c>new House { Size = size, Price = price }</c>:
/// a positional record's parameters (<c>record Point(float X, float Y)</c>: each property the record declares from its
/// parameter), or a constructor whose body only assigns parameters to members (<c>Size = size;</c>,
/// <c>this.Size = size;</c>). Read from the syntax alone, no semantic model: any other statement, a <c>base(...)</c> or
/// <c>this(...)</c> call, or an expression body makes the constructor unknown (empty), and its rows stay as before.
/// </summary>
internal static class RowConstructors
{
    /// <summary>The parameter ordinal and the member it sets, for each member the constructor sets; empty when not read.</summary>
    public static ImmutableArray<(int Ordinal, ISymbol Member)> MembersSet(IMethodSymbol constructor, CancellationToken cancellationToken)
    {
        if (constructor.MethodKind != MethodKind.Constructor || constructor.IsStatic || constructor.Parameters.IsEmpty
            || constructor.DeclaringSyntaxReferences.Length != 1)
            return ImmutableArray<(int, ISymbol)>.Empty;
        var syntax = constructor.DeclaringSyntaxReferences[0].GetSyntax(cancellationToken);
        return syntax switch
        {
            RecordDeclarationSyntax => PositionalRecord(constructor, cancellationToken),
            ConstructorDeclarationSyntax declaration => Assignments(constructor, declaration),
            _ => ImmutableArray<(int, ISymbol)>.Empty,
        };
    }

    /// <summary>A positional record's primary constructor: the properties it declares from its parameters (not those the record writes itself).</summary>
    private static ImmutableArray<(int, ISymbol)> PositionalRecord(IMethodSymbol constructor, CancellationToken cancellationToken)
    {
        var builder = ImmutableArray.CreateBuilder<(int, ISymbol)>();
        foreach (var parameter in constructor.Parameters)
        {
            foreach (var member in constructor.ContainingType.GetMembers(parameter.Name))
            {
                if (member is IPropertySymbol { IsStatic: false } property && property.DeclaringSyntaxReferences.Length == 1
                    && property.DeclaringSyntaxReferences[0].GetSyntax(cancellationToken) is ParameterSyntax)
                    builder.Add((parameter.Ordinal, property));
            }
        }
        return builder.ToImmutable();
    }

    private static ImmutableArray<(int, ISymbol)> Assignments(IMethodSymbol constructor, ConstructorDeclarationSyntax declaration)
    {
        if (declaration.Initializer is not null || declaration.Body is not { } body)
            return ImmutableArray<(int, ISymbol)>.Empty;
        var builder = ImmutableArray.CreateBuilder<(int, ISymbol)>(body.Statements.Count);
        foreach (var statement in body.Statements)
        {
            if (statement is not ExpressionStatementSyntax { Expression: AssignmentExpressionSyntax { RawKind: (int)SyntaxKind.SimpleAssignmentExpression } assignment }
                || assignment.Right is not IdentifierNameSyntax source || ParameterNamed(constructor, source.Identifier.ValueText) is not { } parameter)
                return ImmutableArray<(int, ISymbol)>.Empty;
            var target = assignment.Left switch
            {
                // Size = size; (a name that is a parameter is the parameter, not the member)
                IdentifierNameSyntax name when ParameterNamed(constructor, name.Identifier.ValueText) is null => name.Identifier.ValueText,
                MemberAccessExpressionSyntax { Expression: ThisExpressionSyntax, Name: IdentifierNameSyntax name } => name.Identifier.ValueText,
                _ => null,
            };
            if (target is null || InstanceMember(constructor.ContainingType, target) is not { } member)
                return ImmutableArray<(int, ISymbol)>.Empty;
            builder.Add((parameter.Ordinal, member));
        }
        return builder.ToImmutable();
    }

    private static IParameterSymbol? ParameterNamed(IMethodSymbol constructor, string name)
    {
        foreach (var parameter in constructor.Parameters)
        {
            if (string.Equals(parameter.Name, name, StringComparison.Ordinal))
                return parameter;
        }
        return null;
    }

    /// <summary>The instance field or property of that name, in the type or its bases; null when none, or more than one.</summary>
    private static ISymbol? InstanceMember(INamedTypeSymbol type, string name)
    {
        for (var current = type; current is not null && current.SpecialType != SpecialType.System_Object; current = current.BaseType)
        {
            ISymbol? found = null;
            foreach (var member in current.GetMembers(name))
            {
                if (member is IFieldSymbol { IsStatic: false } or IPropertySymbol { IsStatic: false, IsIndexer: false })
                {
                    if (found is not null)
                        return null;
                    found = member;
                }
            }
            if (found is not null)
                return found;
        }
        return null;
    }
}
