using System;
using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using ScalingAnalyzer.Analysis.DataFiles;

namespace ScalingAnalyzer.Analysis.MLNet;

/// <summary>
/// The columns of a view a text loader reads: raw (text carries no IsNormalized mark), refined by the project's data
/// file when the code's path leads to one: a column whose values in the file stay within the feature-magnitude
/// threshold needs no normalizer; one that does not keeps the file's numbers for the message.
/// </summary>
internal sealed class TextFileViews
{
    public static readonly TextFileViews None = new(ProjectDataFiles.None, DataFileLimits.Off, CancellationToken.None);

    private readonly ProjectDataFiles files;
    private readonly DataFileLimits limits;
    private readonly CancellationToken cancellationToken;
    private readonly ParameterConstants? constants;

    public TextFileViews(ProjectDataFiles files, DataFileLimits limits, CancellationToken cancellationToken, ParameterConstants? constants = null)
    {
        this.files = files;
        this.limits = limits;
        this.cancellationToken = cancellationToken;
        this.constants = constants;
    }

    /// <summary>Whether any data file can be read at all: without one, code that parses a file is not worth reading.</summary>
    public bool HasFiles => !files.IsEmpty && !limits.IsOff;

    /// <summary>
    /// The view <paramref name="loader"/> (LoadFromTextFile or CreateTextLoader) reads from <paramref name="path"/>
    /// (null when not in view), with <paramref name="resolve"/> following locals to the loader's options.
    /// </summary>
    public ColumnNormalizationState Evaluate(
        IInvocationOperation loader, IOperation? path, MLNetKnownSymbols symbols, Func<IOperation, IOperation?> resolve, double threshold)
    {
        var state = ColumnNormalizationState.Raw;
        if (path is null)
            return state;
        var filePath = files.IsEmpty || limits.IsOff ? null : DataFilePaths.Evaluate(path, cancellationToken, constants);
        // LoadFromTextFile(args[1]): whatever file the user names when the program runs; nothing says its columns are raw.
        if (filePath is null && DataFilePaths.IsRunTimeInput(path, cancellationToken, constants))
            return ColumnNormalizationState.RunTimeFile;
        if (filePath is null || files.Find(filePath) is not { } file)
            return state;
        var description = TextLoaderColumns.Read(loader, symbols, resolve, constants, cancellationToken);
        if (description.Format is not { } format || description.Columns.IsDefaultOrEmpty)
            return state;
        return WithColumns(file, format, description.Columns, threshold);
    }

    /// <summary>
    /// Rows the code parses from the file at <paramref name="path"/> itself (<see cref="FileRows"/>): each parsed member
    /// takes its file column's range, read with the separator and header the code's own parsing implies.
    /// </summary>
    public ColumnNormalizationState EvaluateParsed(IOperation path, DataFileFormat format, ImmutableArray<LoadedColumn> parsed, double threshold)
    {
        if (files.IsEmpty || limits.IsOff || parsed.IsDefaultOrEmpty)
            return ColumnNormalizationState.Raw;
        var filePath = DataFilePaths.Evaluate(path, cancellationToken, constants);
        if (filePath is null && DataFilePaths.IsRunTimeInput(path, cancellationToken, constants))
            return ColumnNormalizationState.RunTimeFile;
        if (filePath is null || files.Find(filePath) is not { } file)
            return ColumnNormalizationState.Raw;
        return WithColumns(file, format, parsed, threshold);
    }

    private ColumnNormalizationState WithColumns(AdditionalText file, DataFileFormat format, ImmutableArray<LoadedColumn> loaded, double threshold)
    {
        var state = ColumnNormalizationState.Raw;
        var table = files.Read(file, format, limits, cancellationToken);
        if (!table.IsKnown)
            return state;
        var fileName = ProjectDataFiles.DisplayName(file);
        foreach (var column in loaded)
        {
            ColumnRange? joined = null;
            foreach (var (first, last) in column.Sources)
            {
                if (table.Range(first, last) is not { } range)
                {
                    joined = null;
                    break;
                }
                joined = joined is { } sofar ? sofar.Join(range) : range;
            }
            if (joined is not { } values)
                continue;
            var sourceName = column.Sources.Length == 1 && column.Sources[0].First == column.Sources[0].Last
                ? table.HeaderOf(column.Sources[0].First) ?? column.Name
                : column.Name;
            var evidence = new ColumnEvidence(sourceName, values.Min, values.Max, ColumnEvidence.InFile(fileName, table.Rows, table.IsComplete), column.Name);
            state = state.With(column.Name, values.Magnitude <= threshold ? ColumnNormalization.WithinUnitScale : ColumnNormalization.NotNormalized, evidence);
        }
        return state;
    }
}
