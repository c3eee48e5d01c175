using System.Collections.Immutable;
using Microsoft.CodeAnalysis.Testing;
using ScalingAnalyzer.Tests.Verifiers;

namespace ScalingAnalyzer.Tests.MLNet;

/// <summary>What the SCALE002 tests compile: a training method around a pipeline, and the tree-trainer packages.</summary>
internal static class MLNetTestCode
{
    /// <summary>Microsoft.ML plus the packages that hold FastTree, FastForest, Gam and LightGbm.</summary>
    public static ReferenceAssemblies WithTreeTrainers => TestReferences.WithTreeTrainers;

    /// <summary>
    /// <paramref name="body"/> as the body of <c>Train(MLContext ml, IDataView data, House[] rows)</c>, with the usings
    /// an ML.NET user writes. Body lines are indented by the caller's raw string (8 spaces).
    /// </summary>
    public static string InTrainingMethod(string body) => $$"""
        using System.Collections.Generic;
        using Microsoft.ML;
        using Microsoft.ML.Data;
        using Microsoft.ML.Trainers;

        public sealed class House
        {
            public float Size { get; set; }
            public float Rooms { get; set; }
            public string Description { get; set; } = "";
            public string City { get; set; } = "";
            public float Price { get; set; }
            public bool Expensive { get; set; }
        }

        public static class Training
        {
            public static object Train(MLContext ml, IDataView data, House[] rows)
            {
        {{body}}
                return null!;
            }
        }
        """;
}
