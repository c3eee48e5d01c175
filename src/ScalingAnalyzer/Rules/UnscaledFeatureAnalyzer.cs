using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using ScalingAnalyzer.Analysis;

namespace ScalingAnalyzer.Rules;

/// <summary>
/// SCALE001: a bounded float feature far from unit scale (or with columns of very different scales) reaches a
/// training forward/call. SCALE004: a feature made from run-time .NET data of unknown range does.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class UnscaledFeatureAnalyzer : TorchTrainingAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(DiagnosticDescriptors.UnscaledFeature, DiagnosticDescriptors.UnboundedFeature);
}
