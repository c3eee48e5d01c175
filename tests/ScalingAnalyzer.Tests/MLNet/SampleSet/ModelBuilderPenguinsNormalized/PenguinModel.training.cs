using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers;

namespace PenguinApp
{
    public partial class PenguinModel
    {
        public const string RetrainFilePath = @"C:\Users\dev\source\repos\PenguinApp\Data\penguins_size.csv";
        public const char RetrainSeparatorChar = ',';
        public const bool RetrainHasHeader = true;

        public static ITransformer RetrainPipeline(MLContext mlContext, IDataView trainData)
        {
            var pipeline = BuildPipeline(mlContext);
            var model = pipeline.Fit(trainData);
            return model;
        }

        public static IDataView LoadIDataViewFromFile(MLContext mlContext, string inputDataFilePath, char separatorChar, bool hasHeader)
        {
            return mlContext.Data.LoadFromTextFile<ModelInput>(inputDataFilePath, separatorChar, hasHeader);
        }

        public static void Train(string outputModelPath, string inputDataFilePath = RetrainFilePath, char separatorChar = RetrainSeparatorChar, bool hasHeader = RetrainHasHeader)
        {
            var mlContext = new MLContext();
            var data = LoadIDataViewFromFile(mlContext, inputDataFilePath, separatorChar, hasHeader);
            var model = RetrainPipeline(mlContext, data);
            mlContext.Model.Save(model, data.Schema, outputModelPath);
        }

        /// <summary>
        /// build the pipeline that is used from model builder. Use this function to retrain model.
        /// </summary>
        public static IEstimator<ITransformer> BuildPipeline(MLContext mlContext)
        {
            // Data process configuration with pipeline data transformations
            var pipeline = mlContext.Transforms.Categorical.OneHotEncoding(new []{new InputOutputColumnPair(@"island", @"island"),new InputOutputColumnPair(@"sex", @"sex")})
                                    .Append(mlContext.Transforms.ReplaceMissingValues(new []{new InputOutputColumnPair(@"culmen_length_mm", @"culmen_length_mm"),new InputOutputColumnPair(@"culmen_depth_mm", @"culmen_depth_mm"),new InputOutputColumnPair(@"flipper_length_mm", @"flipper_length_mm"),new InputOutputColumnPair(@"body_mass_g", @"body_mass_g")}))
                                    .Append(mlContext.Transforms.Concatenate(@"Features", new []{@"island",@"sex",@"culmen_length_mm",@"culmen_depth_mm",@"flipper_length_mm",@"body_mass_g"}))
                                    .Append(mlContext.Transforms.Conversion.MapValueToKey(@"species", @"species"))
                                    .Append(mlContext.Transforms.NormalizeMinMax(@"Features", @"Features"))
                                    .Append(mlContext.MulticlassClassification.Trainers.OneVersusAll(binaryEstimator:mlContext.BinaryClassification.Trainers.LbfgsLogisticRegression(l1Regularization:1.06088530066126F,l2Regularization:0.0648997562986137F,labelColumnName:@"species",featureColumnName:@"Features"), labelColumnName: @"species"))
                                    .Append(mlContext.Transforms.Conversion.MapKeyToValue(@"PredictedLabel", @"PredictedLabel"));

            return pipeline;
        }
    }
}
