using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;

namespace ScalingAnalyzer.Tests.Verifiers;

/// <summary>
/// The reference sets test sources compile against: .NET 8 plus the libraries our users train with. The testing
/// library downloads their packages on first use; scripts/test.sh resolves them once, serially, through
/// <see cref="ReferenceSetTests"/> before the parallel run, so concurrent first downloads never race.
/// </summary>
public static class TestReferences
{
    public static readonly PackageIdentity TorchSharp = new("TorchSharp", "0.107.0");
    public static readonly PackageIdentity MicrosoftML = new("Microsoft.ML", "5.0.1");

    public static ReferenceAssemblies Net80 => ReferenceAssemblies.Net.Net80;
    public static readonly ReferenceAssemblies WithTorchSharp = ReferenceAssemblies.Net.Net80.AddPackages(ImmutableArray.Create(TorchSharp));
    public static readonly ReferenceAssemblies WithMLNet = ReferenceAssemblies.Net.Net80.AddPackages(ImmutableArray.Create(MicrosoftML));
    public static readonly ReferenceAssemblies WithBoth = ReferenceAssemblies.Net.Net80.AddPackages(ImmutableArray.Create(TorchSharp, MicrosoftML));

    /// <summary>Microsoft.ML plus the packages that hold FastTree, FastForest, Gam and LightGbm.</summary>
    public static readonly ReferenceAssemblies WithTreeTrainers = ReferenceAssemblies.Net.Net80.AddPackages(ImmutableArray.Create(
        MicrosoftML,
        new PackageIdentity("Microsoft.ML.FastTree", "5.0.1"),
        new PackageIdentity("Microsoft.ML.LightGbm", "5.0.1")));

    /// <summary>ScalingAnalyzer.Runtime as built beside the tests: code fixes insert calls into it.</summary>
    public static readonly MetadataReference Runtime =
        MetadataReference.CreateFromFile(Path.Combine(AppContext.BaseDirectory, "ScalingAnalyzer.Runtime.dll"));
}
