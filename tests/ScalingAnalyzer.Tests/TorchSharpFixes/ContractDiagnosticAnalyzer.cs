using System.Collections.Immutable;
using System.Globalization;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;

namespace ScalingAnalyzer.Tests.TorchSharpFixes;

/// <summary>
/// Test-only stand-in that speaks the analyzer-to-fix contract (DiagnosticProperties) with properties the real
/// analyzer never produces: a missing <c>Variable</c>, an <c>InsertBefore</c> that names no statement, a wrong
/// <c>Role</c>. The fixes must offer nothing for those. It reports on every argument whose text is preceded by a
/// <c>/*SCALE00n ...*/</c> comment, e.g. <c>model.forward(/*SCALE001 Variable=x InsertBefore=loop*/x)</c>;
/// <c>InsertBefore=loop</c> means the outermost loop around the argument, <c>InsertBefore=statement</c> the
/// statement holding it, a number is taken as it is.
/// </summary>
// RS1036 asks analyzer projects for extended rules; this is a test project, and the stand-in never ships.
#pragma warning disable RS1036
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class ContractDiagnosticAnalyzer : DiagnosticAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(
        DiagnosticDescriptors.UnscaledFeature, DiagnosticDescriptors.UnreachableTarget, DiagnosticDescriptors.UnboundedFeature);

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterSyntaxNodeAction(AnalyzeArgument, SyntaxKind.Argument);
    }

    private void AnalyzeArgument(SyntaxNodeAnalysisContext context)
    {
        var argument = (ArgumentSyntax)context.Node;
        // A comment right after '(' or ',' is that token's trailing trivia.
        var comment = argument.GetFirstToken().GetPreviousToken().TrailingTrivia.Concat(argument.GetLeadingTrivia())
            .FirstOrDefault(trivia => trivia.IsKind(SyntaxKind.MultiLineCommentTrivia));
        var text = comment.ToString();
        if (!text.StartsWith("/*SCALE00", StringComparison.Ordinal))
            return;

        var words = text.Trim('/', '*').Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var descriptor = SupportedDiagnostics.Single(d => d.Id == words[0]);
        var properties = ImmutableDictionary.CreateBuilder<string, string?>();
        properties[DiagnosticProperties.Role] = descriptor.Id == RuleIdentifiers.UnreachableTarget ? DiagnosticProperties.TargetRole : DiagnosticProperties.FeatureRole;
        foreach (var word in words.Skip(1))
        {
            var (key, value) = (word[..word.IndexOf('=')], word[(word.IndexOf('=') + 1)..]);
            properties[key] = key != DiagnosticProperties.InsertBefore ? value : value switch
            {
                "loop" => argument.Ancestors().Last(IsLoop).SpanStart.ToString(CultureInfo.InvariantCulture),
                "statement" => argument.FirstAncestorOrSelf<StatementSyntax>()!.SpanStart.ToString(CultureInfo.InvariantCulture),
                _ => value,
            };
        }

        // Once fixed, the argument no longer names the variable and the stand-in falls silent, as the real rule does.
        if (properties.TryGetValue(DiagnosticProperties.Variable, out var variable)
            && !argument.Expression.DescendantNodesAndSelf().OfType<IdentifierNameSyntax>().Any(name => name.Identifier.ValueText == variable))
        {
            return;
        }

        context.ReportDiagnostic(Diagnostic.Create(descriptor, argument.Expression.GetLocation(), properties.ToImmutable(), "x", "[0, 1]", "forward", "reason", "1"));
    }

    private static bool IsLoop(SyntaxNode node) => node is ForStatementSyntax or ForEachStatementSyntax or WhileStatementSyntax or DoStatementSyntax;
}
