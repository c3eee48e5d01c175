using System;
using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers;

namespace EnergyUse
{
    internal sealed class EnergyModel
    {
        private static readonly TextLoader.Options LoaderOptions = new TextLoader.Options
        {
            HasHeader = true,
            Columns = new[]
            {
                new TextLoader.Column("Hour", DataKind.Single, 0),
                new TextLoader.Column("OutdoorTemp", DataKind.Single, 1),
                new TextLoader.Column("Occupancy", DataKind.Single, 2),
                new TextLoader.Column("FloorArea", DataKind.Single, 3),
                new TextLoader.Column("Label", DataKind.Single, 4),
            },
        };

        private readonly MLContext _mlContext = new MLContext(seed: 0);

        public ITransformer Train(string dataFile)
        {
            IDataView data = _mlContext.Data.LoadFromTextFile(dataFile, LoaderOptions);
            var trainerOptions = new OnlineGradientDescentTrainer.Options
            {
                LabelColumnName = "Label",
                FeatureColumnName = "Features",
                NumberOfIterations = 50,
                LearningRate = 0.05f,
            };
            var pipeline = _mlContext.Transforms.Concatenate("Features", "Hour", "OutdoorTemp", "Occupancy", "FloorArea")
                .Append(_mlContext.Regression.Trainers.OnlineGradientDescent(trainerOptions)); // SCALE002 expected
            return pipeline.Fit(data);
        }
    }

    internal static class Program
    {
        private static void Main()
        {
            var model = new EnergyModel().Train("Data/energy.tsv");
            Console.WriteLine(model != null);
        }
    }
}
