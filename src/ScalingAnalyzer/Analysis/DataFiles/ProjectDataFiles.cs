using System;
using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.IO;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace ScalingAnalyzer.Analysis.DataFiles;

/// <summary>
/// The data files of one compilation: its AdditionalFiles (the package's MSBuild props add the project's .csv, .tsv
/// and .txt items), found by the path the code reads and read once per compilation, per format and limits. Files
/// are only ever read through <see cref="AdditionalText.GetText"/> (RS1035: analyzers do no file IO of their own), and
/// only files some code reads by a known path are read at all.
/// </summary>
internal sealed class ProjectDataFiles
{
    public static readonly ProjectDataFiles None = new(ImmutableArray<AdditionalText>.Empty);

    private readonly ImmutableArray<AdditionalText> files;
    private readonly ConcurrentDictionary<(AdditionalText File, DataFileFormat Format, int Characters, int Rows), DataFileTable> tables = new();

    public ProjectDataFiles(ImmutableArray<AdditionalText> files) => this.files = files.IsDefault ? ImmutableArray<AdditionalText>.Empty : files;

    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<Compilation, ProjectDataFiles> PerCompilation = new();

    /// <summary>
    /// The data files of a compilation, one instance for every rule that asks (the TorchSharp and the ML.NET rules read
    /// the same file once between them).
    /// </summary>
    public static ProjectDataFiles For(Compilation compilation, AnalyzerOptions options)
    {
        if (options.AdditionalFiles.IsDefaultOrEmpty)
            return None;
        var shared = PerCompilation.GetValue(compilation, _ => new ProjectDataFiles(options.AdditionalFiles));
        // Another host's options for the same compilation (a test harness) get their own files.
        return shared.files == options.AdditionalFiles ? shared : new ProjectDataFiles(options.AdditionalFiles);
    }

    public bool IsEmpty => files.IsEmpty;

    /// <summary>
    /// The one AdditionalFile whose path ends with <paramref name="path"/>; null when none does, or when several do
    /// and the path cannot tell them apart (then the data is unknown, as without files).
    /// </summary>
    public AdditionalText? Find(DataFilePath path)
    {
        AdditionalText? found = null;
        foreach (var file in files)
        {
            if (file.Path is not { Length: > 0 } filePath || !path.IsSuffixOf(filePath))
                continue;
            if (found is not null)
                return null;
            found = file;
        }
        return found ?? (path.IsRooted ? FindByLongestEnd(path) : null);
    }

    /// <summary>
    /// An absolute path of the author's machine (<c>C:\Users\dev\Downloads\taxi-fare-train.csv</c>, as Model Builder
    /// writes it) names the file the project keeps at another place: the one AdditionalFile that shares the longest end
    /// with it, at least its file name; null when two files share that end equally.
    /// </summary>
    private AdditionalText? FindByLongestEnd(DataFilePath path)
    {
        AdditionalText? best = null;
        var bestLength = 0;
        var tie = false;
        foreach (var file in files)
        {
            if (file.Path is not { Length: > 0 } filePath)
                continue;
            var length = path.CommonSuffixLength(filePath);
            if (length == 0 || length < bestLength)
                continue;
            tie = length == bestLength;
            best = file;
            bestLength = length;
        }
        return tie ? null : best;
    }

    /// <summary>The file read with <paramref name="format"/> within <paramref name="limits"/>, once per compilation; unknown when it cannot be read.</summary>
    public DataFileTable Read(AdditionalText file, DataFileFormat format, DataFileLimits limits, CancellationToken cancellationToken)
    {
        if (limits.IsOff)
            return DataFileTable.Unknown;
        var key = (file, format, limits.MaxCharacters, limits.MaxRows);
        if (tables.TryGetValue(key, out var table))
            return table;
        table = ReadOnce(file, format, limits, cancellationToken);
        return tables.GetOrAdd(key, table);
    }

    /// <summary>
    /// A copy of the first part of a large data file, which the package's targets hand over instead of the file
    /// (buildTransitive/ScalingAnalyzer.targets, <c>$(IntermediateOutputPath)scaling-analyzer/data/</c>): read to its
    /// end, it is still only the first rows of the data.
    /// </summary>
    internal static bool IsPrefixCopy(string? path)
        => path is not null && path.Replace('\\', '/').IndexOf("/scaling-analyzer/data/", StringComparison.OrdinalIgnoreCase) >= 0;

    public static string DisplayName(AdditionalText file) => Path.GetFileName(file.Path) is { Length: > 0 } name ? name : file.Path;

    private static DataFileTable ReadOnce(AdditionalText file, DataFileFormat format, DataFileLimits limits, CancellationToken cancellationToken)
    {
        try
        {
            var table = DataFileReader.Read(file.GetText(cancellationToken), format, limits, cancellationToken);
            return table.IsComplete && IsPrefixCopy(file.Path) ? table.AsPart() : table;
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or System.Text.DecoderFallbackException)
        {
            // A file the host cannot hand over as text is unknown, not a failure of the build.
            return DataFileTable.Unknown;
        }
    }
}
