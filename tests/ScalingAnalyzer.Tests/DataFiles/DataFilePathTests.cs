using ScalingAnalyzer.Analysis.DataFiles;
using Xunit;

namespace ScalingAnalyzer.Tests.DataFiles;

/// <summary>Paths the code reads, matched to AdditionalFiles by their end.</summary>
public class DataFilePathTests
{
    [Theory]
    [InlineData("Data/iris.csv", "/src/App/Data/iris.csv", true)]
    [InlineData("iris.csv", "C:\\src\\App\\Data\\iris.csv", true)]
    [InlineData("../../../Data/iris.csv", "/src/App/Data/iris.csv", true)]
    [InlineData("./Data/IRIS.csv", "/src/App/Data/iris.csv", true)]
    [InlineData("Other/iris.csv", "/src/App/Data/iris.csv", false)]
    [InlineData("iris.csv", "/src/App/Data/iris.csv.bak", false)]
    [InlineData("Data/x/../iris.csv", "/src/App/Data/iris.csv", true)]
    public void APathMatchesAFileThatEndsWithIt(string code, string file, bool matches)
        => Assert.Equal(matches, DataFilePath.FromText(code, isComplete: true)!.IsSuffixOf(file));

    [Theory]
    [InlineData("")]
    [InlineData("Data/")]
    [InlineData("..")]
    public void APathThatNamesNoFileIsNull(string code) => Assert.Null(DataFilePath.FromText(code, isComplete: true));
}
