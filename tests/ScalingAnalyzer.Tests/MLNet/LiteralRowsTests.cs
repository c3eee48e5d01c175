using Microsoft.CodeAnalysis.Testing;
using ScalingAnalyzer.Rules;
using ScalingAnalyzer.Tests.Verifiers;
using static ScalingAnalyzer.Tests.MLNet.MLNetTestCode;

namespace ScalingAnalyzer.Tests.MLNet;

/// <summary>
/// SCALE002 and rows written out in the code (Analysis/MLNet/LiteralRows.cs): when every row gives a feature column a
/// literal within the feature-magnitude threshold, no normalizer is needed for it. Found by the real-world sweep:
/// ML.NET samples train on a few literal rows already near unit scale.
/// </summary>
public class LiteralRowsTests
{
    private static Task ExpectAsync(string body, string? editorConfig = null) =>
        Verify<MLNetNormalizationAnalyzer>.AnalyzerAsync(InTrainingMethod(body), TestReferences.WithMLNet, editorConfig);

    private static Task ExpectWithLinqAsync(string body) =>
        Verify<MLNetNormalizationAnalyzer>.AnalyzerAsync(
            InTrainingMethod(body).Replace("using System.Collections.Generic;", "using System.Collections.Generic;\nusing System.Linq;"), TestReferences.WithMLNet, null);

    private const string Pipeline = """
        var pipeline = ml.Transforms.Concatenate("Features", "Size", "Rooms")
            .Append(TRAINER);
        var model = pipeline.Fit(view);
        """;

    private static string Train(string rows, bool reported) => rows + "\n" + Pipeline.Replace("TRAINER",
        reported ? """{|SCALE002:ml.Regression.Trainers.Sdca(labelColumnName: "Price")|}""" : """ml.Regression.Trainers.Sdca(labelColumnName: "Price")""");

    [Fact]
    public Task LiteralRowsWithinTheThresholdStaySilent() => ExpectAsync(Train("""
        var view = ml.Data.LoadFromEnumerable(new[]
        {
            new House { Size = 1.1f, Rooms = 2f, Price = 1.2f },
            new House { Size = 1.9f, Rooms = 3f, Price = 2.3f },
            new House { Size = -0.5f, Rooms = 4, Price = 3.3f },
        });
        """, reported: false));

    [Fact]
    public Task LiteralRowsInAListThroughALocalStaySilent() => ExpectAsync(Train("""
        var houses = new List<House>
        {
            new House { Size = 0.25f, Rooms = 0.5f, Price = 1.2f },
            new() { Size = 0.75f, Rooms = 1f, Price = 2.3f },
        };
        var view = ml.Data.LoadFromEnumerable(houses);
        """, reported: false));

    private const string HousesBeyondTheThreshold = """
        var houses = new List<House>
        {
            new House { Size = 1200f, Rooms = 3f, Price = 1.2f },
            new House { Size = 2500f, Rooms = 4f, Price = 2.3f },
        };
        var mean = houses.Average(h => h.Size);
        var std = (float)System.Math.Sqrt(houses.Average(h => (h.Size - mean) * (h.Size - mean)));
        """;

    private static Task ConstructorRowsAsync(string rowType, string rows, bool reported) => Verify<MLNetNormalizationAnalyzer>.AnalyzerAsync($$"""
        using System;
        using System.Collections.Generic;
        using System.Linq;
        using Microsoft.ML;

        {{rowType}}

        public static class Training
        {
            public static ITransformer Train(MLContext ml)
            {
                var random = new Random(1);
                {{rows}}
                var view = ml.Data.LoadFromEnumerable(rows);
                return ml.Transforms.Concatenate("Features", "Size", "Rooms")
                    .Append({{(reported ? "{|SCALE002:ml.Regression.Trainers.Sdca(labelColumnName: \"Price\")|}" : "ml.Regression.Trainers.Sdca(labelColumnName: \"Price\")")}}).Fit(view);
            }
        }
        """, TestReferences.WithMLNet);

    private const string AssigningConstructor = """
        public sealed class Row
        {
            public Row(float size, float rooms, float price)
            {
                Size = size;
                this.Rooms = rooms;
                Price = price;
            }

            public float Size { get; set; }
            public float Rooms { get; set; }
            public float Price { get; set; }
        }
        """;

    private const string PositionalRecord = "public sealed record Row(float Size, float Rooms, float Price);";

    [Theory]
    [InlineData(AssigningConstructor)]
    [InlineData(PositionalRecord)]
    public Task RowsAConstructorMakesWithinTheThresholdStaySilent(string rowType) => ConstructorRowsAsync(rowType, """
        var rows = new[] { new Row(0.5f, 1f, 2f), new Row(1.5f, 2f, 3f) };
        """, reported: false);

    [Theory]
    [InlineData(AssigningConstructor)]
    [InlineData(PositionalRecord)]
    public Task RowsAConstructorMakesFromUnitScaleRandomNumbersStaySilent(string rowType) => ConstructorRowsAsync(rowType, """
        var rows = new List<Row>();
        for (var i = 0; i < 100; i++)
            rows.Add(new Row((float)random.NextDouble(), (float)random.NextDouble(), i));
        """, reported: false);

    [Theory]
    [InlineData(AssigningConstructor)]
    [InlineData(PositionalRecord)]
    public Task RowsAConstructorMakesBeyondTheThresholdAreReported(string rowType) => ConstructorRowsAsync(rowType, """
        var rows = Enumerable.Range(0, 100).Select(i => new Row(random.Next(500, 5000), random.Next(1, 6), i)).ToList();
        """, reported: true);

    [Theory]
    [InlineData("""
        public sealed class Row
        {
            public Row(float size, float rooms, float price)
            {
                Size = size * 1000;
                Rooms = rooms;
                Price = price;
            }

            public float Size { get; set; }
            public float Rooms { get; set; }
            public float Price { get; set; }
        }
        """)]
    [InlineData("""
        public sealed record Row(float Size, float Rooms, float Price)
        {
            public float Size { get; init; } = Size * 1000;
        }
        """)]
    public Task AConstructorThatDoesMoreThanStoreItsParametersKeepsTheRowsRaw(string rowType) => ConstructorRowsAsync(rowType, """
        var rows = new[] { new Row(0.5f, 1f, 2f), new Row(1.5f, 2f, 3f) };
        """, reported: true);

    [Fact]
    public Task RowsStandardizedInALoopBeforeLoadingStaySilent() => ExpectWithLinqAsync(Train(HousesBeyondTheThreshold + """
        foreach (var h in houses)
            h.Size = (h.Size - mean) / std;
        var view = ml.Data.LoadFromEnumerable(houses);
        """, reported: false));

    [Fact]
    public Task RowsMinMaxScaledInALoopBeforeLoadingStaySilent() => ExpectWithLinqAsync(Train(HousesBeyondTheThreshold + """
        var min = houses.Min(h => h.Size);
        var max = houses.Max(h => h.Size);
        foreach (var h in houses)
        {
            h.Size = (h.Size - min) / (max - min);
        }
        var view = ml.Data.LoadFromEnumerable(houses);
        """, reported: false));

    [Fact]
    public Task RowsStandardizedInAForLoopOverTheirIndexStaySilent() => ExpectWithLinqAsync(Train(HousesBeyondTheThreshold + """
        for (int i = 0; i < houses.Count; i++)
            houses[i].Size = (houses[i].Size - mean) / std;
        var view = ml.Data.LoadFromEnumerable(houses);
        """, reported: false));

    [Fact]
    public Task ArrayRowsMinMaxScaledInAForLoopStaySilent() => ExpectWithLinqAsync(Train(HousesBeyondTheThreshold.Replace("new List<House>", "new House[]") + """
        var min = houses.Min(h => h.Size);
        var max = houses.Max(h => h.Size);
        for (var i = 0; i < houses.Length; ++i)
        {
            houses[i].Size = (houses[i].Size - min) / (max - min);
        }
        var view = ml.Data.LoadFromEnumerable(houses);
        """, reported: false));

    [Theory]
    [InlineData("for (int i = 0; i < houses.Count; i++) houses[i].Price = houses[i].Price / 1000f;")]
    [InlineData("for (int i = 0; i < houses.Count; i++) houses[i].Size -= mean;")]
    public Task AForLoopThatOnlyCentresOrScalesAnotherColumnIsReported(string loop) => ExpectWithLinqAsync(Train(HousesBeyondTheThreshold + loop + """
        var view = ml.Data.LoadFromEnumerable(houses);
        """, reported: true));

    [Theory]
    [InlineData("for (int i = 1; i < houses.Count; i++) houses[i].Size = (houses[i].Size - mean) / std;")]
    [InlineData("for (int i = 0; i < houses.Count; i += 2) houses[i].Size = (houses[i].Size - mean) / std;")]
    [InlineData("for (int i = 0; i < 1; i++) houses[i].Size = (houses[i].Size - mean) / std;")]
    public Task AForLoopThatMaySkipRowsLeavesTheColumnUnknown(string loop) => ExpectWithLinqAsync(Train(HousesBeyondTheThreshold + loop + """
        var view = ml.Data.LoadFromEnumerable(houses);
        """, reported: false));

    [Theory]
    [InlineData("foreach (var h in houses) h.Size = h.Size - mean;")]
    [InlineData("foreach (var h in houses) h.Size -= mean;")]
    [InlineData("foreach (var h in houses) h.Price = h.Price / 1000f;")]
    public Task ALoopThatOnlyCentresOrScalesAnotherColumnIsReported(string loop) => ExpectWithLinqAsync(Train(HousesBeyondTheThreshold + loop + """
        var view = ml.Data.LoadFromEnumerable(houses);
        """, reported: true));

    [Fact]
    public Task AnyOtherWriteInTheLoopMakesTheColumnUnknown() => ExpectWithLinqAsync(Train(HousesBeyondTheThreshold + """
        foreach (var h in houses) h.Size = (h.Size - mean) / h.Rooms;
        var view = ml.Data.LoadFromEnumerable(houses);
        """, reported: false));

    [Fact]
    public Task AVectorColumnWrittenElementByElementInTheLoopIsUnknown() => Verify<MLNetNormalizationAnalyzer>.AnalyzerAsync("""
        using System.Collections.Generic;
        using Microsoft.ML;
        using Microsoft.ML.Data;

        public sealed class Pixels
        {
            [VectorType(3)] public float[] Values { get; set; } = new float[3];
            public float Label { get; set; }
        }

        public static class Training
        {
            public static ITransformer Train(MLContext ml)
            {
                var rows = new List<Pixels>
                {
                    new Pixels { Values = new float[] { 0f, 128f, 255f }, Label = 1f },
                    new Pixels { Values = new float[] { 12f, 250f, 3f }, Label = 0f },
                };
                foreach (var row in rows)
                {
                    for (var j = 0; j < row.Values.Length; j++)
                        row.Values[j] = row.Values[j] / 255f;
                }
                var view = ml.Data.LoadFromEnumerable(rows);
                return ml.Transforms.Concatenate("Features", "Values")
                    .Append(ml.Regression.Trainers.Sdca(labelColumnName: "Label")).Fit(view);
            }
        }
        """, TestReferences.WithMLNet);

    [Fact]
    public Task RowsScaledOnlyAfterLoadingAreReported() => ExpectWithLinqAsync(Train(HousesBeyondTheThreshold + """
        var view = ml.Data.LoadFromEnumerable(houses);
        foreach (var h in houses)
            h.Size = (h.Size - mean) / std;
        """, reported: true));

    [Fact]
    public Task RowsHandedToAMethodInTheLoopAreUnknown() => ExpectWithLinqAsync(Train(HousesBeyondTheThreshold + """
        foreach (var h in houses)
            Rescale(h);
        var view = ml.Data.LoadFromEnumerable(houses);
        static void Rescale(House house) => house.Size /= 1000f;
        """, reported: false));

    [Fact]
    public Task ALiteralBeyondTheThresholdIsReported() => ExpectAsync(Train("""
        var view = ml.Data.LoadFromEnumerable(new[]
        {
            new House { Size = 1.1f, Rooms = 2f, Price = 1.2f },
            new House { Size = 2500f, Rooms = 3f, Price = 2.3f },
        });
        """, reported: true));

    [Fact]
    public Task AColumnSomeRowLeavesOutIsReported() => ExpectAsync(Train("""
        var view = ml.Data.LoadFromEnumerable(new[]
        {
            new House { Size = 1.1f, Rooms = 2f },
            new House { Size = 1.9f },
        });
        """, reported: true));

    [Fact]
    public Task RowsThatAreNotAllLiteralAreReported() => ExpectAsync(Train("""
        var view = ml.Data.LoadFromEnumerable(new[]
        {
            new House { Size = 1.1f, Rooms = 2f },
            rows[0],
        });
        """, reported: true));

    [Fact]
    public Task RowsThisMethodAddsToItsListInALoopAreBoundedByWhatItAssigns() => ExpectAsync(Train("""
        var random = new System.Random(1);
        var houses = new List<House>();
        for (var i = 0; i < 100; i++)
        {
            var size = (float)random.NextDouble();
            houses.Add(new House { Size = size, Rooms = random.Next(1, 5) * 0.5f, Price = 3 * size });
        }
        var view = ml.Data.LoadFromEnumerable(houses);
        """, reported: false));

    [Fact]
    public Task RowsThisMethodAddsBeyondTheThresholdAreReportedWithTheirNumbers() => Verify<MLNetNormalizationAnalyzer>.AnalyzerAsync(InTrainingMethod(Train("""
        var random = new System.Random(1);
        var houses = new List<House>();
        for (var i = 0; i < 100; i++)
            houses.Add(new House { Size = 500 + random.Next(0, 4500), Rooms = random.Next(1, 5), Price = 1 });
        var view = ml.Data.LoadFromEnumerable(houses);
        """, reported: false).Replace("ml.Regression.Trainers.Sdca(labelColumnName: \"Price\")", "{|#0:ml.Regression.Trainers.Sdca(labelColumnName: \"Price\")|}")),
        TestReferences.WithMLNet, null,
        Verify<MLNetNormalizationAnalyzer>.Diagnostic("SCALE002").WithLocation(0).WithArguments("Sdca", "Features", "; column 'Size' spans [500, 5000] in the rows Train makes"));

    [Theory]
    [InlineData("houses.AddRange(rows);")]
    [InlineData("Shuffle(houses); static void Shuffle(List<House> list) { }")]
    [InlineData("houses = new List<House>(rows);")]
    [InlineData("System.Action add = () => houses.Add(rows[0]);")]
    public Task AListThisMethodFillsOtherwiseStaysRaw(string otherUse) => Verify<MLNetNormalizationAnalyzer>.AnalyzerAsync(InTrainingMethod(Train($$"""
        var houses = new List<House>();
        for (var i = 0; i < 100; i++)
            houses.Add(new House { Size = 0.5f, Rooms = 0.25f });
        {{otherUse}}
        var view = ml.Data.LoadFromEnumerable(houses);
        """, reported: true)), TestReferences.WithMLNet, null);

    [Theory]
    [InlineData("Size = h.Size / maxSize, Rooms = (h.Rooms - minRooms) / (maxRooms - minRooms)")]
    [InlineData("Size = (float)(h.Size / maxSize), Rooms = h.Rooms / rows.Max(x => x.Rooms)")]
    public Task RowsScaledInDotNetByTheirOwnStatisticsNeedNoNormalizer(string members) => ExpectWithLinqAsync(Train($$"""
        var maxSize = rows.Max(x => x.Size);
        var minRooms = rows.Min(x => x.Rooms);
        var maxRooms = rows.Max(x => x.Rooms);
        var scaled = rows.Select(h => new House { {{members}}, Price = h.Price }).ToList();
        var view = ml.Data.LoadFromEnumerable(scaled);
        """, reported: false));

    [Theory]
    [InlineData("Size = h.Size / maxRooms, Rooms = h.Rooms / maxRooms")]
    [InlineData("Size = h.Size / others.Max(x => x.Size), Rooms = h.Rooms / maxRooms")]
    [InlineData("Size = h.Size, Rooms = h.Rooms / maxRooms")]
    [InlineData("Size = (h.Size - minRooms) / (maxRooms - minRooms), Rooms = h.Rooms / maxRooms")]
    public Task RowsScaledByAnotherColumnsOrSequencesStatisticsStayRaw(string members) => ExpectWithLinqAsync(Train($$"""
        var others = new House[0];
        var minRooms = rows.Min(x => x.Rooms);
        var maxRooms = rows.Max(x => x.Rooms);
        var scaled = rows.Select(h => new House { {{members}}, Price = h.Price }).ToList();
        var view = ml.Data.LoadFromEnumerable(scaled);
        """, reported: true));

    [Fact]
    public Task RowsFromElsewhereAreReported() => ExpectAsync(Train("""
        var view = ml.Data.LoadFromEnumerable(rows);
        """, reported: true));

    [Fact]
    public Task ALowerThresholdReportsSmallerLiterals() => ExpectAsync(Train("""
        var view = ml.Data.LoadFromEnumerable(new[]
        {
            new House { Size = 1.1f, Rooms = 2f },
            new House { Size = 4f, Rooms = 3f },
        });
        """, reported: true), "root = true\n\n[*.cs]\nscaling_analyzer.feature_magnitude_threshold = 2\n");

    [Fact]
    public Task ASchemaDefinitionMakesTheRowsUnknownToTheColumns() => ExpectAsync(Train("""
        var view = ml.Data.LoadFromEnumerable(new[]
        {
            new House { Size = 1.1f, Rooms = 2f },
        }, Microsoft.ML.Data.SchemaDefinition.Create(typeof(House)));
        """, reported: true));

    [Fact]
    public Task AChainFitOnAViewWhoseInputsWereNormalizedBeforeStaysSilent() => ExpectAsync("""
        var raw = ml.Data.LoadFromEnumerable(rows);
        var normalized = ml.Transforms.NormalizeMinMax("Size").Append(ml.Transforms.NormalizeMinMax("Rooms")).Fit(raw).Transform(raw);
        var pipeline = ml.Transforms.Concatenate("Features", "Size", "Rooms")
            .Append(ml.Regression.Trainers.Sdca(labelColumnName: "Price"));
        var model = pipeline.Fit(normalized);
        var sizeOnly = ml.Transforms.NormalizeMinMax("Size").Fit(raw).Transform(raw);
        var stillRaw = ml.Transforms.Concatenate("Features", "Size", "Rooms")
            .Append({|SCALE002:ml.Regression.Trainers.Sdca(labelColumnName: "Price")|});
        var rawModel = stillRaw.Fit(sizeOnly);
        """);

    [Fact]
    public Task ColumnNameAttributesNameTheColumnsOfLiteralRows() => Verify<MLNetNormalizationAnalyzer>.AnalyzerAsync("""
        using Microsoft.ML;
        using Microsoft.ML.Data;

        public sealed class Flat
        {
            [ColumnName("Area")] public float Size { get; set; }
            [VectorType(2)] public float[] Extra { get; set; } = new float[2];
            public float Price { get; set; }
        }

        public static class Training
        {
            public static object Train(MLContext ml)
            {
                var view = ml.Data.LoadFromEnumerable(new[]
                {
                    new Flat { Size = 0.5f, Extra = new[] { 0.1f, 0.2f }, Price = 1f },
                    new Flat { Size = 1.5f, Extra = new float[] { 1, 2 }, Price = 2f },
                });
                var bounded = ml.Transforms.Concatenate("Features", "Area", "Extra")
                    .Append(ml.Regression.Trainers.Sdca(labelColumnName: "Price"));
                // The member's own name is not a column of the view.
                var unbounded = ml.Transforms.Concatenate("Features", "Size", "Extra")
                    .Append({|SCALE002:ml.Regression.Trainers.Sdca(labelColumnName: "Price")|});
                bounded.Fit(view);
                return unbounded.Fit(view);
            }
        }
        """, TestReferences.WithMLNet);
}
