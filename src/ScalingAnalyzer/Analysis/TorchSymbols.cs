using Microsoft.CodeAnalysis;

namespace ScalingAnalyzer.Analysis;

/// <summary>The TorchSharp (and ScalingAnalyzer.Runtime) symbols the analysis compares against, resolved once per compilation.</summary>
internal sealed class TorchSymbols
{
    private TorchSymbols(Compilation compilation, INamedTypeSymbol torch, INamedTypeSymbol tensor)
    {
        Torch = torch;
        Tensor = tensor;
        Nn = compilation.GetTypeByMetadataName("TorchSharp.torch+nn");
        Functional = compilation.GetTypeByMetadataName("TorchSharp.torch+nn+functional");
        Module = compilation.GetTypeByMetadataName("TorchSharp.torch+nn+Module");
        Loss = compilation.GetTypeByMetadataName("TorchSharp.Loss`3");
        Optim = compilation.GetTypeByMetadataName("TorchSharp.torch+optim");
        Optimizer = compilation.GetTypeByMetadataName("TorchSharp.torch+optim+Optimizer");
        TensorIndex = compilation.GetTypeByMetadataName("TorchSharp.torch+TensorIndex");
        BatchNorm1d = compilation.GetTypeByMetadataName("TorchSharp.Modules.BatchNorm1d");
        LayerNorm = compilation.GetTypeByMetadataName("TorchSharp.Modules.LayerNorm");
        MSELoss = compilation.GetTypeByMetadataName("TorchSharp.Modules.MSELoss");
        L1Loss = compilation.GetTypeByMetadataName("TorchSharp.Modules.L1Loss");
        HuberLoss = compilation.GetTypeByMetadataName("TorchSharp.Modules.HuberLoss");
        SmoothL1Loss = compilation.GetTypeByMetadataName("TorchSharp.Modules.SmoothL1Loss");
        ColumnScaler = compilation.GetTypeByMetadataName("ScalingAnalyzer.Runtime.IColumnScaler");
    }

    public INamedTypeSymbol Torch { get; }
    public INamedTypeSymbol Tensor { get; }
    public INamedTypeSymbol? Nn { get; }
    public INamedTypeSymbol? Functional { get; }
    public INamedTypeSymbol? Module { get; }
    public INamedTypeSymbol? Loss { get; }
    public INamedTypeSymbol? Optim { get; }
    public INamedTypeSymbol? Optimizer { get; }
    public INamedTypeSymbol? TensorIndex { get; }
    public INamedTypeSymbol? BatchNorm1d { get; }
    public INamedTypeSymbol? LayerNorm { get; }
    public INamedTypeSymbol? MSELoss { get; }
    public INamedTypeSymbol? L1Loss { get; }
    public INamedTypeSymbol? HuberLoss { get; }
    public INamedTypeSymbol? SmoothL1Loss { get; }

    /// <summary>The runtime library's scaler interface (StandardScaler, MinMaxScaler), when the library is referenced.</summary>
    public INamedTypeSymbol? ColumnScaler { get; }

    /// <summary>Null when TorchSharp is not referenced: then nothing is registered.</summary>
    public static TorchSymbols? TryCreate(Compilation compilation)
    {
        if (!ReferencedAssemblies.Contains(compilation, "TorchSharp"))
            return null;
        var torch = compilation.GetTypeByMetadataName("TorchSharp.torch");
        var tensor = compilation.GetTypeByMetadataName("TorchSharp.torch+Tensor");
        return torch is null || tensor is null ? null : new TorchSymbols(compilation, torch, tensor);
    }

    public bool IsTensor(ITypeSymbol? type) => type is not null && SymbolEqualityComparer.Default.Equals(type, Tensor);

    /// <summary>A method that may receive training data: one of its parameters is a tensor.</summary>
    public bool HasTensorParameter(IMethodSymbol method)
    {
        foreach (var parameter in method.Parameters)
        {
            if (IsTensor(parameter.Type))
                return true;
        }
        return false;
    }

    public bool IsModule(ITypeSymbol? type) => InheritsFrom(type, Module);

    public bool IsLossModule(ITypeSymbol? type) => InheritsFrom(type, Loss);

    public bool IsOptimizer(ITypeSymbol? type) => InheritsFrom(type, Optimizer);

    /// <summary>Losses whose target is a regression value (its scale sets the parameter sizes).</summary>
    public bool IsRegressionLossModule(ITypeSymbol? type)
        => InheritsFrom(type, MSELoss) || InheritsFrom(type, L1Loss) || InheritsFrom(type, HuberLoss) || InheritsFrom(type, SmoothL1Loss);

    public static bool InheritsFrom(ITypeSymbol? type, INamedTypeSymbol? baseType)
    {
        if (baseType is null)
            return false;
        for (var current = type; current is not null; current = current.BaseType)
        {
            if (SymbolEqualityComparer.Default.Equals(current.OriginalDefinition, baseType))
                return true;
        }
        return false;
    }

    /// <summary>The runtime library's scalers, whose Transform outputs scaled data.</summary>
    public bool IsRuntimeScaler(INamedTypeSymbol? type)
    {
        if (type is null || ColumnScaler is null)
            return false;
        if (SymbolEqualityComparer.Default.Equals(type, ColumnScaler))
            return true;
        foreach (var implemented in type.AllInterfaces)
        {
            if (SymbolEqualityComparer.Default.Equals(implemented, ColumnScaler))
                return true;
        }
        return false;
    }

    public bool IsTorchSharpType(INamedTypeSymbol? type)
        => type is not null && SymbolEqualityComparer.Default.Equals(type.ContainingAssembly, Torch.ContainingAssembly);
}
