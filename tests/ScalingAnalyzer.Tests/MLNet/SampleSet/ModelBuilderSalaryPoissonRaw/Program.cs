using System;
using STEMsalariesModelBuilder;

var sample = new STEMSalary.ModelInput
{
    Company = "Apple",
    Title = "Software Engineer",
    Location = "Seattle, WA",
    YearsExperience = 6F,
    YearsCompany = 2F,
    Gender = "Female",
    Race = "Hispanic",
    Education = "Master's Degree",
};

STEMSalary.Train("STEMSalary.zip");
Console.WriteLine($"Predicted compensation: {STEMSalary.Predict(sample).Score}");
