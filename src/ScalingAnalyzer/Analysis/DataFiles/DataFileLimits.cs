using System.Globalization;
using Microsoft.CodeAnalysis.Diagnostics;

namespace ScalingAnalyzer.Analysis.DataFiles;

/// <summary>
/// How much of a data file the analysis reads: a prefix of at most <see cref="MaxCharacters"/> characters and
/// <see cref="MaxRows"/> rows, so a build's cost does not grow with the file (.editorconfig / global config keys below;
/// docs/rules/SCALE002.md, README "Data files").
/// </summary>
internal sealed class DataFileLimits
{
    public const string ReadLimitKilobytesKey = "scaling_analyzer.data_file_read_limit_kb";
    public const string MaxRowsKey = "scaling_analyzer.data_file_max_rows";

    /// <summary>4 MiB of text and 100,000 rows: a few tens of milliseconds of parsing at most.</summary>
    public static readonly DataFileLimits Default = new(4096 * 1024, 100_000);

    /// <summary>Data files not read at all (<c>scaling_analyzer.data_file_read_limit_kb = 0</c>).</summary>
    public static readonly DataFileLimits Off = new(0, 0);

    /// <summary>At most this many columns are tracked per file; later columns are unknown.</summary>
    public const int MaxColumns = 4096;

    public DataFileLimits(int maxCharacters, int maxRows)
    {
        MaxCharacters = maxCharacters;
        MaxRows = maxRows;
    }

    public int MaxCharacters { get; }
    public int MaxRows { get; }
    public bool IsOff => MaxCharacters <= 0 || MaxRows <= 0;

    /// <summary>Invalid values fall back to the defaults: an analyzer never fails on configuration.</summary>
    public static DataFileLimits Read(AnalyzerConfigOptions options)
    {
        var kilobytes = ReadNonNegative(options, ReadLimitKilobytesKey, Default.MaxCharacters / 1024);
        var rows = ReadNonNegative(options, MaxRowsKey, Default.MaxRows);
        if (kilobytes == 0 || rows == 0)
            return Off;
        var characters = kilobytes >= int.MaxValue / 1024 ? int.MaxValue : (int)kilobytes * 1024;
        var maxRows = rows >= int.MaxValue ? int.MaxValue : (int)rows;
        return characters == Default.MaxCharacters && maxRows == Default.MaxRows ? Default : new DataFileLimits(characters, maxRows);
    }

    private static long ReadNonNegative(AnalyzerConfigOptions options, string key, long fallback)
        => options.TryGetValue(key, out var text)
           && long.TryParse(text.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value)
           && value >= 0
            ? value
            : fallback;
}
