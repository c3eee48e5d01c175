using System;
using System.IO;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace STEMsalariesModelBuilder
{
    public partial class STEMSalary
    {
        public class ModelInput
        {
            [ColumnName(@"Company")]
            [LoadColumn(0)]
            public string Company { get; set; }

            [ColumnName(@"Title")]
            [LoadColumn(1)]
            public string Title { get; set; }

            [ColumnName(@"AnualCompensation")]
            [LoadColumn(2)]
            public float AnualCompensation { get; set; }

            [ColumnName(@"Location")]
            [LoadColumn(3)]
            public string Location { get; set; }

            [ColumnName(@"YearsExperience")]
            [LoadColumn(4)]
            public float YearsExperience { get; set; }

            [ColumnName(@"YearsCompany")]
            [LoadColumn(5)]
            public float YearsCompany { get; set; }

            [ColumnName(@"Gender")]
            [LoadColumn(6)]
            public string Gender { get; set; }

            [ColumnName(@"Race")]
            [LoadColumn(7)]
            public string Race { get; set; }

            [ColumnName(@"Education")]
            [LoadColumn(8)]
            public string Education { get; set; }
        }

        public class ModelOutput
        {
            [ColumnName(@"Score")]
            public float Score { get; set; }
        }

        private static string MLNetModelPath = Path.GetFullPath("STEMSalary.zip");

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
