using System;
using HeartClinic;

HeartDiseasePrediction.Train("HeartDiseasePrediction.mlnet");
var input = new HeartDiseasePrediction.ModelInput { Col0 = 58, Col1 = 1, Col2 = 4, Col3 = 128, Col4 = 259, Col7 = 130, Col9 = 3 };
Console.WriteLine(HeartDiseasePrediction.Predict(input).PredictedLabel);
