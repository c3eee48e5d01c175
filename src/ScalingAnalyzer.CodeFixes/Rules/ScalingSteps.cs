using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace ScalingAnalyzer.CodeFixes.Rules;

/// <summary>
/// How a fitted scaling is applied to another tensor and undone on an output: through a runtime scaler
/// (<c>xScaler.Transform(house)</c>, <c>yScaler.InverseTransform(prediction)</c>) or through the hand-written
/// statistics (<c>(house - xMean) / xStd</c>, <c>prediction * yStd + yMean</c>).
/// </summary>
internal sealed class ScalingSteps
{
    private readonly string? _scaler;
    private readonly string? _centre;
    private readonly string? _spread;

    private ScalingSteps(string? scaler, string? centre, string? spread)
    {
        _scaler = scaler;
        _centre = centre;
        _spread = spread;
    }

    public static ScalingSteps Runtime(string scaler) => new(scaler, null, null);

    public static ScalingSteps HandWritten(string centre, string spread) => new(null, centre, spread);

    /// <summary>The expression scaled the way the training data was.</summary>
    public ExpressionSyntax Apply(ExpressionSyntax expression)
    {
        var operand = expression.WithoutTrivia();
        if (_scaler is not null)
            return Call(_scaler, "Transform", operand);
        return SyntaxFactory.ParenthesizedExpression(
            SyntaxFactory.BinaryExpression(SyntaxKind.DivideExpression,
                SyntaxFactory.ParenthesizedExpression(SyntaxFactory.BinaryExpression(SyntaxKind.SubtractExpression, Parenthesized(operand), SyntaxFactory.IdentifierName(_centre!))),
                SyntaxFactory.IdentifierName(_spread!)));
    }

    /// <summary>The output mapped back to original units.</summary>
    public ExpressionSyntax Invert(ExpressionSyntax expression)
    {
        var operand = expression.WithoutTrivia();
        if (_scaler is not null)
            return Call(_scaler, "InverseTransform", operand);
        return SyntaxFactory.ParenthesizedExpression(
            SyntaxFactory.BinaryExpression(SyntaxKind.AddExpression,
                SyntaxFactory.BinaryExpression(SyntaxKind.MultiplyExpression, Parenthesized(operand), SyntaxFactory.IdentifierName(_spread!)),
                SyntaxFactory.IdentifierName(_centre!)));
    }

    private static ExpressionSyntax Call(string receiver, string method, ExpressionSyntax argument)
        => SyntaxFactory.InvocationExpression(
            SyntaxFactory.MemberAccessExpression(SyntaxKind.SimpleMemberAccessExpression, SyntaxFactory.IdentifierName(receiver), SyntaxFactory.IdentifierName(method)),
            SyntaxFactory.ArgumentList(SyntaxFactory.SingletonSeparatedList(SyntaxFactory.Argument(argument))));

    /// <summary>Names, member accesses, calls and parenthesized expressions bind tighter than any binary operator.</summary>
    private static ExpressionSyntax Parenthesized(ExpressionSyntax expression)
        => expression is IdentifierNameSyntax or MemberAccessExpressionSyntax or InvocationExpressionSyntax or ParenthesizedExpressionSyntax or ElementAccessExpressionSyntax
            ? expression
            : SyntaxFactory.ParenthesizedExpression(expression);
}
