namespace ScalingAnalyzer.Benchmarks.Support;

/// <summary>A benchmark parameter: rows × columns, printed the way the tables show it.</summary>
public sealed record MatrixShape(int Rows, int Columns)
{
    public override string ToString() => $"{Rows}x{Columns}";
}
