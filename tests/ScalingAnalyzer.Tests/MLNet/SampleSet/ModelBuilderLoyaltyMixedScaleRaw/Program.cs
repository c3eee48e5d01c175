using System;
using Loyalty_ConsoleApp;

Console.WriteLine("Retraining LoyaltyModel...");
LoyaltyModel.Train("LoyaltyModel.mlnet");
var sample = new LoyaltyModel.ModelInput { DiscountRate = 0.15F, OpenRate = 0.42F, AnnualIncome = 58000F, Churned = false };
Console.WriteLine($"Churn probability: {LoyaltyModel.Predict(sample).Probability:P1}");
