using System;
using System.IO;
using BostonRegression.MachineLearning.DataModels;
using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers;
using Microsoft.ML.Transforms;

namespace BostonRegression.MachineLearning.Common
{
    public interface ITrainerBase
    {
        string Name { get; }
        void Fit(string trainingFileName);
        RegressionMetrics Evaluate();
    }

    public class TrainerBase<TParameters> : ITrainerBase
        where TParameters : class
    {
        public string Name { get; protected set; }

        protected readonly MLContext MlContext;
        protected DataOperationsCatalog.TrainTestData _dataSplit;
        protected ITrainerEstimator<RegressionPredictionTransformer<TParameters>, TParameters> _model;
        protected ITransformer _trainedModel;

        protected TrainerBase()
        {
            MlContext = new MLContext(111);
        }

        public void Fit(string trainingFileName)
        {
            if (!File.Exists(trainingFileName))
            {
                throw new FileNotFoundException($"File {trainingFileName} doesn't exist.");
            }

            _dataSplit = LoadAndPrepareData(trainingFileName);
            var dataProcessPipeline = BuildDataProcessingPipeline();
            var trainingPipeline = dataProcessPipeline.Append(_model);

            _trainedModel = trainingPipeline.Fit(_dataSplit.TrainSet);
        }

        public RegressionMetrics Evaluate()
        {
            var testSetTransform = _trainedModel.Transform(_dataSplit.TestSet);
            return MlContext.Regression.Evaluate(testSetTransform);
        }

        private EstimatorChain<ColumnCopyingTransformer> BuildDataProcessingPipeline()
        {
            var dataProcessPipeline = MlContext.Transforms.Concatenate("Features",
                                                nameof(HousingData.CrimeRate),
                                                nameof(HousingData.ResidentialZones),
                                                nameof(HousingData.CommercialZones),
                                                nameof(HousingData.NearWater),
                                                nameof(HousingData.ToxicWasteLevels),
                                                nameof(HousingData.AverageRoomNumber),
                                                nameof(HousingData.HomeAge),
                                                nameof(HousingData.BusinessCenterDistance),
                                                nameof(HousingData.HighwayAccess),
                                                nameof(HousingData.TaxRate),
                                                nameof(HousingData.StudentTeacherRatio),
                                                nameof(HousingData.PercentPopulationBelowPoverty),
                                                nameof(HousingData.LowerStatus))
                .Append(MlContext.Transforms.CopyColumns("Label", nameof(HousingData.MedianHomeValue)))
                .AppendCacheCheckpoint(MlContext);

            return dataProcessPipeline;
        }

        private DataOperationsCatalog.TrainTestData LoadAndPrepareData(string trainingFileName)
        {
            var trainingDataView = MlContext.Data.LoadFromTextFile<HousingData>(trainingFileName, hasHeader: true, separatorChar: ',');
            return MlContext.Data.TrainTestSplit(trainingDataView, testFraction: 0.3);
        }
    }
}
