using System;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace ScalingAnalyzer.Analysis;

/// <summary>
/// The decimal separator a parse of .NET text uses, read from the format provider the call names
/// (<c>float.Parse(cells[1], CultureInfo.GetCultureInfo("de-DE"))</c> reads "78,5" as 78.5), so a data file of the
/// project is read the way the code reads it. Culture names are looked up in a fixed table of languages, never in the
/// machine's culture data (which an invariant-globalization host lacks): the analysis must not depend on where it runs.
/// </summary>
internal static class NumberCultures
{
    /// <summary>Languages whose cultures write a decimal comma (their common regions; a few regions differ and are left out).</summary>
    private static readonly string[] CommaLanguages =
    {
        "de", "fr", "es", "it", "pt", "nl", "ru", "pl", "cs", "sk", "sv", "da", "nb", "nn", "no", "fi", "tr", "uk", "ro",
        "hu", "el", "bg", "hr", "sl", "sr", "lt", "lv", "et", "id", "vi", "ca", "eu", "gl", "is", "be", "kk", "az",
    };

    /// <summary>Languages whose cultures write a decimal point.</summary>
    private static readonly string[] PointLanguages = { "en", "ja", "zh", "ko", "he", "th", "hi", "ga", "mt", "ms", "fil", "ta", "te", "ur" };

    /// <summary>Regions of comma languages that write a decimal point (Swiss German and Italian, Mexican Spanish, ...).</summary>
    private static readonly string[] PointRegions = { "de-CH", "de-LI", "it-CH", "es-MX", "es-US", "es-PR", "es-DO", "es-GT", "es-HN", "es-NI", "es-PA", "es-SV", "fr-CH" };

    /// <summary>
    /// ',' for a numeric <c>Parse</c> given a decimal-comma culture it names; '.' otherwise: no provider or one not
    /// known here (the current culture, a parameter), which the analysis takes to be the invariant culture, as it
    /// always has (a file whose numbers that misreads is not read as numbers at all, which is silent).
    /// </summary>
    public static char DecimalMarkerOf(IInvocationOperation parse, CancellationToken cancellationToken)
    {
        foreach (var argument in parse.Arguments)
        {
            if (argument.ArgumentKind != ArgumentKind.Explicit || argument.Parameter?.Type is not { Name: "IFormatProvider" })
                continue;
            return MarkerOf(argument.Value, cancellationToken) ?? '.';
        }
        return '.';
    }

    private static char? MarkerOf(IOperation provider, CancellationToken cancellationToken)
    {
        while (provider is IConversionOperation conversion)
            provider = conversion.Operand;
        switch (provider)
        {
            case IPropertyReferenceOperation { Property: { Name: "InvariantCulture", ContainingType.Name: "CultureInfo" } }:
            case IPropertyReferenceOperation { Property: { Name: "InvariantInfo", ContainingType.Name: "NumberFormatInfo" } }:
                return '.';
            case IInvocationOperation { TargetMethod: { Name: "GetCultureInfo" or "CreateSpecificCulture", ContainingType.Name: "CultureInfo" } } invocation when invocation.Arguments.Length >= 1:
                return MarkerOfName(invocation.Arguments[0].Value.ConstantValue);
            case IObjectCreationOperation { Type.Name: "CultureInfo" } creation when creation.Arguments.Length >= 1:
                return MarkerOfName(creation.Arguments[0].Value.ConstantValue);
            case IFieldReferenceOperation { Field: { IsStatic: true, IsReadOnly: true } field }:
                return MarkerOfInitializer(field, cancellationToken);
            default:
                return null;
        }
    }

    /// <summary>A <c>static readonly CultureInfo German = CultureInfo.GetCultureInfo("de-DE");</c> field: what its initializer names.</summary>
    private static char? MarkerOfInitializer(IFieldSymbol field, CancellationToken cancellationToken)
    {
        if (field.DeclaringSyntaxReferences.Length != 1
            || field.DeclaringSyntaxReferences[0].GetSyntax(cancellationToken) is not VariableDeclaratorSyntax { Initializer.Value: var value })
            return null;
        if (value is MemberAccessExpressionSyntax { Name.Identifier.ValueText: "InvariantCulture", Expression: IdentifierNameSyntax { Identifier.ValueText: "CultureInfo" } or MemberAccessExpressionSyntax })
            return '.';
        ArgumentListSyntax? arguments = value switch
        {
            InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: "GetCultureInfo" or "CreateSpecificCulture" } } call => call.ArgumentList,
            ObjectCreationExpressionSyntax { Type: IdentifierNameSyntax { Identifier.ValueText: "CultureInfo" } or QualifiedNameSyntax { Right.Identifier.ValueText: "CultureInfo" } } creation => creation.ArgumentList,
            ImplicitObjectCreationExpressionSyntax creation when field.Type.Name == "CultureInfo" => creation.ArgumentList,
            _ => null,
        };
        return arguments is { Arguments.Count: >= 1 } && arguments.Arguments[0].Expression is LiteralExpressionSyntax literal
            ? MarkerOfName(new Optional<object?>(literal.Token.Value))
            : null;
    }

    private static char? MarkerOfName(Optional<object?> constant)
    {
        if (!constant.HasValue || constant.Value is not string name)
            return null;
        if (name.Length == 0)
            return '.';
        foreach (var region in PointRegions)
        {
            if (string.Equals(region, name, StringComparison.OrdinalIgnoreCase))
                return '.';
        }
        var dash = name.IndexOfAny(new[] { '-', '_' });
        var language = dash < 0 ? name : name.Substring(0, dash);
        foreach (var comma in CommaLanguages)
        {
            if (string.Equals(comma, language, StringComparison.OrdinalIgnoreCase))
                return ',';
        }
        foreach (var point in PointLanguages)
        {
            if (string.Equals(point, language, StringComparison.OrdinalIgnoreCase))
                return '.';
        }
        return null;
    }
}
