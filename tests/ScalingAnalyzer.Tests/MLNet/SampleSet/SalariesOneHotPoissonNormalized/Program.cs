using System;
using System.Linq;
using Microsoft.ML;

namespace STEMsalaries
{
    class Program
    {
        private static string dataset_file = @"E:\GitMLDotNet\STEMsalaries\Data\salaries.csv";
        private static string ModelPath = @"E:\GitMLDotNet\STEMsalaries\MLModel.zip";

        static void Main(string[] args)
        {
            MLContext context = new();

            IDataView data = context.Data.LoadFromTextFile<Salary>(
                path: dataset_file,
                hasHeader: true,
                allowQuoting: true,
                separatorChar: ',');

            var split = context.Data.TrainTestSplit(data, testFraction: 0.2);

            var pipeline = context.Transforms.Categorical.OneHotEncoding(outputColumnName: "CompanyEncoded", inputColumnName: "Company")
                   .Append(context.Transforms.Categorical.OneHotEncoding(outputColumnName: "TitleEncoded", inputColumnName: "Title"))
                   .Append(context.Transforms.Categorical.OneHotEncoding(outputColumnName: "GenderEncoded", inputColumnName: "Gender"))
                   .Append(context.Transforms.Categorical.OneHotEncoding(outputColumnName: "LocationEncoded", inputColumnName: "Location"))
                   .Append(context.Transforms.Categorical.OneHotEncoding(outputColumnName: "EducationEncoded", inputColumnName: "Education"))
                   .Append(context.Transforms
                       .Concatenate("Features", "YearsExperience", "YearsCompany", "CompanyEncoded", "TitleEncoded", "GenderEncoded", "LocationEncoded", "EducationEncoded"))
                   .Append(context.Transforms.NormalizeMinMax("Features", "Features"))
                   .AppendCacheCheckpoint(context);

            var trainer = context.Regression.Trainers.LbfgsPoissonRegression();
            var pipelineTraining = pipeline.Append(trainer);

            var model = pipelineTraining.Fit(split.TrainSet);
            var testMetrics = context.Regression.Evaluate(model.Transform(split.TestSet), labelColumnName: "Label", scoreColumnName: "Score");
            Console.WriteLine($"R-Squared Test set: {testMetrics.RSquared}");

            var crossValidation = context.Regression.CrossValidate(data, pipelineTraining, numberOfFolds: 5);
            Console.WriteLine($"R-Squared Cross Validation: {crossValidation.Select(fold => fold.Metrics.RSquared).Average()}");

            context.Model.Save(model, data.Schema, ModelPath);
        }
    }
}
