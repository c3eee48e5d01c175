using System.Threading;
using Microsoft.CodeAnalysis;

namespace ScalingAnalyzer.Analysis;

/// <summary>
/// What objects of the compilation's own TorchSharp classes do, as the training interpreter asks at a creation or a
/// call (<see cref="TorchObjectModels"/>): built on <see cref="ProgramSummaries"/>, which says what their fields hold.
/// </summary>
internal interface IProgramObjects
{
    /// <summary>
    /// A user's <c>Module</c> subclass whose <c>forward</c> first passes its input through a normalization
    /// (BatchNorm1d, LayerNorm, a Sequential starting with one, layer_norm, standardization): it scales what it receives.
    /// </summary>
    bool ModuleNormalizesInput(INamedTypeSymbol moduleType, CancellationToken cancellationToken);

    /// <summary>
    /// A user's Dataset subclass built into <paramref name="dataset"/> (its members as its constructor left them):
    /// the same value with <see cref="AbstractValue.Element"/> set to what its <c>GetTensor</c> returns, and its
    /// <c>Count</c> as rows when constant; null when GetTensor's result is not a known list or dictionary of tensors.
    /// </summary>
    AbstractValue? DatasetItems(INamedTypeSymbol datasetType, AbstractValue dataset, CallChain chain, CancellationToken cancellationToken);
}
