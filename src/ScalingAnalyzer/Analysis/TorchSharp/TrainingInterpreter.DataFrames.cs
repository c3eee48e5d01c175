using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace ScalingAnalyzer.Analysis;

/// <summary>
/// Microsoft.Data.Analysis frames loaded from a data file of the project (<c>DataFrame.LoadCsv(path)</c>, a header row
/// and ',' unless the call says otherwise): a column read by name or position (<c>df["Pressure"]</c>,
/// <c>df.Columns[1]</c>, <c>df.Columns["Pressure"]</c>) holds the numbers the file shows in that column, and so do its
/// elements (<c>col[i]</c>) and what LINQ makes of it (<c>col.Cast&lt;float&gt;().ToArray()</c>); a row of
/// <c>df.Rows</c> holds the file's columns by position (<c>row[2]</c>, <c>df[i, 2]</c>). Everything else a frame or a
/// column does (arithmetic, <c>Mean()</c>, filters, joins) is unknown, and no frame is followed at all where the
/// compilation may change one in place (<see cref="ProgramSummaries.ChangesDataFrames"/>).
/// </summary>
internal sealed partial class TrainingInterpreter
{
    private static bool IsDataAnalysisType(ITypeSymbol? type)
        => type?.ContainingNamespace is { Name: "Analysis", ContainingNamespace: { Name: "Data", ContainingNamespace: { Name: "Microsoft", ContainingNamespace.IsGlobalNamespace: true } } };

    /// <summary><c>DataFrame.LoadCsv(path, separator, header)</c> of a data file: the rows' fields, header skipped; null for other calls.</summary>
    private AbstractValue? DataFrameCall(IInvocationOperation invocation, AbstractValue[] arguments)
    {
        var method = invocation.TargetMethod;
        if (method is not { Name: "LoadCsv", IsStatic: true, ContainingType.Name: "DataFrame" } || _program is null || _program.ChangesDataFrames(_cancellationToken))
            return null;
        IOperation? pathOperation = null;
        AbstractValue? pathValue = null;
        var separator = ',';
        var header = true;
        for (var i = 0; i < invocation.Arguments.Length; i++)
        {
            var argument = invocation.Arguments[i];
            switch (argument.Parameter?.Name)
            {
                case "filename" when argument.Value.Type?.SpecialType == SpecialType.System_String:
                    pathOperation = argument.Value;
                    pathValue = i < arguments.Length ? arguments[i] : AbstractValue.Unknown;
                    break;
                case "separator":
                    if (argument.Value.ConstantValue is not { HasValue: true, Value: char given })
                        return null;
                    separator = given;
                    break;
                case "header":
                    if (argument.Value.ConstantValue is not { HasValue: true, Value: bool hasHeader })
                        return null;
                    header = hasHeader;
                    break;
                case "columnNames" or "dataTypes" or "numRows" when argument.ArgumentKind != ArgumentKind.DefaultValue:
                    // Names or types the code gives itself (the header is not how columns are found), or only the first
                    // rows (the file's bounds are those of every row).
                    return null;
                case "addIndexColumn" when argument.ArgumentKind != ArgumentKind.DefaultValue && argument.Value.ConstantValue is not { HasValue: true, Value: false }:
                    // An index column first moves every column one place.
                    return null;
            }
        }
        if (pathOperation is null || !header || DataFileLines(pathOperation, pathValue ?? AbstractValue.Unknown) is not { FileText: { } lines } file)
            return null;
        return file with { FileText = lines.Skipping(1).SplitOn(separator.ToString(), dropsEmptyFields: false) };
    }

    /// <summary>Reads of a frame (<see cref="DataFrameCall"/>) through its indexers and collections; null for anything else.</summary>
    private AbstractValue? DataFrameProperty(IPropertyReferenceOperation property, AbstractValue? instance)
    {
        if (!IsDataAnalysisType(property.Property.ContainingType))
            return null;
        // Frames the code changes in place (df["LoadKw"] = df["LoadKw"] / 900f): what it did to them is not followed, so
        // their columns are no suggestion to scale either.
        if (instance?.FileText is not { IsFields: true } fields)
            return _program?.ChangesDataFrames(_cancellationToken) == true ? AbstractValue.Data(Interval.Unknown, ValueOrigin.RuntimeData, ElementKind.Unknown) with { PartlyScaled = true } : null;
        var symbol = property.Property;
        var owner = symbol.ContainingType.Name;
        if (!symbol.IsIndexer)
        {
            // df.Columns and df.Rows stand for the frame; a row collection's rows are its rows.
            return owner == "DataFrame" && symbol.Name is "Columns" or "Rows" ? instance : null;
        }
        var key = property.Arguments.Length > 0 ? property.Arguments[property.Arguments.Length - 1].Value.ConstantValue : default;
        switch (owner)
        {
            // df["Pressure"], df.Columns["Pressure"], df.Columns[1], df[i, 1]
            case "DataFrame" or "DataFrameColumnCollection" when key.HasValue && key.Value is string name:
                var position = fields.ColumnNamed(name, _options.DataFileLimits, _cancellationToken);
                return position >= 0 ? ColumnOfFrame(fields, position) : AbstractValue.Data(Interval.Unknown, ValueOrigin.RuntimeData, ElementKind.Unknown);
            case "DataFrame" or "DataFrameColumnCollection" or "DataFrameRow" when key.HasValue && key.Value is int column && column >= 0:
                return ColumnOfFrame(fields, column);
            case "DataFrameRowCollection":
                return instance;
            default:
                return AbstractValue.Data(Interval.Unknown, ValueOrigin.RuntimeData, ElementKind.Unknown);
        }
    }

    /// <summary>
    /// <c>column.Mean()</c>, <c>Median()</c>, <c>Min()</c>, <c>Max()</c> of a frame's column: a statistic of that column
    /// (its centre, minimum or maximum), so <c>(column - column.Mean()) / (max - min)</c> is a scaling step, as the same
    /// spelling is over a tensor or an array. Null for any other call.
    /// </summary>
    private static AbstractValue? ColumnStatistic(IMethodSymbol method, AbstractValue column)
    {
        if (!method.ContainingType.Name.EndsWith("DataFrameColumn", System.StringComparison.Ordinal) || method.Parameters.Length != 0 || method.IsStatic)
            return null;
        return method.Name switch
        {
            "Mean" or "Median" => Statistic(column, StatisticKind.Centre, column.Range, column.Identity).WithKind(ElementKind.Floating),
            "Min" => Statistic(column, StatisticKind.Minimum, column.Range, column.Identity),
            "Max" => Statistic(column, StatisticKind.Maximum, column.Range, column.Identity),
            _ => null,
        };
    }

    /// <summary>
    /// Arithmetic of a frame's column with a number (<c>df["Humidity"] * 100f</c>, <c>(column - mean) / range</c>): element
    /// by element, so the column's bound goes through it as a tensor's does. Two columns combined (<c>df["Total"] /
    /// df["Quantity"]</c>) are not followed: rows that go together (a total and its count) make the hull of the quotient
    /// far wider than any value, which would be a false warning.
    /// </summary>
    private static bool IsColumnArithmetic(IBinaryOperation binary)
        => binary.OperatorMethod is { ContainingType: { } owner } && IsDataAnalysisType(owner) && owner.Name.EndsWith("DataFrameColumn", System.StringComparison.Ordinal)
           && binary.OperatorKind is BinaryOperatorKind.Add or BinaryOperatorKind.Subtract or BinaryOperatorKind.Multiply or BinaryOperatorKind.Divide
           && (IsNumeric(binary.LeftOperand.Type) || IsNumeric(binary.RightOperand.Type));

    /// <summary>The numbers of one column of a frame: the file's bound for it, as numbers parsed from it would have.</summary>
    private AbstractValue ColumnOfFrame(DataFiles.DataFileText fields, int column)
        => Parsed(AbstractValue.Unknown with { FileText = fields.Field(column) }, ElementKind.Floating);

    /// <summary>An element of a column read from a frame (<c>df["Pressure"][i]</c>, <c>column[i]</c>): the column's numbers.</summary>
    private static AbstractValue? ColumnElement(IPropertyReferenceOperation property, AbstractValue? instance)
        => instance is { FileText.IsField: true } && property.Property.IsIndexer && IsDataAnalysisType(property.Property.ContainingType)
           && property.Property.ContainingType.Name.EndsWith("DataFrameColumn", System.StringComparison.Ordinal)
            ? instance
            : null;
}
