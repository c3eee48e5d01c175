using System.Text;
using Microsoft.CodeAnalysis.Text;
using ScalingAnalyzer.Analysis.DataFiles;
using Xunit;

namespace ScalingAnalyzer.Tests.DataFiles;

/// <summary>The bounded read of a data file: per-column numeric bounds, and unknown (never an exception) on bad input.</summary>
public class DataFileReaderTests
{
    private static readonly DataFileFormat Csv = new(",", hasHeader: true, allowQuoting: false);

    private static DataFileTable Read(string content, DataFileFormat? format = null, DataFileLimits? limits = null)
        => DataFileReader.Read(SourceText.From(content), format ?? Csv, limits ?? DataFileLimits.Default, CancellationToken.None);

    [Fact]
    public void ColumnsHaveTheirBoundsAndHeaderNames()
    {
        var table = Read("Pressure,Flag,Name\n900,0,a\r\n1100,1,b\n\n1000.5,1,c\n");
        Assert.Equal(3, table.Rows);
        Assert.True(table.IsComplete);
        Assert.Equal("Pressure", table.HeaderOf(0));
        Assert.Equal(900, table.Range(0)!.Value.Min);
        Assert.Equal(1100, table.Range(0)!.Value.Max);
        Assert.Equal(1, table.Range(1)!.Value.Magnitude);
        Assert.Null(table.Range(2)); // text: unknown
        Assert.Null(table.Range(3)); // not in the file
        Assert.Equal(1100, table.Range(0, 1)!.Value.Max);
        Assert.Null(table.Range(1, 2));
    }

    [Fact]
    public void WithoutAHeaderTheFirstRowIsData()
    {
        var table = Read("5.1\t3.5\n4.9\t3.0", DataFileFormat.MLNetDefault);
        Assert.Equal(2, table.Rows);
        Assert.Equal(3.0, table.Range(1)!.Value.Min);
        Assert.Null(table.HeaderOf(0));
    }

    [Fact]
    public void MissingValuesAreSkippedAndRaggedRowsCountForTheirColumns()
    {
        var table = Read("a,b,c\n1,,3\n2,?\n7,NaN,9,100\n");
        Assert.Equal(3, table.Rows);
        Assert.Equal(7, table.Range(0)!.Value.Max);
        Assert.Null(table.Range(1)); // no number at all
        Assert.Equal(9, table.Range(2)!.Value.Max);
        Assert.Equal(100, table.Range(3)!.Value.Max);
    }

    /// <summary>The penguins data set's "NA": ML.NET reads "NA" and "N/A" in any casing as missing values, like "?" and "NaN".</summary>
    [Fact]
    public void NAAndNSlashAAreMissingValuesNotText()
    {
        var table = Read("a,b,c\n39.1,NA,181\nna,17.4,n/a\n50,19.5,N/A\n");
        Assert.Equal(3, table.Rows);
        Assert.Equal(39.1, table.Range(0)!.Value.Min);
        Assert.Equal(19.5, table.Range(1)!.Value.Max);
        Assert.Equal(181, table.Range(2)!.Value.Max);
    }

    /// <summary>Rows parsed with float.TryParse by the code: a line with a field that is not a number (the header) is not a row.</summary>
    [Fact]
    public void RowsWithTextAreLeftOutWhenTheFormatSkipsThem()
    {
        var table = Read("size,age\n1400,12\n860,old\n3050,2\n", new DataFileFormat(",", hasHeader: false, allowQuoting: false, skipsRowsWithText: true));
        Assert.Equal(2, table.Rows);
        Assert.Equal(3050, table.Range(0)!.Value.Max);
        Assert.Equal(1400, table.Range(0)!.Value.Min);
        Assert.Equal(12, table.Range(1)!.Value.Max);
    }

    [Fact]
    public void QuotedFieldsMayHoldSeparatorsWhenQuotingIsAllowed()
    {
        var table = Read("x,y\n\"1,5\",2\n\"3\",4\n", new DataFileFormat(",", hasHeader: true, allowQuoting: true));
        Assert.Null(table.Range(0)); // "1,5" is not a number
        Assert.Equal(4, table.Range(1)!.Value.Max);
    }

    /// <summary>A German spreadsheet's export read with <c>DecimalMarker = ','</c>: "1013,25" is a number, "1.5" is not.</summary>
    [Fact]
    public void ACommaDecimalMarkerReadsCommaDecimals()
    {
        var table = Read("t;p;q\n12,4;1013,25;1.5\n-8,9;1021;2e3\n", new DataFileFormat(";", hasHeader: true, allowQuoting: false, decimalMarker: ','));
        Assert.Equal(-8.9, table.Range(0)!.Value.Min, 6);
        Assert.Equal(12.4, table.Range(0)!.Value.Max, 6);
        Assert.Equal(1013.25, table.Range(1)!.Value.Min, 6);
        Assert.Equal(1021, table.Range(1)!.Value.Max, 6);
        Assert.Null(table.Range(2)); // "1.5" is not a number of this file
    }

    [Fact]
    public void ADotDecimalMarkerLeavesCommaDecimalsText()
    {
        var table = Read("t;p\n12,4;1013,25\n8,9;1021\n", new DataFileFormat(";", hasHeader: true, allowQuoting: false));
        Assert.Null(table.Range(0));
    }

    [Fact]
    public void SpaceSeparatedRunsAreOneSeparator()
    {
        var table = Read("1   2\n3 4\n", new DataFileFormat(" ", hasHeader: false, allowQuoting: false));
        Assert.Equal(4, table.Range(1)!.Value.Max);
        Assert.Equal(2, table.ColumnCount);
    }

    [Fact]
    public void CommentLinesAreSkipped()
        => Assert.Equal(2, Read("// a comment\n1\n2\n", DataFileFormat.MLNetDefault).Rows);

    [Theory]
    [InlineData("")]
    [InlineData("\n\n\n")]
    [InlineData("only,a,header\n")]
    [InlineData("PK\u0003\u0004\0\0\u0014binary")]
    public void EmptyHeaderOnlyAndBinaryFilesAreUnknown(string content)
    {
        var table = Read(content);
        Assert.False(table.IsKnown);
        Assert.Null(table.Range(0));
    }

    [Fact]
    public void TextThatIsNotUtf8IsReadWhereItIsNumeric()
    {
        // Latin-1 bytes decoded as UTF-8 become replacement characters: that column is simply not numeric.
        var bytes = Encoding.Latin1.GetBytes("caf\u00e9,1\nna\u00efve,2\n");
        var text = SourceText.From(new MemoryStream(bytes), Encoding.UTF8, throwIfBinaryDetected: false);
        var table = DataFileReader.Read(text, new DataFileFormat(",", false, false), DataFileLimits.Default, CancellationToken.None);
        Assert.Null(table.Range(0));
        Assert.Equal(2, table.Range(1)!.Value.Max);
    }

    [Fact]
    public void OnlyAPrefixIsReadAndACutLineIsDropped()
    {
        var content = new StringBuilder("v\n");
        for (var i = 0; i < 1000; i++)
            content.Append(i).Append('\n');
        var table = Read(content.ToString(), limits: new DataFileLimits(100, 100_000));
        Assert.False(table.IsComplete);
        Assert.True(table.Rows < 40);
        Assert.Equal(table.Rows - 1, table.Range(0)!.Value.Max);

        var byRows = Read(content.ToString(), limits: new DataFileLimits(1 << 20, 10));
        Assert.Equal(10, byRows.Rows);
        Assert.False(byRows.IsComplete);
        Assert.Equal(9, byRows.Range(0)!.Value.Max);
    }

    [Fact]
    public void AVeryWideRowIsBoundedByTheColumnCap()
    {
        var row = string.Join(",", Enumerable.Range(0, DataFileLimits.MaxColumns + 50));
        var table = Read(row + "\n" + row + "\n", new DataFileFormat(",", false, false));
        Assert.Equal(DataFileLimits.MaxColumns, table.ColumnCount);
    }

    [Fact]
    public void AReadLimitOfZeroTurnsDataFilesOff()
        => Assert.False(Read("a\n1\n", limits: DataFileLimits.Off).IsKnown);
}
