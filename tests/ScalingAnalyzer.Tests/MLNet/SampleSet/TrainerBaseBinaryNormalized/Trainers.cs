using System;
using System.IO;
using Microsoft.ML;
using Microsoft.ML.Calibrators;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers;
using Microsoft.ML.Transforms;

namespace PenguinSvm.MachineLearning
{
    public class PenguinData
    {
        [LoadColumn(0)]
        public bool Label { get; set; }

        [LoadColumn(2)]
        public float CulmenLength { get; set; }

        [LoadColumn(3)]
        public float CulmenDepth { get; set; }

        [LoadColumn(4)]
        public float FlipperLength { get; set; }

        [LoadColumn(5)]
        public float BodyMass { get; set; }
    }

    public interface ITrainerBase
    {
        string Name { get; }
        void Fit(string trainingFileName);
        BinaryClassificationMetrics Evaluate();
    }

    public class TrainerBase<TParameters> : ITrainerBase
        where TParameters : class
    {
        public string Name { get; protected set; }

        protected readonly MLContext MlContext;
        protected DataOperationsCatalog.TrainTestData DataSplit;
        protected ITrainerEstimator<BinaryPredictionTransformer<TParameters>, TParameters> Model;
        protected ITransformer TrainedModel;

        protected TrainerBase()
        {
            MlContext = new MLContext(11);
        }

        public BinaryClassificationMetrics Evaluate()
        {
            var testSetTransform = TrainedModel.Transform(DataSplit.TestSet);
            return MlContext.BinaryClassification.EvaluateNonCalibrated(testSetTransform);
        }

        public void Fit(string fileName)
        {
            if (!File.Exists(fileName))
            {
                throw new FileNotFoundException(fileName);
            }

            DataSplit = LoadAndPrepareData(fileName);
            var pipeline = BuildDataProcessingPipeline();
            var trainingPipeline = pipeline.Append(Model);
            TrainedModel = trainingPipeline.Fit(DataSplit.TrainSet);
        }

        private DataOperationsCatalog.TrainTestData LoadAndPrepareData(string trainingFileName)
        {
            var trainingDataView = MlContext.Data.LoadFromTextFile<PenguinData>(trainingFileName, hasHeader: true, separatorChar: ',');
            return MlContext.Data.TrainTestSplit(trainingDataView, testFraction: 0.3);
        }

        private EstimatorChain<NormalizingTransformer> BuildDataProcessingPipeline()
        {
            var pipeline = MlContext.Transforms.Concatenate("Features",
                                                            nameof(PenguinData.CulmenDepth),
                                                            nameof(PenguinData.CulmenLength),
                                                            nameof(PenguinData.FlipperLength),
                                                            nameof(PenguinData.BodyMass))
                            .Append(MlContext.Transforms.NormalizeMinMax("Features", "Features"))
                            .AppendCacheCheckpoint(MlContext);
            return pipeline;
        }
    }

    public class LinearSvmTrainer : TrainerBase<LinearBinaryModelParameters>
    {
        public LinearSvmTrainer(int numberOfIterations) : base()
        {
            Name = $"Linear SVM - {numberOfIterations}";
            Model = MlContext.BinaryClassification.Trainers.LinearSvm(numberOfIterations: numberOfIterations);
        }
    }

    public class AveragedPerceptronTrainer : TrainerBase<LinearBinaryModelParameters>
    {
        public AveragedPerceptronTrainer() : base()
        {
            Name = "Averaged Perceptron";
            Model = MlContext.BinaryClassification.Trainers.AveragedPerceptron(labelColumnName: "Label", featureColumnName: "Features");
        }
    }

    public class LbfgsLogisticRegressionTrainer : TrainerBase<CalibratedModelParametersBase<LinearBinaryModelParameters, PlattCalibrator>>
    {
        public LbfgsLogisticRegressionTrainer() : base()
        {
            Name = "LBFGS Logistic Regression";
            Model = MlContext.BinaryClassification.Trainers.LbfgsLogisticRegression(labelColumnName: "Label", featureColumnName: "Features");
        }
    }
}
