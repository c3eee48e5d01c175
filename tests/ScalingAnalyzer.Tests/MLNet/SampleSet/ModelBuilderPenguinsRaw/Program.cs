using System;
using PenguinApp;

var sample = new PenguinModel.ModelInput
{
    Island = "Biscoe",
    Culmen_length_mm = 45.2f,
    Culmen_depth_mm = 14.8f,
    Flipper_length_mm = 212f,
    Body_mass_g = 5200f,
    Sex = "MALE",
};

PenguinModel.Train("PenguinModel.zip");
var result = PenguinModel.Predict(sample);
Console.WriteLine($"Species: {result.PredictedLabel}");
