using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace Spectra;

public class Sample
{
    [LoadColumn(0, 7), VectorType(8)] public float[] Bands { get; set; } = Array.Empty<float>();
    [LoadColumn(8)] public float Label { get; set; }
}

public static class Program
{
    public static void Main()
    {
        var ml = new MLContext(seed: 0);
        var data = ml.Data.LoadFromTextFile<Sample>("spectra.csv", hasHeader: false, separatorChar: ',');
        var pipeline = ml.Transforms.CopyColumns("Features", nameof(Sample.Bands))
            .Append(ml.Transforms.NormalizeMeanVariance("Features"))
            .Append(ml.Transforms.ProjectToPrincipalComponents("Features", rank: 4))
            .Append(ml.Regression.Trainers.Sdca());
        var model = pipeline.Fit(data);
        Console.WriteLine(model);
    }
}
