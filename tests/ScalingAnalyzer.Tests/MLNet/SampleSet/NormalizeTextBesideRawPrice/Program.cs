using System;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace ProductRatings
{
    public class Listing
    {
        [LoadColumn(0)] public string Title { get; set; }
        [LoadColumn(1)] public float Price { get; set; }
        [LoadColumn(2)] public float Rating { get; set; }
    }

    internal static class Program
    {
        private static void Main()
        {
            var mlContext = new MLContext(seed: 0);
            IDataView data = mlContext.Data.LoadFromTextFile<Listing>("Data/listings.csv", separatorChar: ',', hasHeader: true, allowQuoting: true);

            // "Normalize" here is about text casing and punctuation, not about feature scale.
            var pipeline = mlContext.Transforms.Text.NormalizeText("TitleClean", "Title", keepPunctuations: false)
                .Append(mlContext.Transforms.Text.TokenizeIntoWords("TitleTokens", "TitleClean"))
                .Append(mlContext.Transforms.Conversion.MapValueToKey("TitleTokens"))
                .Append(mlContext.Transforms.Text.ProduceNgrams("TitleNgrams", "TitleTokens"))
                .Append(mlContext.Transforms.Conversion.MapValueToKey("Label", "Rating"))
                .Append(mlContext.Transforms.Concatenate("Features", "TitleNgrams", "Price"))
                .Append(mlContext.MulticlassClassification.Trainers.SdcaMaximumEntropy()); // SCALE002 expected

            var model = pipeline.Fit(data);
            Console.WriteLine(model.LastTransformer.Model);
        }
    }
}
