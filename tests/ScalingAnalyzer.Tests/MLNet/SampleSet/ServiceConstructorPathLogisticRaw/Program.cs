using System;
using System.IO;
using DiabetesApi.Services;

var service = new DiabetesModelService(Path.Combine(AppContext.BaseDirectory, "Data", "diabetes.csv"));
service.Train();
