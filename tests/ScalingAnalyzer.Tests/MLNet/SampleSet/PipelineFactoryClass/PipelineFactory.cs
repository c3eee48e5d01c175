using Microsoft.ML;

namespace EnergyForecast
{
    public static class PipelineFactory
    {
        public static IEstimator<ITransformer> CreateTrainingPipeline(MLContext mlContext)
        {
            var dataProcessPipeline = mlContext.Transforms.Categorical.OneHotEncoding("WeatherEncoded", nameof(BuildingReading.Weather))
                .Append(mlContext.Transforms.Concatenate("Features", "WeatherEncoded", nameof(BuildingReading.Temperature),
                    nameof(BuildingReading.Occupancy), nameof(BuildingReading.Area)));
            var trainer = mlContext.Regression.Trainers.Sdca(labelColumnName: nameof(BuildingReading.EnergyUse), featureColumnName: "Features"); // SCALE002 expected
            return dataProcessPipeline.Append(trainer);
        }
    }
}
