using System;
using System.Collections.Immutable;
using System.Globalization;
using Microsoft.CodeAnalysis.Diagnostics;
using ScalingAnalyzer.Analysis.DataFiles;

namespace ScalingAnalyzer.Analysis;

/// <summary>The .editorconfig options of the TorchSharp rules (documented in docs/rules/).</summary>
internal sealed class ScalingOptions
{
    public const string FeatureMagnitudeThresholdKey = "scaling_analyzer.feature_magnitude_threshold";
    public const string ColumnScaleRatioKey = "scaling_analyzer.column_scale_ratio";
    public const string ScalingMethodsKey = "scaling_analyzer.scaling_methods";

    public static readonly ScalingOptions Default = new(10, 100, ImmutableHashSet<string>.Empty);

    public ScalingOptions(double featureMagnitudeThreshold, double columnScaleRatio, ImmutableHashSet<string> scalingMethods, DataFileLimits? dataFileLimits = null)
    {
        DataFileLimits = dataFileLimits ?? DataFileLimits.Default;
        FeatureMagnitudeThreshold = featureMagnitudeThreshold;
        ColumnScaleRatio = columnScaleRatio;
        ScalingMethods = scalingMethods;
    }

    /// <summary>A feature whose largest |value| exceeds this is reported.</summary>
    public double FeatureMagnitudeThreshold { get; }

    /// <summary>A feature whose columns' magnitudes differ by more than this factor is reported.</summary>
    public double ColumnScaleRatio { get; }

    /// <summary>Fully qualified names (Namespace.Type.Method) of the user's own scaling methods.</summary>
    public ImmutableHashSet<string> ScalingMethods { get; }

    /// <summary>How much of a project data file .NET code reads (<c>File.ReadAllLines</c>) may be read as evidence of its columns.</summary>
    public DataFileLimits DataFileLimits { get; }

    /// <summary>Invalid numbers fall back to the defaults: an analyzer never fails on configuration.</summary>
    public static ScalingOptions Read(AnalyzerConfigOptions options)
    {
        var threshold = ReadPositive(options, FeatureMagnitudeThresholdKey, Default.FeatureMagnitudeThreshold);
        var ratio = ReadPositive(options, ColumnScaleRatioKey, Default.ColumnScaleRatio);
        var methods = ImmutableHashSet<string>.Empty;
        if (options.TryGetValue(ScalingMethodsKey, out var text) && !string.IsNullOrWhiteSpace(text))
        {
            var builder = ImmutableHashSet.CreateBuilder<string>(StringComparer.Ordinal);
            foreach (var part in text.Split(new[] { ',', ';', ' ' }, StringSplitOptions.RemoveEmptyEntries))
            {
                var name = part.Trim();
                if (name.StartsWith("global::", StringComparison.Ordinal))
                    name = name.Substring("global::".Length);
                builder.Add(name);
            }
            methods = builder.ToImmutable();
        }
        var limits = DataFileLimits.Read(options);
        if (threshold == Default.FeatureMagnitudeThreshold && ratio == Default.ColumnScaleRatio && methods.IsEmpty && ReferenceEquals(limits, DataFileLimits.Default))
            return Default;
        return new ScalingOptions(threshold, ratio, methods, limits);
    }

    private static double ReadPositive(AnalyzerConfigOptions options, string key, double fallback)
        => options.TryGetValue(key, out var text)
           && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value)
           && value > 0 && !double.IsInfinity(value)
            ? value
            : fallback;
}
