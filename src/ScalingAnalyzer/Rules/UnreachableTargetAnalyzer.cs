using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using ScalingAnalyzer.Analysis;

namespace ScalingAnalyzer.Rules;

/// <summary>
/// SCALE003: a regression target reaches a loss in training driven by an adaptive optimizer, and its size is far
/// beyond the steps × learning rate the optimizer can travel.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class UnreachableTargetAnalyzer : TorchTrainingAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(DiagnosticDescriptors.UnreachableTarget);
}
