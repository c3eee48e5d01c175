using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers;
using Microsoft.ML;
using Microsoft.ML.Transforms;

namespace STEMsalariesModelBuilder
{
    public partial class STEMSalary
    {
        public const string RetrainFilePath = @"C:\Users\paula\Desktop\STEMsalaries\Data\stem-salary.csv";
        public const char RetrainSeparatorChar = ',';
        public const bool RetrainHasHeader = true;
        public const bool RetrainAllowQuoting = true;

        public static void Train(string outputModelPath, string inputDataFilePath = RetrainFilePath, char separatorChar = RetrainSeparatorChar, bool hasHeader = RetrainHasHeader, bool allowQuoting = RetrainAllowQuoting)
        {
            var mlContext = new MLContext();

            var data = LoadIDataViewFromFile(mlContext, inputDataFilePath, separatorChar, hasHeader, allowQuoting);
            var model = RetrainModel(mlContext, data);
            SaveModel(mlContext, model, data, outputModelPath);
        }

        public static IDataView LoadIDataViewFromFile(MLContext mlContext, string inputDataFilePath, char separatorChar, bool hasHeader, bool allowQuoting)
        {
            return mlContext.Data.LoadFromTextFile<ModelInput>(inputDataFilePath, separatorChar, hasHeader, allowQuoting: allowQuoting);
        }

        public static void SaveModel(MLContext mlContext, ITransformer model, IDataView data, string modelSavePath)
        {
            DataViewSchema dataViewSchema = data.Schema;
            using (var fs = File.Create(modelSavePath))
            {
                mlContext.Model.Save(model, dataViewSchema, fs);
            }
        }

        public static ITransformer RetrainModel(MLContext mlContext, IDataView trainData)
        {
            var pipeline = BuildPipeline(mlContext);
            var model = pipeline.Fit(trainData);
            return model;
        }

        public static IEstimator<ITransformer> BuildPipeline(MLContext mlContext)
        {
            var pipeline = mlContext.Transforms.Categorical.OneHotEncoding(new[] { new InputOutputColumnPair(@"Title", @"Title"), new InputOutputColumnPair(@"Gender", @"Gender"), new InputOutputColumnPair(@"Race", @"Race"), new InputOutputColumnPair(@"Education", @"Education") }, outputKind: OneHotEncodingEstimator.OutputKind.Indicator)
                                    .Append(mlContext.Transforms.ReplaceMissingValues(new[] { new InputOutputColumnPair(@"YearsExperience", @"YearsExperience"), new InputOutputColumnPair(@"YearsCompany", @"YearsCompany") }))
                                    .Append(mlContext.Transforms.Text.FeaturizeText(inputColumnName: @"Company", outputColumnName: @"Company"))
                                    .Append(mlContext.Transforms.Text.FeaturizeText(inputColumnName: @"Location", outputColumnName: @"Location"))
                                    .Append(mlContext.Transforms.Concatenate(@"Features", new[] { @"Title", @"Gender", @"Race", @"Education", @"YearsExperience", @"YearsCompany", @"Company", @"Location" }))
                                    .Append(mlContext.Regression.Trainers.LbfgsPoissonRegression(new LbfgsPoissonRegressionTrainer.Options() { L1Regularization = 0.03125F, L2Regularization = 0.03125F, LabelColumnName = @"AnualCompensation", FeatureColumnName = @"Features" })); // SCALE002 expected

            return pipeline;
        }
    }
}
