using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace Sentiment;

public class Review
{
    [LoadColumn(0)] public string Text { get; set; } = "";
    [LoadColumn(1), ColumnName("Label")] public bool Positive { get; set; }
}

public static class Program
{
    public static void Main()
    {
        var ml = new MLContext();
        var data = ml.Data.LoadFromTextFile<Review>("reviews.tsv", hasHeader: true);
        var pipeline = ml.Transforms.Text.FeaturizeText("Features", nameof(Review.Text))
            .Append(ml.BinaryClassification.Trainers.SdcaLogisticRegression());
        var model = pipeline.Fit(data);
        Console.WriteLine(model);
    }
}
