using HeartHealth.DataEntities;
using Microsoft.ML;
using Microsoft.ML.Transforms;

namespace HeartHealth.Trainers;

public interface ITrainer
{
    ITransformer BuildAndTrainModel(MLContext context, IDataView trainSet);
}

public static class FeatureTransformer
{
    public static ColumnConcatenatingEstimator Concatenate(MLContext context)
        => context.Transforms.Concatenate("Features",
            nameof(HeartDiseaseData.Age), nameof(HeartDiseaseData.Sex), nameof(HeartDiseaseData.Cp),
            nameof(HeartDiseaseData.Trestbps), nameof(HeartDiseaseData.Chol), nameof(HeartDiseaseData.Fbs),
            nameof(HeartDiseaseData.Thalach), nameof(HeartDiseaseData.Oldpeak));
}

public class SdcaLogisticRegressionTrainer : ITrainer
{
    public ITransformer BuildAndTrainModel(MLContext context, IDataView trainSet)
    {
        var pipeline = FeatureTransformer.Concatenate(context)
            .Append(context.BinaryClassification.Trainers.SdcaLogisticRegression());
        return pipeline.Fit(trainSet);
    }
}

public class FastTreeTrainer : ITrainer
{
    public ITransformer BuildAndTrainModel(MLContext context, IDataView trainSet)
    {
        var pipeline = FeatureTransformer.Concatenate(context)
            .Append(context.BinaryClassification.Trainers.FastTree(numberOfLeaves: 20));
        return pipeline.Fit(trainSet);
    }
}
