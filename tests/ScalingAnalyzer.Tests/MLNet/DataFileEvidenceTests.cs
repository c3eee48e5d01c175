using Microsoft.CodeAnalysis.Testing;
using ScalingAnalyzer.Rules;
using ScalingAnalyzer.Tests.Verifiers;

namespace ScalingAnalyzer.Tests.MLNet;

/// <summary>
/// SCALE002 and the project's data files (Analysis/DataFiles, read as AdditionalFiles): a column the file shows
/// within the feature-magnitude threshold needs no normalizer; one it does not is reported with the file's numbers.
/// Without the file, the rule keeps its behaviour. The programs are written the way the ML.NET samples load data.
/// </summary>
public class DataFileEvidenceTests
{
    private static DiagnosticResult Scale002(int location, string trainer, string column, string evidence)
        => Verify<MLNetNormalizationAnalyzer>.Diagnostic("SCALE002").WithLocation(location).WithArguments(trainer, column, evidence);

    private static Task ExpectAsync(string source, (string, string)[] files, string? editorConfig = null, params DiagnosticResult[] expected)
        => Verify<MLNetNormalizationAnalyzer>.AnalyzerWithFilesAsync(source, files, TestReferences.WithMLNet, editorConfig, expected);

    private const string IrisData = """
        5.1,3.5,1.4,0.2,Iris-setosa
        4.9,3.0,1.4,0.2,Iris-setosa
        7.0,3.2,4.7,1.4,Iris-versicolor
        6.3,3.3,6.0,2.5,Iris-virginica
        7.9,3.8,6.4,2.0,Iris-virginica
        4.3,3.0,1.1,0.1,Iris-setosa
        """;

    private const string IrisProgram = """
        using System;
        using System.IO;
        using Microsoft.ML;
        using Microsoft.ML.Data;

        public class IrisData
        {
            [LoadColumn(0)] public float SepalLength;
            [LoadColumn(1)] public float SepalWidth;
            [LoadColumn(2)] public float PetalLength;
            [LoadColumn(3)] public float PetalWidth;
        }

        public static class Program
        {
            private static readonly string DataPath = Path.Combine(Environment.CurrentDirectory, "Data", "iris.csv");

            public static void Main()
            {
                var mlContext = new MLContext(seed: 0);
                IDataView dataView = mlContext.Data.LoadFromTextFile<IrisData>(DataPath, hasHeader: false, separatorChar: ',');
                string featuresColumnName = "Features";
                var pipeline = mlContext.Transforms
                    .Concatenate(featuresColumnName, "SepalLength", "SepalWidth", "PetalLength", "PetalWidth")
                    .Append(TRAINER);
                var model = pipeline.Fit(dataView);
            }
        }
        """;

    [Fact]
    public Task IrisMeasurementsInTheProjectNeedNoNormalizer() => ExpectAsync(
        IrisProgram.Replace("TRAINER", "mlContext.Clustering.Trainers.KMeans(featuresColumnName, numberOfClusters: 3)"),
        new[] { ("/src/IrisClustering/Data/iris.csv", IrisData) });

    [Fact]
    public Task WithoutTheFileTheRuleWarnsAsBefore() => ExpectAsync(
        IrisProgram.Replace("TRAINER", "{|#0:mlContext.Clustering.Trainers.KMeans(featuresColumnName, numberOfClusters: 3)|}"),
        new[] { ("/src/IrisClustering/Data/other.csv", IrisData) },
        null,
        Scale002(0, "KMeans", "Features", ""));

    /// <summary>Packt's chapter 5: <c>new Trainer().Train(args[1], args[2])</c>; whatever file the user names, nothing says it is raw.</summary>
    [Fact]
    public Task AFileNamedOnlyOnTheCommandLineIsUnknown() => ExpectAsync(
        IrisProgram.Replace("public static void Main()", "public static void Main(string[] args)")
            .Replace("LoadFromTextFile<IrisData>(DataPath", "LoadFromTextFile<IrisData>(args[0]")
            .Replace("TRAINER", "mlContext.Clustering.Trainers.KMeans(featuresColumnName, numberOfClusters: 3)"),
        new[] { ("/src/IrisClustering/Data/other.csv", "1200,3\n5400,4\n") });

    [Fact]
    public Task AFileNamedOnTheConsoleIsUnknown() => ExpectAsync(
        IrisProgram.Replace("var mlContext = new MLContext(seed: 0);", "var path = Console.ReadLine(); var mlContext = new MLContext(seed: 0);")
            .Replace("LoadFromTextFile<IrisData>(DataPath", "LoadFromTextFile<IrisData>(path")
            .Replace("TRAINER", "mlContext.Clustering.Trainers.KMeans(featuresColumnName, numberOfClusters: 3)"),
        System.Array.Empty<(string, string)>());

    [Fact]
    public Task ACommandLineArgumentWithAFileNamedInTheCodeReadsThatFile() => ExpectAsync(
        IrisProgram.Replace("public static void Main()", "public static void Main(string[] args)")
            .Replace("LoadFromTextFile<IrisData>(DataPath", "LoadFromTextFile<IrisData>(args.Length > 0 ? args[0] : DataPath")
            .Replace("TRAINER", "{|#0:mlContext.Clustering.Trainers.KMeans(featuresColumnName, numberOfClusters: 3)|}"),
        new[] { ("/src/IrisClustering/Data/other.csv", IrisData) },
        null,
        Scale002(0, "KMeans", "Features", ""));

    [Fact]
    public Task ACommandLineArgumentWithAFileOfTheProjectNamedInTheCodeTakesItsColumns() => ExpectAsync(
        IrisProgram.Replace("public static void Main()", "public static void Main(string[] args)")
            .Replace("LoadFromTextFile<IrisData>(DataPath", "LoadFromTextFile<IrisData>(args.Length > 0 ? args[0] : DataPath")
            .Replace("TRAINER", "mlContext.Clustering.Trainers.KMeans(featuresColumnName, numberOfClusters: 3)"),
        new[] { ("/src/IrisClustering/Data/iris.csv", IrisData) });

    [Fact]
    public Task AnAbsolutePathOfTheAuthorsMachineFindsTheFileTheProjectKeeps() => ExpectAsync(
        IrisProgram.Replace("Path.Combine(Environment.CurrentDirectory, \"Data\", \"iris.csv\")", "@\"C:\\Users\\dev\\Downloads\\iris.csv\"")
            .Replace("TRAINER", "mlContext.Clustering.Trainers.KMeans(featuresColumnName, numberOfClusters: 3)"),
        new[] { ("/src/IrisClustering/Data/iris.csv", IrisData), ("/src/IrisClustering/Data/houses.csv", "1200,3\n5400,4\n") });

    [Fact]
    public Task AnAbsolutePathWhoseEndTwoFilesShareStaysUnknown() => ExpectAsync(
        IrisProgram.Replace("Path.Combine(Environment.CurrentDirectory, \"Data\", \"iris.csv\")", "@\"C:\\Users\\dev\\Downloads\\iris.csv\"")
            .Replace("TRAINER", "{|#0:mlContext.Clustering.Trainers.KMeans(featuresColumnName, numberOfClusters: 3)|}"),
        new[] { ("/src/IrisClustering/Data/iris.csv", IrisData), ("/src/IrisClustering/Old/iris.csv", IrisData) },
        null,
        Scale002(0, "KMeans", "Features", ""));

    [Fact]
    public Task ARelativePathIsNotMatchedByItsFileNameAlone() => ExpectAsync(
        IrisProgram.Replace("Path.Combine(Environment.CurrentDirectory, \"Data\", \"iris.csv\")", "\"Input/iris.csv\"")
            .Replace("TRAINER", "{|#0:mlContext.Clustering.Trainers.KMeans(featuresColumnName, numberOfClusters: 3)|}"),
        new[] { ("/src/IrisClustering/Data/iris.csv", IrisData) },
        null,
        Scale002(0, "KMeans", "Features", ""));

    [Fact]
    public Task AReadLimitOfZeroTurnsTheFilesOff() => ExpectAsync(
        IrisProgram.Replace("TRAINER", "{|#0:mlContext.Clustering.Trainers.KMeans(featuresColumnName, numberOfClusters: 3)|}"),
        new[] { ("/src/IrisClustering/Data/iris.csv", IrisData) },
        "root = true\n[*.cs]\nscaling_analyzer.data_file_read_limit_kb = 0\n",
        Scale002(0, "KMeans", "Features", ""));

    [Fact]
    public Task AFileOfZerosAndOnesNeedsNoNormalizer() => ExpectAsync(
        IrisProgram.Replace("TRAINER", "mlContext.Clustering.Trainers.KMeans(featuresColumnName, numberOfClusters: 2)"),
        new[] { ("/src/IrisClustering/Data/iris.csv", "0,1,1,0\n1,0,0,1\n1,1,0,0\n0,0,1,1\n") });

    private const string SensorsProgram = """
        using System;
        using System.IO;
        using Microsoft.ML;
        using Microsoft.ML.Data;

        public class SensorReading
        {
            [LoadColumn(0)] public float Pressure { get; set; }
            [LoadColumn(1)] public float Temperature { get; set; }
            [LoadColumn(2), ColumnName("Label")] public float Output { get; set; }
        }

        public static class Program
        {
            private const string DataFile = "sensors.csv";

            public static void Main()
            {
                var mlContext = new MLContext();
                var data = mlContext.Data.LoadFromTextFile<SensorReading>(Path.Combine(AppContext.BaseDirectory, "Data", DataFile), hasHeader: true, separatorChar: ',');
                var split = mlContext.Data.TrainTestSplit(data, testFraction: 0.2);
                var pipeline = mlContext.Transforms.Concatenate("Features", nameof(SensorReading.Pressure), nameof(SensorReading.Temperature))
                    .Append({|#0:mlContext.Regression.Trainers.Sdca()|});
                var model = pipeline.Fit(split.TrainSet);
            }
        }
        """;

    private const string Sensors = "Pressure,Temperature,Output\n900,21.5,3.2\n1100,24.0,3.9\n1010.5,22.1,3.5\n";

    [Fact]
    public Task AColumnBeyondTheThresholdIsReportedWithTheFilesNumbers() => ExpectAsync(
        SensorsProgram,
        new[] { ("/repo/Sensors/Data/sensors.csv", Sensors) },
        null,
        Scale002(0, "Sdca", "Features", "; column 'Pressure' spans [900, 1100] in sensors.csv"));

    private const string StreamReaderProgram = """
        using System.Collections.Generic;
        using System.Globalization;
        using System.IO;
        using Microsoft.ML;

        public class Reading
        {
            public float Pressure { get; set; }
            public float Temperature { get; set; }
        }

        public static class Program
        {
            public static void Main()
            {
                var mlContext = new MLContext();
                var rows = new List<Reading>();
                using (var reader = new StreamReader(Path.Combine("Data", "sensors.csv")))
                {
                    HEADER
                    string line;
                    while ((line = reader.ReadLine()) != null)
                    {
                        var fields = line.Split(',');
                        rows.Add(new Reading { Pressure = float.Parse(fields[0], CultureInfo.InvariantCulture), Temperature = float.Parse(fields[1], CultureInfo.InvariantCulture) });
                    }
                }
                var data = mlContext.Data.LoadFromEnumerable(rows);
                var pipeline = mlContext.Transforms.Concatenate("Features", nameof(Reading.Pressure), nameof(Reading.Temperature))
                    .Append({|#0:mlContext.Regression.Trainers.Sdca(labelColumnName: nameof(Reading.Temperature))|});
                var model = pipeline.Fit(data);
            }
        }
        """;

    [Fact]
    public Task RowsAStreamReaderLoopParsesAfterTheHeaderAreReadFromTheFile() => ExpectAsync(
        StreamReaderProgram.Replace("HEADER", "reader.ReadLine();"),
        new[] { ("/repo/Sensors/Data/sensors.csv", Sensors) },
        null,
        Scale002(0, "Sdca", "Features", "; column 'Pressure' spans [900, 1100] in sensors.csv"));

    [Fact]
    public Task RowsAStreamReaderLoopParsesFromAUnitFileNeedNoNormalizer() => ExpectAsync(
        StreamReaderProgram.Replace("HEADER", "var header = reader.ReadLine();").Replace("{|#0:", "").Replace(")|}", ")"),
        new[] { ("/repo/Sensors/Data/sensors.csv", "Pressure,Temperature\n0.91,0.2\n0.99,0.4\n") });

    [Theory]
    [InlineData("reader.ReadToEnd();")]
    [InlineData("while (reader.Peek() == '#') reader.ReadLine();")]
    public Task AReaderReadOtherwiseKeepsTheRowsUnknown(string header) => ExpectAsync(
        StreamReaderProgram.Replace("HEADER", header),
        new[] { ("/repo/Sensors/Data/sensors.csv", "Pressure,Temperature\n0.91,0.2\n0.99,0.4\n") },
        null,
        Scale002(0, "Sdca", "Features", ""));

    private const string TryParseProgram = """
        using System.Collections.Generic;
        using System.Globalization;
        using System.IO;
        using Microsoft.ML;

        public class Reading
        {
            public float Pressure { get; set; }
            public float Temperature { get; set; }
        }

        public static class Program
        {
            public static void Main()
            {
                var mlContext = new MLContext();
                var rows = new List<Reading>();
                foreach (var line in File.ReadLines(Path.Combine("Data", "sensors.csv")))
                {
                    var fields = line.Split(',');
                    if (!float.TryParse(fields[0], NumberStyles.Float, CultureInfo.InvariantCulture, out var pressure)
                        || !float.TryParse(fields[1], NumberStyles.Float, CultureInfo.InvariantCulture, out var temperature))
                        continue;
                    EXTRA
                    rows.Add(new Reading { Pressure = pressure, Temperature = temperature });
                }
                var data = mlContext.Data.LoadFromEnumerable(rows);
                var pipeline = mlContext.Transforms.Concatenate("Features", nameof(Reading.Pressure), nameof(Reading.Temperature))
                    .Append({|#0:mlContext.Regression.Trainers.Sdca(labelColumnName: nameof(Reading.Temperature))|});
                var model = pipeline.Fit(data);
            }
        }
        """;

    [Fact]
    public Task RowsParsedWithTryParseAreReadFromTheFileWithoutTheHeaderLine() => ExpectAsync(
        TryParseProgram.Replace("EXTRA", ""),
        new[] { ("/repo/Sensors/Data/sensors.csv", Sensors) },
        null,
        Scale002(0, "Sdca", "Features", "; column 'Pressure' spans [900, 1100] in sensors.csv"));

    [Fact]
    public Task RowsParsedWithTryParseFromAUnitFileNeedNoNormalizer() => ExpectAsync(
        TryParseProgram.Replace("EXTRA", "").Replace("{|#0:", "").Replace(")|}", ")"),
        new[] { ("/repo/Sensors/Data/sensors.csv", "Pressure,Temperature\n0.91,0.2\n0.99,0.4\n") });

    [Fact]
    public Task ATryParseResultWrittenAgainKeepsTheRowsUnknown() => ExpectAsync(
        TryParseProgram.Replace("EXTRA", "pressure = pressure * 1000f;"),
        new[] { ("/repo/Sensors/Data/sensors.csv", "Pressure,Temperature\n0.91,0.2\n0.99,0.4\n") },
        null,
        Scale002(0, "Sdca", "Features", ""));

    private const string ConvertTypeProgram = """
        using Microsoft.ML;
        using Microsoft.ML.Data;

        public class Patient
        {
            [LoadColumn(0)] public int Glucose { get; set; }
            [LoadColumn(1)] public int Insulin { get; set; }
            [LoadColumn(2)] public bool Label { get; set; }
        }

        public static class Program
        {
            public static void Main()
            {
                var mlContext = new MLContext();
                var data = mlContext.Data.LoadFromTextFile<Patient>("Data/patients.csv", hasHeader: true, separatorChar: ',');
                var intColumns = new[] { new InputOutputColumnPair("Glucose"), new InputOutputColumnPair("Insulin") };
                var pipeline = mlContext.Transforms.Conversion.ConvertType(intColumns, DataKind.Single)
                    .Append(mlContext.Transforms.Concatenate("Features", "Glucose", "Insulin"))
                    .Append({|#0:mlContext.BinaryClassification.Trainers.LbfgsLogisticRegression()|});
                var model = pipeline.Fit(data);
            }
        }
        """;

    [Fact]
    public Task IntegerColumnsConvertedToSingleKeepTheFilesNumbers() => ExpectAsync(
        ConvertTypeProgram,
        new[] { ("/repo/Patients/Data/patients.csv", "Glucose,Insulin,Label\n148,0,true\n85,94,false\n183,168,true\n") },
        null,
        Scale002(0, "LbfgsLogisticRegression", "Features", "; column 'Glucose' spans [85, 183] in patients.csv"));

    [Fact]
    public Task IntegerColumnsOfZerosAndOnesConvertedToSingleNeedNoNormalizer() => ExpectAsync(
        ConvertTypeProgram.Replace("{|#0:", "").Replace("()|}", "()"),
        new[] { ("/repo/Patients/Data/patients.csv", "Glucose,Insulin,Label\n1,0,true\n0,1,false\n1,1,true\n") });

    private const string ConstructorPathProgram = """
        using System;
        using System.IO;
        using Microsoft.ML;
        using Microsoft.ML.Data;

        public class Reading
        {
            [LoadColumn(0)] public float Pressure { get; set; }
            [LoadColumn(1)] public float Temperature { get; set; }
        }

        internal class ModelService
        {
            private readonly MLContext _mlContext = new MLContext();
            private readonly string _dataPath;

            internal ModelService(string dataPath) => _dataPath = dataPath;

            public ITransformer Train()
            {
                var data = _mlContext.Data.LoadFromTextFile<Reading>(_dataPath, hasHeader: true, separatorChar: ',');
                var pipeline = _mlContext.Transforms.Concatenate("Features", nameof(Reading.Pressure), nameof(Reading.Temperature))
                    .Append({|#0:_mlContext.Regression.Trainers.Sdca(labelColumnName: nameof(Reading.Temperature))|});
                return pipeline.Fit(data);
            }
        }

        internal static class Startup
        {
            internal static void Run()
            {
                var service = new ModelService(Path.Combine(AppContext.BaseDirectory, "Data", "sensors.csv"));
                service.Train();
                OTHER
            }
        }
        """;

    [Fact]
    public Task APathEveryCreationHandsTheConstructorIsReadFromTheFile() => ExpectAsync(
        ConstructorPathProgram.Replace("OTHER", ""),
        new[] { ("/repo/Sensors/Data/sensors.csv", Sensors) },
        null,
        Scale002(0, "Sdca", "Features", "; column 'Pressure' spans [900, 1100] in sensors.csv"));

    [Fact]
    public Task APathEveryCreationHandsTheConstructorOfAUnitFileNeedsNoNormalizer() => ExpectAsync(
        ConstructorPathProgram.Replace("OTHER", "ModelService other = new(Path.Combine(AppContext.BaseDirectory, \"Data\", \"sensors.csv\"));").Replace("{|#0:", "").Replace(")|}", ")"),
        new[] { ("/repo/Sensors/Data/sensors.csv", "Pressure,Temperature\n0.91,0.2\n0.99,0.4\n") });

    [Theory]
    [InlineData("new ModelService(Path.Combine(\"Data\", \"other.csv\")).Train();")]
    [InlineData("ModelService other = new(Console.ReadLine()!);")]
    public Task CreationsThatHandTheConstructorDifferentPathsLeaveTheFileUnknown(string other) => ExpectAsync(
        ConstructorPathProgram.Replace("OTHER", other),
        new[] { ("/repo/Sensors/Data/sensors.csv", "Pressure,Temperature\n0.91,0.2\n0.99,0.4\n"), ("/repo/Sensors/Data/other.csv", "Pressure,Temperature\n0.91,0.2\n0.99,0.4\n") },
        null,
        Scale002(0, "Sdca", "Features", ""));

    [Fact]
    public Task AHeaderThatNamesTheColumnOtherwiseIsQuotedBesideTheCodesName() => ExpectAsync(
        ConstructorPathProgram.Replace("OTHER", ""),
        new[] { ("/repo/Sensors/Data/sensors.csv", "pressure (hPa),temperature (C)\n900,21\n1100,19\n") },
        null,
        Scale002(0, "Sdca", "Features", "; column 'pressure (hPa)' (loaded as 'Pressure') spans [900, 1100] in sensors.csv"));

    [Fact]
    public Task APublicConstructorOfAnInternalClassOfALibraryIsCalledOnlyFromTheLibrary() => ExpectAsync(
        ConstructorPathProgram.Replace("OTHER", "").Replace("internal ModelService(string dataPath)", "public ModelService(string dataPath)"),
        new[] { ("/repo/Sensors/Data/sensors.csv", Sensors) },
        null,
        Scale002(0, "Sdca", "Features", "; column 'Pressure' spans [900, 1100] in sensors.csv"));

    [Theory]
    // Another assembly can create a public class, or an internal one when the library gives its internals to friends.
    [InlineData("public class ModelService", "")]
    [InlineData("internal class ModelService", "[assembly: System.Runtime.CompilerServices.InternalsVisibleTo(\"Sensors.Tests\")]")]
    public Task APublicConstructorOtherAssembliesCanCallLeavesTheFileUnknown(string declaration, string attribute) => ExpectAsync(
        ConstructorPathProgram.Replace("OTHER", "").Replace("internal ModelService(string dataPath)", "public ModelService(string dataPath)")
            .Replace("internal class ModelService", declaration).Replace("public class Reading", attribute + "\npublic class Reading"),
        new[] { ("/repo/Sensors/Data/sensors.csv", "Pressure,Temperature\n0.91,0.2\n0.99,0.4\n") },
        null,
        Scale002(0, "Sdca", "Features", ""));

    [Fact]
    public Task AConstructorASubclassCallsThroughBaseLeavesTheFileUnknown() => ExpectAsync(
        ConstructorPathProgram.Replace("OTHER", "").Replace("internal static class Startup", "internal sealed class OtherService : ModelService { public OtherService() : base(\"elsewhere.csv\") { } }\n\ninternal static class Startup"),
        new[] { ("/repo/Sensors/Data/sensors.csv", "Pressure,Temperature\n0.91,0.2\n0.99,0.4\n") },
        null,
        Scale002(0, "Sdca", "Features", ""));

    private const string ModelBuilderProgram = """
        using System;
        using Microsoft.ML;
        using Microsoft.ML.Data;

        public class ModelInput
        {
            [LoadColumn(0)] public float Pressure { get; set; }
            [LoadColumn(1)] public float Temperature { get; set; }
            [LoadColumn(2)] public float Output { get; set; }
        }

        internal static class SensorModel
        {
            public const string RetrainFilePath = @"C:\Users\dev\Downloads\sensors.csv";
            public const char RetrainSeparatorChar = ',';
            public const bool RetrainHasHeader = true;

            internal static void Train(string outputModelPath, string inputDataFilePath = RetrainFilePath, char separatorChar = RetrainSeparatorChar, bool hasHeader = RetrainHasHeader)
            {
                var mlContext = new MLContext();
                var data = LoadIDataViewFromFile(mlContext, inputDataFilePath, separatorChar, hasHeader);
                var model = RetrainModel(mlContext, data);
            }

            internal static IDataView LoadIDataViewFromFile(MLContext mlContext, string inputDataFilePath, char separatorChar, bool hasHeader)
                => mlContext.Data.LoadFromTextFile<ModelInput>(inputDataFilePath, separatorChar, hasHeader);

            internal static ITransformer RetrainModel(MLContext mlContext, IDataView trainData)
                => BuildPipeline(mlContext).Fit(trainData);

            internal static IEstimator<ITransformer> BuildPipeline(MLContext mlContext)
                => mlContext.Transforms.Concatenate("Features", "Pressure", "Temperature")
                    .Append({|#0:mlContext.Regression.Trainers.Sdca(labelColumnName: "Output")|});
        }

        internal static class Program
        {
            internal static void Main() { CALLS; }
        }
        """;

    [Fact]
    public Task AModelBuilderLoaderReadsTheFileItsParametersDefaultTo() => ExpectAsync(
        ModelBuilderProgram.Replace("CALLS", "SensorModel.Train(\"model.mlnet\")"),
        new[] { ("/repo/Sensors/Data/sensors.csv", Sensors) },
        null,
        Scale002(0, "Sdca", "Features", "; column 'Pressure' spans [900, 1100] in sensors.csv"));

    [Fact]
    public Task AModelBuilderLoaderOfAUnitFileNeedsNoNormalizer() => ExpectAsync(
        ModelBuilderProgram.Replace("CALLS", "SensorModel.Train(\"model.mlnet\", separatorChar: ',')").Replace("{|#0:", "").Replace(")|}", ")"),
        new[] { ("/repo/Sensors/Data/sensors.csv", "Pressure,Temperature,Output\n0.9,0.21,3.2\n0.5,0.24,3.9\n") });

    [Theory]
    [InlineData("SensorModel.Train(\"model.mlnet\", separatorChar: ';')")]
    [InlineData("SensorModel.Train(\"model.mlnet\", Console.ReadLine())")]
    public Task CallsThatDisagreeOrPassRunTimeValuesLeaveTheFileUnknown(string call) => ExpectAsync(
        ModelBuilderProgram.Replace("CALLS", "SensorModel.Train(\"model.mlnet\"); " + call),
        new[] { ("/repo/Sensors/Data/sensors.csv", "Pressure,Temperature,Output\n0.9,0.21,3.2\n0.5,0.24,3.9\n") },
        null,
        Scale002(0, "Sdca", "Features", ""));

    private const string LoaderClassProgram = """
        using System;
        using System.IO;
        using Microsoft.ML;
        using Microsoft.ML.Data;

        public class Reading
        {
            [LoadColumn(0)] public float Pressure { get; set; }
            [LoadColumn(1)] public float Temperature { get; set; }
            [LoadColumn(2)] public float Output { get; set; }
        }

        internal sealed class SensorTrainer
        {
            private readonly MLContext mlContext = new MLContext();
            private IDataView data;

            internal void LoadCsv(string path) => data = mlContext.Data.LoadFromTextFile<Reading>(path, hasHeader: true, separatorChar: ',');

            internal ITransformer Train()
                => mlContext.Transforms.Concatenate("Features", "Pressure", "Temperature")
                    .Append({|#0:mlContext.Regression.Trainers.Sdca(labelColumnName: "Output")|}).Fit(data);
        }

        internal static class Program
        {
            internal static void Main(string[] args) { var trainer = new SensorTrainer(); CALLS; trainer.Train(); }
        }
        """;

    [Theory]
    [InlineData("trainer.LoadCsv(Path.Combine(AppContext.BaseDirectory, \"Data\", \"sensors.csv\"))")]
    [InlineData("trainer.LoadCsv(Path.Combine(AppContext.BaseDirectory, \"Data\", \"sensors.csv\")); trainer.LoadCsv(Path.Combine(AppContext.BaseDirectory, \"Data\", \"sensors.csv\"))")]
    public Task APathParameterEveryCallNamesTheSameWayReadsThatFile(string calls) => ExpectAsync(
        LoaderClassProgram.Replace("CALLS", calls).Replace("{|#0:", "").Replace(")|}", ")"),
        new[] { ("/repo/Sensors/Data/sensors.csv", "Pressure,Temperature,Output\n0.9,0.21,3.2\n0.5,0.24,3.9\n") });

    [Fact]
    public Task APathParameterEveryCallNamesReadsThatFilesNumbers() => ExpectAsync(
        LoaderClassProgram.Replace("CALLS", "trainer.LoadCsv(Path.Combine(AppContext.BaseDirectory, \"Data\", \"sensors.csv\"))"),
        new[] { ("/repo/Sensors/Data/sensors.csv", Sensors) },
        null,
        Scale002(0, "Sdca", "Features", "; column 'Pressure' spans [900, 1100] in sensors.csv"));

    [Theory]
    [InlineData("trainer.LoadCsv(Path.Combine(AppContext.BaseDirectory, \"Data\", \"sensors.csv\")); trainer.LoadCsv(Path.Combine(AppContext.BaseDirectory, \"Data\", \"other.csv\"))")]
    [InlineData("trainer.LoadCsv(Path.Combine(AppContext.BaseDirectory, \"Data\", \"sensors.csv\")); trainer.LoadCsv(args[0])")]
    public Task APathParameterCallsDisagreeOnLeavesTheFileUnknown(string calls) => ExpectAsync(
        LoaderClassProgram.Replace("CALLS", calls),
        new[] { ("/repo/Sensors/Data/sensors.csv", "Pressure,Temperature,Output\n0.9,0.21,3.2\n0.5,0.24,3.9\n") },
        null,
        Scale002(0, "Sdca", "Features", ""));

    private const string InterfaceTrainerProgram = """
        using System;
        using System.IO;
        using Microsoft.ML;
        using Microsoft.ML.Data;

        public class Reading
        {
            [LoadColumn(0)] public float Pressure { get; set; }
            [LoadColumn(1)] public float Temperature { get; set; }
            [LoadColumn(2)] public float Output { get; set; }
        }

        internal interface ITrainer
        {
            ITransformer Train(MLContext mlContext, IDataView trainSet);
        }

        internal sealed class SdcaTrainer : ITrainer
        {
            public ITransformer Train(MLContext mlContext, IDataView trainSet)
                => mlContext.Transforms.Concatenate("Features", "Pressure", "Temperature")
                    .Append({|#0:mlContext.Regression.Trainers.Sdca(labelColumnName: "Output")|}).Fit(trainSet);
        }

        internal static class Program
        {
            internal static void Main()
            {
                var mlContext = new MLContext();
                var data = mlContext.Data.LoadFromTextFile<Reading>(Path.Combine("Data", "sensors.csv"), hasHeader: true, separatorChar: ',');
                var split = mlContext.Data.TrainTestSplit(data, testFraction: 0.2);
                ITrainer trainer = new SdcaTrainer();
                CALL;
            }
        }
        """;

    [Fact]
    public Task AViewHandedToAnInterfaceOfTheProjectIsWhatItsCallsPass() => ExpectAsync(
        InterfaceTrainerProgram.Replace("CALL", "trainer.Train(mlContext, split.TrainSet)").Replace("{|#0:", "").Replace(")|}", ")"),
        new[] { ("/repo/Sensors/Data/sensors.csv", "Pressure,Temperature,Output\n0.9,0.21,3.2\n0.5,0.24,3.9\n") });

    [Fact]
    public Task AViewHandedToAnInterfaceOfTheProjectCarriesTheFilesNumbers() => ExpectAsync(
        InterfaceTrainerProgram.Replace("CALL", "trainer.Train(mlContext, split.TrainSet)"),
        new[] { ("/repo/Sensors/Data/sensors.csv", Sensors) },
        null,
        Scale002(0, "Sdca", "Features", "; column 'Pressure' spans [900, 1100] in sensors.csv"));

    [Fact]
    public Task AViewHandedToAnInterfaceAlsoGivenOtherDataIsJoinedOverTheCalls() => ExpectAsync(
        InterfaceTrainerProgram.Replace("CALL", "trainer.Train(mlContext, split.TrainSet); new SdcaTrainer().Train(mlContext, mlContext.Data.LoadFromTextFile<Reading>(Console.ReadLine()))"),
        new[] { ("/repo/Sensors/Data/sensors.csv", "Pressure,Temperature,Output\n0.9,0.21,3.2\n0.5,0.24,3.9\n") },
        null,
        Scale002(0, "Sdca", "Features", ""));

    private const string PathFieldProgram = """
        using System;
        using System.IO;
        using Microsoft.ML;
        using Microsoft.ML.Data;

        public class Reading
        {
            [LoadColumn(0)] public float Pressure { get; set; }
            [LoadColumn(1)] public float Temperature { get; set; }
            [LoadColumn(2)] public float Output { get; set; }
        }

        internal sealed class Builder
        {
            private readonly MLContext mlContext = new MLContext();
            private string dataPath = INITIAL;

            internal Builder() { CONSTRUCTOR }

            internal Builder WithData(string fileName)
            {
                WRITE;
                return this;
            }

            internal ITransformer Build()
            {
                var data = mlContext.Data.LoadFromTextFile<Reading>(dataPath, hasHeader: true, separatorChar: ',');
                return mlContext.Transforms.Concatenate("Features", "Pressure", "Temperature")
                    .Append({|#0:mlContext.Regression.Trainers.Sdca(labelColumnName: "Output")|}).Fit(data);
            }
        }

        internal static class Program
        {
            internal static void Main() => new Builder().WithData("sensors.csv").Build();
        }
        """;

    private static string PathField(string initial, string write, string constructor = "") =>
        PathFieldProgram.Replace("INITIAL", initial).Replace("WRITE", write).Replace("CONSTRUCTOR", constructor);

    [Theory]
    [InlineData("\"\"", "dataPath = Path.Combine(AppContext.BaseDirectory, \"Data\", fileName)")]
    [InlineData("null!", "this.dataPath = Path.Combine(\"Data\", fileName)")]
    [InlineData("Path.Combine(\"Data\", \"sensors.csv\")", "dataPath = Path.Combine(\"Data\", fileName)")]
    [InlineData("\"\"", "dataPath = Path.Combine(\"Data\", fileName)", "dataPath = Path.Combine(\"Data\", \"sensors.csv\");")]
    public Task APathFieldEveryWriteOfWhichNamesTheFileReadsIt(string initial, string write, string constructor = "") => ExpectAsync(
        PathField(initial, write, constructor).Replace("{|#0:", "").Replace(")|}", ")"),
        new[] { ("/repo/Sensors/Data/sensors.csv", "Pressure,Temperature,Output\n0.9,0.21,3.2\n0.5,0.24,3.9\n") });

    [Theory]
    [InlineData("Path.Combine(\"Data\", \"other.csv\")", "dataPath = Path.Combine(\"Data\", fileName)", "")]
    [InlineData("Path.Combine(AppContext.BaseDirectory, \"Data\")", "dataPath = Path.Combine(dataPath, fileName)", "")]
    [InlineData("\"Data/\"", "dataPath += fileName", "")]
    [InlineData("\"\"", "dataPath = Path.Combine(\"Data\", fileName)", "dataPath = Console.ReadLine()!;")]
    [InlineData("\"\"", "dataPath = Path.Combine(\"Data\", fileName)", "dataPath = Path.Combine(\"Data\", \"other.csv\");")]
    public Task APathFieldWrittenAnyOtherWayIsUnknown(string initial, string write, string constructor) => ExpectAsync(
        PathField(initial, write, constructor),
        new[] { ("/repo/Sensors/Data/sensors.csv", "Pressure,Temperature,Output\n0.9,0.21,3.2\n0.5,0.24,3.9\n") },
        null,
        Scale002(0, "Sdca", "Features", ""));

    private const string SchemaColumnsProgram = """
        using System.Linq;
        using Microsoft.ML;
        using Microsoft.ML.Data;

        public class SensorReading
        {
            [LoadColumn(0)] public float Pressure { get; set; }
            [LoadColumn(1)] public float Temperature { get; set; }
            [LoadColumn(2), ColumnName("Label")] public float Output { get; set; }
        }

        public static class Program
        {
            public static void Main()
            {
                var mlContext = new MLContext();
                var data = mlContext.Data.LoadFromTextFile<SensorReading>("Data/sensors.csv", hasHeader: true, separatorChar: ',');
                var features = NAMES;
                var pipeline = mlContext.Transforms.Concatenate("Features", features)
                    .Append(TRAINER);
                var model = pipeline.Fit(data);
            }
        }
        """;

    [Fact]
    public Task ColumnsNamedFromTheSchemaAreTheRowTypesColumnsLessTheExcludedOnes() => ExpectAsync(
        SchemaColumnsProgram.Replace("NAMES", "data.Schema.Select(col => col.Name).Where(name => name != \"Label\").ToArray()")
            .Replace("TRAINER", "{|#0:mlContext.Regression.Trainers.Sdca()|}"),
        new[] { ("/repo/Sensors/Data/sensors.csv", Sensors) },
        null,
        Scale002(0, "Sdca", "Features", "; column 'Pressure' spans [900, 1100] in sensors.csv"));

    [Fact]
    public Task ColumnsFilteredByNameBeforeTheSelectOfAUnitFileNeedNoNormalizer() => ExpectAsync(
        SchemaColumnsProgram.Replace("NAMES", "data.Schema.AsQueryable().Where(column => \"Label\" != column.Name).Select(column => column.Name).ToArray()")
            .Replace("TRAINER", "mlContext.Regression.Trainers.Sdca()"),
        new[] { ("/repo/Sensors/Data/sensors.csv", "Pressure,Temperature,Output\n0.9,0.21,3.2\n0.5,0.24,3.9\n") });

    [Theory]
    [InlineData("data.Schema.Select(col => col.Name).Where(name => name.StartsWith(\"P\")).ToArray()")]
    [InlineData("data.Schema.Where(col => !col.IsHidden).Select(col => col.Name).ToArray()")]
    [InlineData("data.Schema.Select(col => col.Name + \"X\").ToArray()")]
    public Task SchemaColumnsFilteredAnyOtherWayStayUnknown(string names) => ExpectAsync(
        SchemaColumnsProgram.Replace("NAMES", names).Replace("TRAINER", "mlContext.Regression.Trainers.Sdca()"),
        new[] { ("/repo/Sensors/Data/sensors.csv", Sensors) });

    [Fact]
    public Task APrefixReadSaysHowManyRowsItSaw() => ExpectAsync(
        SensorsProgram,
        new[] { ("/repo/Sensors/Data/sensors.csv", Sensors) },
        "root = true\n[*.cs]\nscaling_analyzer.data_file_max_rows = 2\n",
        Scale002(0, "Sdca", "Features", "; column 'Pressure' spans [900, 1100] in sensors.csv (first 2 rows)"));

    [Fact]
    public Task AHeaderTheCodeDoesNotDeclareMakesTheColumnsText() => ExpectAsync(
        SensorsProgram.Replace("hasHeader: true", "hasHeader: false"),
        new[] { ("/repo/Sensors/Data/sensors.csv", Sensors) },
        null,
        Scale002(0, "Sdca", "Features", ""));

    [Fact]
    public Task TwoFilesThePathCannotTellApartAreUnknown() => ExpectAsync(
        SensorsProgram,
        new[] { ("/repo/A/Data/sensors.csv", Sensors), ("/repo/B/Data/sensors.csv", Sensors) },
        null,
        Scale002(0, "Sdca", "Features", ""));

    [Theory]
    [InlineData("")]
    [InlineData("\0\0\0PK binary")]
    [InlineData("Pressure,Temperature,Output\n")]
    [InlineData("Pressure,Temperature\n1,\n,,,,,\n\"unterminated")]
    public Task AFileThatSaysNothingKeepsTheWarning(string content) => ExpectAsync(
        SensorsProgram,
        new[] { ("/repo/Sensors/Data/sensors.csv", content) },
        null,
        Scale002(0, "Sdca", "Features", ""));

    /// <summary>The ML.NET samples' MNIST loader: TextLoader.Column ranges, pixels 0..16.</summary>
    private const string DigitsProgram = """
        using System;
        using System.IO;
        using Microsoft.ML;
        using Microsoft.ML.Data;

        public static class Program
        {
            private static string BaseDatasetsRelativePath = @"../../../Data";
            private static string TrainDataRelativePath = $"{BaseDatasetsRelativePath}/optdigits-train.csv";
            private static string TrainDataPath = GetAbsolutePath(TrainDataRelativePath);

            public static void Main()
            {
                var mlContext = new MLContext();
                var trainData = mlContext.Data.LoadFromTextFile(path: TrainDataPath,
                        columns: new[]
                        {
                            new TextLoader.Column("PixelValues", DataKind.Single, 0, 3),
                            new TextLoader.Column("Number", DataKind.Single, 4)
                        },
                        hasHeader: false,
                        separatorChar: ',');
                var dataProcessPipeline = mlContext.Transforms.Conversion.MapValueToKey("Label", "Number")
                    .Append(mlContext.Transforms.Concatenate("Features", "PixelValues"));
                var trainer = {|#0:mlContext.MulticlassClassification.Trainers.SdcaMaximumEntropy(labelColumnName: "Label", featureColumnName: "Features")|};
                var trainingPipeline = dataProcessPipeline.Append(trainer);
                var model = trainingPipeline.Fit(trainData);
            }

            public static string GetAbsolutePath(string relativePath)
            {
                FileInfo _dataRoot = new FileInfo(typeof(Program).Assembly.Location);
                string assemblyFolderPath = _dataRoot.Directory.FullName;
                string fullPath = Path.Combine(assemblyFolderPath, relativePath);
                return fullPath;
            }
        }
        """;

    [Fact]
    public Task TextLoaderColumnRangesAreReadThroughTheSamplesPathHelper() => ExpectAsync(
        DigitsProgram,
        new[] { ("/samples/MNIST/Data/optdigits-train.csv", "0,1,6,15,7\n0,0,10,16,3\n0,0,0,12,1\n") },
        null,
        Scale002(0, "SdcaMaximumEntropy", "Features", "; column 'PixelValues' spans [0, 16] in optdigits-train.csv"));

    [Fact]
    public Task TextLoaderColumnRangesWithinTheThresholdAreSilent() => ExpectAsync(
        DigitsProgram.Replace("{|#0:", "").Replace("\"Features\")|}", "\"Features\")"),
        new[] { ("/samples/MNIST/Data/optdigits-train.csv", "0,0.1,0.6,1,7\n0,0,1,0.5,3\n") });

    private const string LoaderProgram = """
        using System.IO;
        using Microsoft.ML;
        using Microsoft.ML.Data;

        public class HousingData
        {
            [LoadColumn(0, 2), VectorType(3)] public float[] Features { get; set; }
            [LoadColumn(3)] public float Label { get; set; }
        }

        public static class Program
        {
            public static void Main()
            {
                var mlContext = new MLContext();
                var loader = mlContext.Data.CreateTextLoader<HousingData>(separatorChar: ';', hasHeader: true);
                var data = loader.Load("Data/housing.csv");
                var trainer = {|#0:mlContext.Regression.Trainers.OnlineGradientDescent()|};
                var model = trainer.Fit(data);
            }
        }
        """;

    [Fact]
    public Task ATextLoadersViewIsReadLikeLoadFromTextFile() => ExpectAsync(
        LoaderProgram,
        new[] { ("/app/Data/housing.csv", "Rooms;Age;Area;Price\n3;20;1200;300\n4;5;2500;550\n") },
        null,
        Scale002(0, "OnlineGradientDescent", "Features", "; column 'Features' spans [3, 2500] in housing.csv"));

    [Fact]
    public Task ATextLoadersViewWithinTheThresholdIsSilent() => ExpectAsync(
        LoaderProgram.Replace("{|#0:", "").Replace("OnlineGradientDescent()|}", "OnlineGradientDescent()"),
        new[] { ("/app/Data/housing.csv", "Rooms;Age;Area;Price\n0.3;0.2;1.2;300\n0.4;0.5;2.5;550\n") });

    [Fact]
    public Task ATextLoadersViewWithoutTheFileIsReported() => ExpectAsync(
        LoaderProgram,
        Array.Empty<(string, string)>(),
        null,
        Scale002(0, "OnlineGradientDescent", "Features", ""));

    [Fact]
    public Task OptionsObjectsGiveTheSeparatorAndHeader() => ExpectAsync(
        LoaderProgram
            .Replace("mlContext.Data.CreateTextLoader<HousingData>(separatorChar: ';', hasHeader: true)",
                     "mlContext.Data.CreateTextLoader(new TextLoader.Options { Separators = new[] { ';' }, HasHeader = true, Columns = new[] { new TextLoader.Column(\"Features\", DataKind.Single, new[] { new TextLoader.Range(0, 2) }) } })")
            .Replace("{|#0:", "").Replace("OnlineGradientDescent()|}", "OnlineGradientDescent()"),
        new[] { ("/app/Data/housing.csv", "Rooms;Age;Area;Price\n0.3;0.2;1.2;300\n0.4;0.5;2.5;550\n") });

    private const string OptionsHolderProgram = """
        using Microsoft.ML;
        using Microsoft.ML.Data;

        public static class Program
        {
            HOLDER

            public static void Main()
            {
                var mlContext = new MLContext();
                var data = mlContext.Data.LoadFromTextFile("Data/housing.csv", OPTIONS);
                var trainer = {|#0:mlContext.Regression.Trainers.OnlineGradientDescent()|};
                var model = trainer.Fit(data);
            }

            public static void Reset() { WRITE }
        }
        """;

    private const string SemicolonOptions = "new TextLoader.Options { Separators = new[] { ';' }, HasHeader = true, Columns = new[] { new TextLoader.Column(\"Features\", DataKind.Single, 0, 2), new TextLoader.Column(\"Label\", DataKind.Single, 3) } }";

    [Theory]
    [InlineData("private static TextLoader.Options ReaderOptions() => OPTIONS_VALUE;", "ReaderOptions()")]
    [InlineData("private static TextLoader.Options ReaderOptions() { System.Console.WriteLine(\"reading\"); return OPTIONS_VALUE; }", "ReaderOptions()")]
    [InlineData("private static readonly TextLoader.Options LoaderOptions = OPTIONS_VALUE;", "LoaderOptions")]
    [InlineData("private static TextLoader.Options LoaderOptions { get; } = OPTIONS_VALUE;", "LoaderOptions")]
    public Task OptionsFromAHelperOrAReadonlyMemberGiveTheFormat(string holder, string use) => ExpectAsync(
        OptionsHolderProgram.Replace("HOLDER", holder.Replace("OPTIONS_VALUE", SemicolonOptions)).Replace("OPTIONS", use).Replace("WRITE", "")
            .Replace("{|#0:", "").Replace("OnlineGradientDescent()|}", "OnlineGradientDescent()"),
        new[] { ("/app/Data/housing.csv", "Rooms;Age;Area;Price\n0.3;0.2;1.2;300\n0.4;0.5;2.5;550\n") });

    [Theory]
    // A field a method writes, a settable property, a helper that takes what it returns from a parameter: not followed.
    [InlineData("private static TextLoader.Options LoaderOptions = OPTIONS_VALUE;", "LoaderOptions", "LoaderOptions = new TextLoader.Options();")]
    [InlineData("public static TextLoader.Options LoaderOptions { get; set; } = OPTIONS_VALUE;", "LoaderOptions", "")]
    [InlineData("private static TextLoader.Options ReaderOptions(bool header) => new TextLoader.Options { Separators = new[] { ';' }, HasHeader = header };", "ReaderOptions(true)", "")]
    public Task OptionsFromAMemberWrittenElsewhereAreUnknown(string holder, string use, string write) => ExpectAsync(
        OptionsHolderProgram.Replace("HOLDER", holder.Replace("OPTIONS_VALUE", SemicolonOptions)).Replace("OPTIONS", use).Replace("WRITE", write),
        new[] { ("/app/Data/housing.csv", "Rooms;Age;Area;Price\n0.3;0.2;1.2;300\n0.4;0.5;2.5;550\n") },
        null,
        Scale002(0, "OnlineGradientDescent", "Features", ""));
}
