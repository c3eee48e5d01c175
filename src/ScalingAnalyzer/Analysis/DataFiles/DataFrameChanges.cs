using System;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace ScalingAnalyzer.Analysis.DataFiles;

/// <summary>
/// A syntactic look for code that changes a Microsoft.Data.Analysis <c>DataFrame</c> in place, in the trees that use
/// the library: a frame is read as its CSV file only when nothing in the compilation can change it (a false warning
/// costs more than a miss).
/// </summary>
internal static class DataFrameChanges
{
    private static readonly string[] Markers = { "inPlace", ".Apply", "Columns.Remove", "Columns.Add", "Columns.Insert", "FillNulls", "Columns.Clear", ".SetName(" };

    public static bool Any(Compilation compilation, CancellationToken cancellationToken)
    {
        foreach (var tree in compilation.SyntaxTrees)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var text = tree.GetText(cancellationToken).ToString();
            if (text.IndexOf("Data.Analysis", StringComparison.Ordinal) < 0 && text.IndexOf("DataFrame", StringComparison.Ordinal) < 0)
                continue;
            foreach (var marker in Markers)
            {
                if (text.IndexOf(marker, StringComparison.Ordinal) >= 0)
                    return true;
            }
            foreach (var node in tree.GetRoot(cancellationToken).DescendantNodes())
            {
                // df["x"] = ..., df.Columns[i] = ..., df["x"][i] = ..., col[i] /= 2 (any element access written whose
                // key is a string, whose receiver is a Columns collection, or which is itself an element of something).
                if (node is AssignmentExpressionSyntax { Left: ElementAccessExpressionSyntax access }
                    && (access.Expression is ElementAccessExpressionSyntax
                        || access.Expression is MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Columns" }
                        || access.ArgumentList.Arguments.Count == 1 && access.ArgumentList.Arguments[0].Expression.IsKind(SyntaxKind.StringLiteralExpression)
                        || access.Expression is IdentifierNameSyntax name && DeclaredAsColumn(name)))
                    return true;
                // df["x"].Append(v), df.Columns[1].Append(v), col.Append(v): a value added to a frame's column. (A frame's
                // own Append returns a new frame unless it says inPlace; a StringBuilder's or a pipeline's Append changes
                // no frame.)
                if (node is InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Append", Expression: var receiver } }
                    && (receiver is ElementAccessExpressionSyntax || receiver is IdentifierNameSyntax column && DeclaredAsColumn(column)))
                    return true;
            }
        }
        return false;
    }

    /// <summary>A local named like a column holder: <c>var col = df["x"]; col[i] = v</c> (conservatively, any name whose declaration mentions a column).</summary>
    private static bool DeclaredAsColumn(IdentifierNameSyntax name)
    {
        var method = name.FirstAncestorOrSelf<MemberDeclarationSyntax>();
        if (method is null)
            return false;
        foreach (var declarator in method.DescendantNodes())
        {
            if (declarator is VariableDeclaratorSyntax { Initializer.Value: { } value } variable && variable.Identifier.ValueText == name.Identifier.ValueText)
            {
                var text = value.ToString();
                return text.IndexOf("Column", StringComparison.Ordinal) >= 0 || text.IndexOf("[\"", StringComparison.Ordinal) >= 0;
            }
        }
        return false;
    }
}
