using System;
using System.IO;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace PenguinApp
{
    public partial class PenguinModel
    {
        public class ModelInput
        {
            [LoadColumn(0)]
            [ColumnName(@"species")]
            public string Species { get; set; }

            [LoadColumn(1)]
            [ColumnName(@"island")]
            public string Island { get; set; }

            [LoadColumn(2)]
            [ColumnName(@"culmen_length_mm")]
            public float Culmen_length_mm { get; set; }

            [LoadColumn(3)]
            [ColumnName(@"culmen_depth_mm")]
            public float Culmen_depth_mm { get; set; }

            [LoadColumn(4)]
            [ColumnName(@"flipper_length_mm")]
            public float Flipper_length_mm { get; set; }

            [LoadColumn(5)]
            [ColumnName(@"body_mass_g")]
            public float Body_mass_g { get; set; }

            [LoadColumn(6)]
            [ColumnName(@"sex")]
            public string Sex { get; set; }
        }

        public class ModelOutput
        {
            [ColumnName(@"PredictedLabel")]
            public string PredictedLabel { get; set; }

            [ColumnName(@"Score")]
            public float[] Score { get; set; }
        }

        private static string MLNetModelPath = Path.GetFullPath("PenguinModel.zip");

        public static readonly Lazy<PredictionEngine<ModelInput, ModelOutput>> PredictEngine = new Lazy<PredictionEngine<ModelInput, ModelOutput>>(() => CreatePredictEngine(), true);

        public static ModelOutput Predict(ModelInput input)
        {
            var predEngine = PredictEngine.Value;
            return predEngine.Predict(input);
        }

        private static PredictionEngine<ModelInput, ModelOutput> CreatePredictEngine()
        {
            var mlContext = new MLContext();
            ITransformer mlModel = mlContext.Model.Load(MLNetModelPath, out var _);
            return mlContext.Model.CreatePredictionEngine<ModelInput, ModelOutput>(mlModel);
        }
    }
}
