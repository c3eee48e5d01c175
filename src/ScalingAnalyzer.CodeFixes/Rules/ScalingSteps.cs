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
        return InContext(expression,
            SyntaxFactory.BinaryExpression(SyntaxKind.DivideExpression,
                SyntaxFactory.ParenthesizedExpression(SyntaxFactory.BinaryExpression(SyntaxKind.SubtractExpression, Parenthesized(operand), Name(_centre!))),
                Name(_spread!)));
    }

    /// <summary>The output mapped back to original units.</summary>
    public ExpressionSyntax Invert(ExpressionSyntax expression)
    {
        var operand = expression.WithoutTrivia();
        if (_scaler is not null)
            return Call(_scaler, "InverseTransform", operand);
        return InContext(expression,
            SyntaxFactory.BinaryExpression(SyntaxKind.AddExpression,
                SyntaxFactory.BinaryExpression(SyntaxKind.MultiplyExpression, Parenthesized(operand), Name(_spread!)),
                Name(_centre!)));
    }

    private static ExpressionSyntax Call(string receiver, string method, ExpressionSyntax argument)
        => SyntaxFactory.InvocationExpression(
            SyntaxFactory.MemberAccessExpression(SyntaxKind.SimpleMemberAccessExpression, Name(receiver), SyntaxFactory.IdentifierName(method)),
            SyntaxFactory.ArgumentList(SyntaxFactory.SingletonSeparatedList(SyntaxFactory.Argument(argument))));

    /// <summary>Parenthesized unless it stands alone as an argument or an initializer.</summary>
    private static ExpressionSyntax InContext(ExpressionSyntax original, ExpressionSyntax binary)
        => original.Parent is ArgumentSyntax or EqualsValueClauseSyntax ? binary : SyntaxFactory.ParenthesizedExpression(binary);

    /// <summary>A variable as the fix names it: "xScaler", or "_scaler!" for a field that may be null.</summary>
    private static ExpressionSyntax Name(string name)
        => name.EndsWith("!", System.StringComparison.Ordinal)
            ? SyntaxFactory.PostfixUnaryExpression(SyntaxKind.SuppressNullableWarningExpression, SyntaxFactory.IdentifierName(name.Substring(0, name.Length - 1)))
            : SyntaxFactory.IdentifierName(name);

    /// <summary>Names, member accesses, calls and parenthesized expressions bind tighter than any binary operator.</summary>
    private static ExpressionSyntax Parenthesized(ExpressionSyntax expression)
        => expression is IdentifierNameSyntax or MemberAccessExpressionSyntax or InvocationExpressionSyntax or ParenthesizedExpressionSyntax or ElementAccessExpressionSyntax
            ? expression
            : SyntaxFactory.ParenthesizedExpression(expression);
}
