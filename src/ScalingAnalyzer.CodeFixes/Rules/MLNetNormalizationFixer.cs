using System.Collections.Generic;
using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Formatting;
using Microsoft.CodeAnalysis.Text;
using ScalingAnalyzer.Analysis.MLNet;

namespace ScalingAnalyzer.CodeFixes.Rules;

/// <summary>
/// SCALE002: puts one of ML.NET's own normalizers in the pipeline right before the trainer, on the trainer's feature
/// column, through the MLContext the code already uses. The insertion points come from the diagnostic's properties.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(MLNetNormalizationFixer)), Shared]
public sealed class MLNetNormalizationFixer : CodeFixProvider
{
    public const string MeanVarianceEquivalenceKey = FixEquivalenceKeys.NormalizeMeanVariance;
    public const string MinMaxEquivalenceKey = FixEquivalenceKeys.NormalizeMinMax;

    private const string MeanVarianceMethod = "NormalizeMeanVariance";
    private const string MinMaxMethod = "NormalizeMinMax";
    private const string MLNetNamespace = "Microsoft.ML";
    private const string TransformsCatalogMetadataName = "Microsoft.ML.TransformsCatalog";

    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(RuleIdentifiers.MLNetMissingNormalizer);

    // Every diagnostic's insertions are text insertions into the original document; applying a document's set in one
    // pass keeps them from overlapping, which the batch fixer's merge of separately fixed documents cannot promise.
    public override FixAllProvider GetFixAllProvider() => FixAllProvider.Create(FixAllInDocumentAsync);

    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var text = await context.Document.GetTextAsync(context.CancellationToken).ConfigureAwait(false);
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        foreach (var diagnostic in context.Diagnostics)
        {
            if (!IsFixable(diagnostic, text))
                continue;
            // Mean-variance first: the default, and what ML.NET's own samples put before linear trainers.
            context.RegisterCodeFix(
                CodeAction.Create(
                    Title(MeanVarianceMethod, diagnostic, root),
                    cancellationToken => ApplyAsync(context.Document, ImmutableArray.Create(diagnostic), MeanVarianceMethod, cancellationToken),
                    MeanVarianceEquivalenceKey),
                diagnostic);
            context.RegisterCodeFix(
                CodeAction.Create(
                    Title(MinMaxMethod, diagnostic, root),
                    cancellationToken => ApplyAsync(context.Document, ImmutableArray.Create(diagnostic), MinMaxMethod, cancellationToken),
                    MinMaxEquivalenceKey),
                diagnostic);
        }
    }

    /// <summary>
    /// Names the column and the trainer, so that two pipelines of one method are told apart in the IDE's list:
    /// <c>Add NormalizeMeanVariance("Features") before OnlineGradientDescent</c>.
    /// </summary>
    private static string Title(string normalizerMethod, Diagnostic diagnostic, SyntaxNode? root)
    {
        var column = SymbolDisplay.FormatLiteral(diagnostic.Properties[DiagnosticProperties.FeatureColumn]!, quote: true);
        var trainer = root is null ? null : TrainerName(root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true));
        return $"Add {normalizerMethod}({column}) before {trainer ?? "the trainer"}";
    }

    /// <summary>The method name of the trainer call the diagnostic is on (<c>Sdca</c>, <c>OneVersusAll</c>).</summary>
    private static string? TrainerName(SyntaxNode node)
    {
        var invocation = node as InvocationExpressionSyntax ?? node.FirstAncestorOrSelf<InvocationExpressionSyntax>();
        return invocation?.Expression switch
        {
            MemberAccessExpressionSyntax member => member.Name.Identifier.ValueText,
            SimpleNameSyntax name => name.Identifier.ValueText,
            _ => null,
        };
    }

    private static async Task<Document?> FixAllInDocumentAsync(FixAllContext context, Document document, ImmutableArray<Diagnostic> diagnostics)
    {
        var method = context.CodeActionEquivalenceKey switch
        {
            MeanVarianceEquivalenceKey => MeanVarianceMethod,
            MinMaxEquivalenceKey => MinMaxMethod,
            _ => null,
        };
        if (method is null)
            return null;
        var text = await document.GetTextAsync(context.CancellationToken).ConfigureAwait(false);
        var fixable = diagnostics.Where(diagnostic => IsFixable(diagnostic, text)).ToImmutableArray();
        return fixable.IsEmpty ? null : await ApplyAsync(document, fixable, method, context.CancellationToken).ConfigureAwait(false);
    }

    private static bool IsFixable(Diagnostic diagnostic, SourceText text)
    {
        if (!diagnostic.Properties.TryGetValue(DiagnosticProperties.FeatureColumn, out var column) || column is null
            || !diagnostic.Properties.TryGetValue(MLNetFixProperties.MLContext, out var mlContext) || string.IsNullOrWhiteSpace(mlContext))
        {
            return false;
        }
        diagnostic.Properties.TryGetValue(MLNetFixProperties.Insertions, out var encoded);
        var insertions = MLNetFixProperties.Decode(encoded);
        if (insertions.IsEmpty)
            return false;
        foreach (var insertion in insertions)
        {
            if (insertion.End > text.Length)
                return false;
            if (insertion.Kind == NormalizerInsertionKind.AppendBefore && text[insertion.Start] != '.')
                return false;
        }
        return true;
    }

    private static async Task<Document> ApplyAsync(Document document, ImmutableArray<Diagnostic> diagnostics, string normalizerMethod, CancellationToken cancellationToken)
    {
        var text = await document.GetTextAsync(cancellationToken).ConfigureAwait(false);
        // One text per position. Where a wrapped trainer ends right at the next Append's dot, its closing parenthesis
        // must come before the inserted .Append(...), whatever order the diagnostics come in.
        var closings = new SortedDictionary<int, string>();
        var insertionsByPosition = new SortedDictionary<int, string>();
        var seen = new HashSet<(NormalizerInsertionKind, int, int, string)>();
        var firstPosition = int.MaxValue;
        foreach (var diagnostic in diagnostics)
        {
            var column = diagnostic.Properties[DiagnosticProperties.FeatureColumn]!;
            var normalizerCall = diagnostic.Properties[MLNetFixProperties.MLContext] + ".Transforms." + normalizerMethod + "("
                + SymbolDisplay.FormatLiteral(column, quote: true) + ")";
            diagnostic.Properties.TryGetValue(MLNetFixProperties.Insertions, out var encoded);
            foreach (var insertion in MLNetFixProperties.Decode(encoded))
            {
                if (!seen.Add((insertion.Kind, insertion.Start, insertion.End, normalizerCall)))
                    continue;
                firstPosition = System.Math.Min(firstPosition, insertion.Start);
                if (insertion.Kind == NormalizerInsertionKind.AppendBefore)
                {
                    Add(insertionsByPosition, insertion.Start, ".Append(" + normalizerCall + ")" + ContinuationAt(text, insertion.Start));
                }
                else
                {
                    Add(insertionsByPosition, insertion.Start, normalizerCall + ".Append(");
                    Add(closings, insertion.End, ")");
                }
            }
        }
        foreach (var closing in closings)
            insertionsByPosition[closing.Key] = insertionsByPosition.TryGetValue(closing.Key, out var after) ? closing.Value + after : closing.Value;
        var changes = insertionsByPosition.Select(pair => new TextChange(new TextSpan(pair.Key, 0), pair.Value));
        var changed = document.WithText(text.WithChanges(changes));
        return await AddUsingWhenNeededAsync(document, changed, normalizerMethod, firstPosition, cancellationToken).ConfigureAwait(false);
    }

    private static void Add(SortedDictionary<int, string> insertions, int position, string insertion)
        => insertions[position] = insertions.TryGetValue(position, out var existing) ? existing + insertion : insertion;

    /// <summary>
    /// When the chain puts each <c>.Append</c> on its own line, the inserted call gets its own line with the same
    /// indentation; on a single line it goes inline.
    /// </summary>
    private static string ContinuationAt(SourceText text, int dotPosition)
    {
        var line = text.Lines.GetLineFromPosition(dotPosition);
        if (line.LineNumber == 0)
            return string.Empty;
        var indentation = text.ToString(TextSpan.FromBounds(line.Start, dotPosition));
        if (indentation.Length == 0 || !string.IsNullOrWhiteSpace(indentation))
            return string.Empty;
        var previous = text.Lines[line.LineNumber - 1];
        var lineBreak = text.ToString(TextSpan.FromBounds(previous.End, previous.EndIncludingLineBreak));
        return lineBreak + indentation;
    }

    /// <summary>The normalizers are extension methods in Microsoft.ML: import it when the file does not see them.</summary>
    private static async Task<Document> AddUsingWhenNeededAsync(Document original, Document changed, string normalizerMethod, int position, CancellationToken cancellationToken)
    {
        var semanticModel = await original.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
        var transformsCatalog = semanticModel?.Compilation.GetTypeByMetadataName(TransformsCatalogMetadataName);
        if (semanticModel is null || transformsCatalog is null || position == int.MaxValue)
            return changed;
        var visible = semanticModel.LookupSymbols(position, transformsCatalog, normalizerMethod, includeReducedExtensionMethods: true);
        if (!visible.IsEmpty)
            return changed;
        if (await changed.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false) is not CompilationUnitSyntax root)
            return changed;
        var directive = SyntaxFactory.UsingDirective(SyntaxFactory.ParseName(MLNetNamespace)).WithAdditionalAnnotations(Formatter.Annotation);
        var withUsing = changed.WithSyntaxRoot(root.AddUsings(directive));
        return await Formatter.FormatAsync(withUsing, Formatter.Annotation, cancellationToken: cancellationToken).ConfigureAwait(false);
    }
}
