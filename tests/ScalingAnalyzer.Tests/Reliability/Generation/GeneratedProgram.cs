namespace ScalingAnalyzer.Tests.Reliability.Generation;

/// <summary>A generated training program: a whole compilation unit in its own namespace, so many can share a compilation.</summary>
public sealed record GeneratedProgram(string Name, string Source)
{
    public string Path => Name + ".cs";
}
