using Microsoft.ML;
using Microsoft.ML.Data;

namespace SolarForecast
{
    public class PanelReading
    {
        [LoadColumn(0)] public float Irradiance { get; set; }
        [LoadColumn(1)] public float AmbientTemp { get; set; }
        [LoadColumn(2)] public float Pressure { get; set; }
        [LoadColumn(3), ColumnName("Label")] public float OutputKw { get; set; }
    }

    public class ModelTrainer
    {
        private readonly MLContext _mlContext;
        private readonly IEstimator<ITransformer> _pipeline;

        public ModelTrainer(MLContext mlContext)
        {
            _mlContext = mlContext;
            _pipeline = _mlContext.Transforms.Concatenate("Features", nameof(PanelReading.Irradiance), nameof(PanelReading.AmbientTemp), nameof(PanelReading.Pressure))
                .Append(_mlContext.Regression.Trainers.OnlineGradientDescent()); // SCALE002 expected
        }

        public ITransformer Train(IDataView trainingData) => _pipeline.Fit(trainingData);
    }
}
