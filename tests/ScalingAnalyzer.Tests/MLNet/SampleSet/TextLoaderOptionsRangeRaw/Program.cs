using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Microsoft.ML;
using Microsoft.ML.Data;

var ml = new MLContext(seed: 3);
var loader = ml.Data.CreateTextLoader(new TextLoader.Options
{
    Columns = new[]
    {
        new TextLoader.Column("Features", DataKind.Single, 0, 3),
        new TextLoader.Column("Label", DataKind.Single, 4),
    },
    HasHeader = true,
    Separators = new[] { ',' },
});
var data = loader.Load("data.csv");
var pipeline =  ml.Regression.Trainers.OnlineGradientDescent(); // SCALE002 expected
var model = pipeline.Fit(data);
Console.WriteLine(model);
