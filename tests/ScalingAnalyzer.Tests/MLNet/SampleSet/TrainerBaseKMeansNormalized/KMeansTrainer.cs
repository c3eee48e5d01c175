using Microsoft.ML;
using Microsoft.ML.Trainers;
using PenguinClustering.MachineLearning.Common;

namespace PenguinClustering.MachineLearning.Trainers
{
    public class KMeansTrainer : TrainerBase<KMeansModelParameters>
    {
        public KMeansTrainer(int numberOfClusters) : base()
        {
            Name = $"K Means Clustering - {numberOfClusters} Clusters";
            _model = MlContext.Clustering.Trainers.KMeans(numberOfClusters: numberOfClusters, featureColumnName: "Features");
        }
    }
}
