using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers;

namespace Spam;

public sealed class Message
{
    [LoadColumn(0)] public float Links { get; set; }
    [LoadColumn(1)] public float Length { get; set; }
    [LoadColumn(2)] public float Exclamations { get; set; }
    [LoadColumn(3)] public bool IsSpam { get; set; }
}

public static class Program
{
    public static void Main()
    {
        var context = new MLContext();
        var messages = context.Data.LoadFromTextFile<Message>("Data/messages.csv", separatorChar: ',', hasHeader: true);
        IEstimator<ITransformer> pipeline = context.Transforms.Concatenate("Features", nameof(Message.Links), nameof(Message.Length), nameof(Message.Exclamations));
        
        var options = new AveragedPerceptronTrainer.Options { LabelColumnName = nameof(Message.IsSpam), NumberOfIterations = 20 };
        pipeline = pipeline.Append(context.BinaryClassification.Trainers.AveragedPerceptron(options)); // SCALE002 expected
        var model = pipeline.Fit(messages);
        Console.WriteLine(model);
    }
}
