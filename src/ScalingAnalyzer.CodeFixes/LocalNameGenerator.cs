using System;
using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace ScalingAnalyzer.CodeFixes;

/// <summary>
/// Chooses names for locals a fix introduces, derived from the variable they come from ("X" gives "xScaler"), that
/// collide with nothing the document already spells and nothing visible at the insertion point, nor with names
/// handed out earlier by the same generator (one Fix All pass over a document shares one generator).
/// </summary>
internal sealed class LocalNameGenerator
{
    private readonly HashSet<string> taken = new(StringComparer.Ordinal);

    /// <summary>
    /// Every identifier in the document counts as taken, not only those in scope: a new local must not shadow a
    /// field used later in the block, nor clash (CS0136) with a local declared in a nested or later scope.
    /// </summary>
    public LocalNameGenerator(SyntaxNode root)
    {
        foreach (var token in root.DescendantTokens())
        {
            if (token.IsKind(SyntaxKind.IdentifierToken))
                taken.Add(token.ValueText);
        }
    }

    /// <summary>Names visible at the insertion point (members of base types, static usings) are taken too.</summary>
    public void TakeVisibleNames(SemanticModel semanticModel, int position)
    {
        foreach (var symbol in semanticModel.LookupSymbols(position))
            taken.Add(symbol.Name);
    }

    /// <summary>
    /// A pair of free names sharing one numeric suffix: ("xScaler", "xScaled"), else ("xScaler2", "xScaled2"), ...
    /// </summary>
    public (string First, string Second) ReservePair(string variableName, string firstSuffix, string secondSuffix)
    {
        var stem = Stem(variableName);
        for (var index = 1; ; index++)
        {
            var number = index == 1 ? string.Empty : index.ToString(System.Globalization.CultureInfo.InvariantCulture);
            var first = stem + firstSuffix + number;
            var second = stem + secondSuffix + number;
            if (!taken.Contains(first) && !taken.Contains(second))
            {
                taken.Add(first);
                taken.Add(second);
                return (first, second);
            }
        }
    }

    /// <summary>A free name for a new field: "_xScaler", else "_xScaler2", ...</summary>
    public string ReserveField(string variableName, string suffix)
    {
        var stem = "_" + Stem(variableName) + suffix;
        for (var index = 1; ; index++)
        {
            var name = index == 1 ? stem : stem + index.ToString(System.Globalization.CultureInfo.InvariantCulture);
            if (taken.Add(name))
                return name;
        }
    }

    /// <summary>Three free names sharing one numeric suffix: ("xMean", "xStd", "xScaled"), else ("xMean2", ...).</summary>
    public (string First, string Second, string Third) ReserveTriple(string variableName, string firstSuffix, string secondSuffix, string thirdSuffix)
    {
        var stem = Stem(variableName);
        for (var index = 1; ; index++)
        {
            var number = index == 1 ? string.Empty : index.ToString(System.Globalization.CultureInfo.InvariantCulture);
            var first = stem + firstSuffix + number;
            var second = stem + secondSuffix + number;
            var third = stem + thirdSuffix + number;
            if (!taken.Contains(first) && !taken.Contains(second) && !taken.Contains(third))
            {
                taken.Add(first);
                taken.Add(second);
                taken.Add(third);
                return (first, second, third);
            }
        }
    }

    /// <summary>"X" and "HOUSES" become "x" and "houses"; "XTrain" becomes "xTrain"; "_features" becomes "features".</summary>
    internal static string Stem(string variableName)
    {
        var name = variableName.TrimStart('@', '_');
        if (name.Length == 0)
            return "data";
        var allUpper = true;
        foreach (var character in name)
        {
            if (char.IsLetter(character) && !char.IsUpper(character))
            {
                allUpper = false;
                break;
            }
        }

        if (allUpper)
            return name.ToLowerInvariant();
        return char.ToLowerInvariant(name[0]) + name.Substring(1);
    }
}
