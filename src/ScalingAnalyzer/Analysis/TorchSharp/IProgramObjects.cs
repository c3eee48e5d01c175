using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace ScalingAnalyzer.Analysis;

/// <summary>
/// What objects of the compilation's own classes do, as the training interpreter asks at a creation or a call:
/// computed once per class (or per creation) by <see cref="TorchObjectModels"/>.
/// </summary>
internal interface IProgramObjects
{
    /// <summary>
    /// A user's <c>Module</c> subclass whose <c>forward</c> first passes its input through a normalization
    /// (BatchNorm1d, LayerNorm, a Sequential starting with one, layer_norm, standardization): it scales what it receives.
    /// </summary>
    bool ModuleNormalizesInput(INamedTypeSymbol moduleType, CancellationToken cancellationToken);

    /// <summary>
    /// <c>new MyDataset(...)</c> of a user's Dataset subclass: a value whose <see cref="AbstractValue.Element"/> is what
    /// its <c>GetTensor</c> returns for the fields this creation's constructor wrote; null when not known.
    /// </summary>
    AbstractValue? DatasetCreated(IObjectCreationOperation creation, AbstractValue[] arguments, CancellationToken cancellationToken);
}
