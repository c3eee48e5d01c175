using BostonRegression.MachineLearning.Common;
using Microsoft.ML;
using Microsoft.ML.Trainers;
using Microsoft.ML.Trainers.FastTree;

namespace BostonRegression.MachineLearning.Trainers
{
    public class SdcaRegressionTrainer : TrainerBase<LinearRegressionModelParameters>
    {
        public SdcaRegressionTrainer() : base()
        {
            Name = "SDCA Regression";
            _model = MlContext.Regression.Trainers.Sdca(); // SCALE002 expected
        }
    }

    public class OnlineGradientDescentTrainer : TrainerBase<LinearRegressionModelParameters>
    {
        public OnlineGradientDescentTrainer(float learningRate) : base()
        {
            Name = $"Online Gradient Descent ({learningRate})";
            _model = MlContext.Regression.Trainers.OnlineGradientDescent(learningRate: learningRate); // SCALE002 expected
        }
    }

    public class FastForestRegressionTrainer : TrainerBase<FastForestRegressionModelParameters>
    {
        public FastForestRegressionTrainer(int numberOfLeaves, int numberOfTrees) : base()
        {
            Name = $"Random Forest with {numberOfLeaves} leaves and {numberOfTrees} trees";
            _model = MlContext.Regression.Trainers.FastForest(numberOfLeaves: numberOfLeaves, numberOfTrees: numberOfTrees);
        }
    }
}
