using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using ScalingAnalyzer.Analysis;

namespace ScalingAnalyzer.Rules;

/// <summary>
/// SCALE005: a module trained on scaled inputs is served raw (or differently scaled) input, or the outputs of a module
/// trained on a scaled target are used as original units without being mapped back.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class TrainServeSkewAnalyzer : TorchTrainingAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(DiagnosticDescriptors.TrainServeSkew);
}
