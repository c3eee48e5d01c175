using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Microsoft.ML;
using Microsoft.ML.Data;

var ml = new MLContext(seed: 3);
var data = ml.Data.LoadFromTextFile("data.csv", new[]
{
    new TextLoader.Column("A", DataKind.Single, 0),
    new TextLoader.Column("C", DataKind.Single, 2),
    new TextLoader.Column("Label", DataKind.Single, 4),
}, separatorChar: ',', hasHeader: true);
var pipeline = ml.Transforms.Concatenate("Features", "A", "C").Append(ml.Regression.Trainers.LbfgsPoissonRegression()); // SCALE002 expected
var model = pipeline.Fit(data);
Console.WriteLine(model);
