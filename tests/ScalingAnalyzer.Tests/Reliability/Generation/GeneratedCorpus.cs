namespace ScalingAnalyzer.Tests.Reliability.Generation;

/// <summary>The generated programs every reliability test draws from: TorchSharp and ML.NET interleaved, seeded.</summary>
public static class GeneratedCorpus
{
    /// <summary>
    /// Three TorchSharp programs for every two ML.NET ones (the TorchSharp grammar has more to explore); every sixth
    /// program splits its data into training and held-out rows (<see cref="LeakageProgramGenerator"/>).
    /// </summary>
    public static IReadOnlyList<GeneratedProgram> Programs(int count, int seed)
    {
        var torch = new TorchSharpProgramGenerator(seed);
        var mlnet = new MLNetProgramGenerator(seed + 1);
        var leakage = new LeakageProgramGenerator(seed + 2);
        return Enumerable.Range(0, count)
            .Select(index => index % 6 == 5 ? leakage.Generate(index) : index % 5 < 3 ? torch.Generate(index) : mlnet.Generate(index))
            .ToList();
    }
}
