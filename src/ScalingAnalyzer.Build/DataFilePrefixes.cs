using System;
using System.Collections.Generic;
using System.IO;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;

namespace ScalingAnalyzer.Build;

/// <summary>
/// Chooses what the analyzers read of the project's data files. The compiler loads an AdditionalFile's whole text the
/// first time an analyzer asks for it, so a data file larger than <see cref="PrefixBytes"/> is handed over as a copy of
/// its first <see cref="PrefixBytes"/> bytes, cut at the last line end, under <see cref="PrefixDirectory"/> with the
/// item's own relative path (its Link when it has one), so the end of the copy's path still matches the path the code
/// reads. The copy is written again only when the data file is newer. Smaller files pass through unchanged. A file
/// that cannot be read is left out (the analyzers then know nothing of it), with a low-importance message.
/// </summary>
public sealed class DataFilePrefixes : Task
{
    /// <summary>The project's data file items (.csv, .tsv, .txt).</summary>
    [Required]
    public ITaskItem[] Files { get; set; } = Array.Empty<ITaskItem>();

    /// <summary>Where prefix copies go (under the intermediate output path).</summary>
    [Required]
    public string PrefixDirectory { get; set; } = "";

    /// <summary>Files up to this size pass through; larger ones are cut to it. 0 or less: every file passes through.</summary>
    public long PrefixBytes { get; set; }

    /// <summary>The files the analyzers get: the small ones as they are, prefix copies of the large ones.</summary>
    [Output]
    public ITaskItem[] Result { get; set; } = Array.Empty<ITaskItem>();

    /// <summary>Fills <see cref="Result"/>; never fails the build over a data file.</summary>
    public override bool Execute()
    {
        var result = new List<ITaskItem>(Files.Length);
        foreach (var file in Files)
        {
            try
            {
                var source = new FileInfo(file.GetMetadata("FullPath"));
                if (!source.Exists)
                    continue;
                if (PrefixBytes <= 0 || source.Length <= PrefixBytes)
                {
                    result.Add(file);
                    continue;
                }
                var copy = new FileInfo(Path.Combine(PrefixDirectory, RelativePathOf(file)));
                if (!copy.Exists || copy.LastWriteTimeUtc < source.LastWriteTimeUtc)
                    WritePrefix(source.FullName, copy.FullName, PrefixBytes);
                var item = new TaskItem(copy.FullName);
                item.SetMetadata("ScalingAnalyzerDataFileSource", source.FullName);
                result.Add(item);
            }
            catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
            {
                Log.LogMessage(MessageImportance.Low, "ScalingAnalyzer: data file '{0}' is not given to the analyzers: {1}", file.ItemSpec, exception.Message);
            }
        }
        Result = result.ToArray();
        return !Log.HasLoggedErrors;
    }

    /// <summary>The item's path inside the project (Link, else its own relative path), without root or parent steps.</summary>
    internal static string RelativePathOf(ITaskItem file)
    {
        var relative = file.GetMetadata("Link");
        if (string.IsNullOrEmpty(relative))
            relative = file.ItemSpec;
        if (Path.IsPathRooted(relative))
            relative = Path.GetFileName(relative);
        var parts = new List<string>();
        foreach (var part in relative.Replace('\\', '/').Split('/'))
        {
            if (part.Length > 0 && part != "." && part != "..")
                parts.Add(part);
        }
        return string.Join(Path.DirectorySeparatorChar.ToString(), parts);
    }

    /// <summary>The first <paramref name="limit"/> bytes of the file, cut after the last line end in them (the whole prefix when there is none).</summary>
    internal static void WritePrefix(string source, string destination, long limit)
    {
        var buffer = new byte[(int)Math.Min(limit, int.MaxValue)];
        var read = 0;
        using (var input = new FileStream(source, FileMode.Open, FileAccess.Read, FileShare.ReadWrite))
        {
            int count;
            while (read < buffer.Length && (count = input.Read(buffer, read, buffer.Length - read)) > 0)
                read += count;
        }
        var end = read == 0 ? -1 : Array.LastIndexOf(buffer, (byte)'\n', read - 1);
        Directory.CreateDirectory(Path.GetDirectoryName(destination)!);
        using var output = new FileStream(destination, FileMode.Create, FileAccess.Write);
        output.Write(buffer, 0, end >= 0 ? end + 1 : read);
    }
}
