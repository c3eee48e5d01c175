using System;
using System.IO;
using Microsoft.ML;
using MaintenanceApi.Services;

var dataPath = Path.Combine(AppContext.BaseDirectory, "Data", "readings.csv");
var service = new FailureModelService(new MLContext(seed: 0), dataPath);
service.Train();
