using System;
using Microsoft.CodeAnalysis;

namespace ScalingAnalyzer.Analysis;

/// <summary>The TorchSharp (and ScalingAnalyzer.Runtime) symbols the analysis compares against, resolved once per compilation.</summary>
internal sealed class TorchSymbols
{
    private TorchSymbols(LibraryTypes types, INamedTypeSymbol torch, INamedTypeSymbol tensor)
    {
        Torch = torch;
        Tensor = tensor;
        Nn = types.Get("TorchSharp.torch+nn");
        Functional = types.Get("TorchSharp.torch+nn+functional");
        Module = types.Get("TorchSharp.torch+nn+Module");
        Loss = types.Get("TorchSharp.Loss`3");
        Optim = types.Get("TorchSharp.torch+optim");
        Optimizer = types.Get("TorchSharp.torch+optim+Optimizer");
        TensorIndex = types.Get("TorchSharp.torch+TensorIndex");
        BatchNorm1d = types.Get("TorchSharp.Modules.BatchNorm1d");
        LayerNorm = types.Get("TorchSharp.Modules.LayerNorm");
        MSELoss = types.Get("TorchSharp.Modules.MSELoss");
        L1Loss = types.Get("TorchSharp.Modules.L1Loss");
        HuberLoss = types.Get("TorchSharp.Modules.HuberLoss");
        SmoothL1Loss = types.Get("TorchSharp.Modules.SmoothL1Loss");
        ColumnScaler = types.Get("ScalingAnalyzer.Runtime.IColumnScaler");
        Data = types.Get("TorchSharp.torch+utils+data");
        Dataset = types.Get("TorchSharp.torch+utils+data+Dataset`1");
        DataLoader = types.Get("TorchSharp.Modules.DataLoader`2");
        ColumnScaling = types.Get("ScalingAnalyzer.Runtime.ColumnScaling");
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

    /// <summary>torch.utils.data: TensorDataset(...) and DataLoader(...).</summary>
    public INamedTypeSymbol? Data { get; }

    /// <summary>torch.utils.data.Dataset&lt;T&gt;, the base of every dataset (Dataset, IterableDataset, TensorDataset, users' own).</summary>
    public INamedTypeSymbol? Dataset { get; }

    /// <summary>TorchSharp.Modules.DataLoader&lt;T, S&gt;, the base of DataLoader and IterableDataLoader.</summary>
    public INamedTypeSymbol? DataLoader { get; }

    /// <summary>The runtime library's scaler interface (StandardScaler, MinMaxScaler), when the library is referenced.</summary>
    public INamedTypeSymbol? ColumnScaler { get; }

    /// <summary>The runtime's module form of a fitted scaler (<c>scaler.AsModule()</c>): a layer that scales its input.</summary>
    public INamedTypeSymbol? ColumnScaling { get; }

    /// <summary>
    /// Whether the project declares a reference to TorchSharp (or the runtime library), read from the references' file
    /// names without binding any of them: what a rule asks at compilation start (<see cref="LibraryTypes.Find"/>).
    /// </summary>
    public static bool IsReferenced(Compilation compilation) => LibraryTypes.Find(compilation, IsTorchSharpOrRuntime) is not null;

    /// <summary>Null when TorchSharp is not referenced: then nothing is registered. Binds the project's references: call it from code that passed a text filter.</summary>
    public static TorchSymbols? TryCreate(Compilation compilation)
    {
        if (LibraryTypes.Find(compilation, IsTorchSharpOrRuntime) is not { } types)
            return null;
        var torch = types.Get("TorchSharp.torch");
        var tensor = types.Get("TorchSharp.torch+Tensor");
        return torch is null || tensor is null ? null : new TorchSymbols(types, torch, tensor);
    }

    private static bool IsTorchSharpOrRuntime(string assemblyName)
        => assemblyName.Equals("TorchSharp", StringComparison.OrdinalIgnoreCase)
           || assemblyName.Equals("ScalingAnalyzer.Runtime", StringComparison.OrdinalIgnoreCase);

    /// <summary>TorchSharp's naming of in-place methods (add_, div_, nn.init.uniform_): a trailing underscore.</summary>
    public static bool IsInPlaceName(string name) => name.Length > 1 && name[name.Length - 1] == '_';

    public bool IsTensor(ITypeSymbol? type) => type is not null && SymbolEqualityComparer.Default.Equals(type, Tensor);

    /// <summary>A method that may receive training data: one of its parameters is a tensor.</summary>
    /// <summary>
    /// A parameter that is a tensor or holds tensors (a sequence of batches, a tuple, an array of tensors): data a
    /// helper may train on.
    /// </summary>
    public bool HasTensorParameter(IMethodSymbol method)
    {
        foreach (var parameter in method.Parameters)
        {
            if (HoldsTensors(parameter.Type, 3))
                return true;
        }
        return false;
    }

    private bool HoldsTensors(ITypeSymbol? type, int depth)
    {
        if (type is null || depth < 0)
            return false;
        // A DataLoader or a Dataset holds tensors too: its batches are what a training helper trains on.
        if (IsTensor(type) || IsDataLoader(type) || IsDataset(type))
            return true;
        switch (type)
        {
            case IArrayTypeSymbol array:
                return HoldsTensors(array.ElementType, depth - 1);
            case INamedTypeSymbol { IsTupleType: true } tuple:
                foreach (var element in tuple.TupleElements)
                {
                    if (HoldsTensors(element.Type, depth - 1))
                        return true;
                }
                return false;
            case INamedTypeSymbol { IsGenericType: true, ContainingNamespace: { Name: "Generic", ContainingNamespace: { Name: "Collections", ContainingNamespace: { Name: "System", ContainingNamespace.IsGlobalNamespace: true } } } } generic:
                foreach (var argument in generic.TypeArguments)
                {
                    if (HoldsTensors(argument, depth - 1))
                        return true;
                }
                return false;
            default:
                return false;
        }
    }

    public bool IsModule(ITypeSymbol? type) => Has(type, Role.Module);

    public bool IsDataset(ITypeSymbol? type) => Has(type, Role.Dataset);

    public bool IsDataLoader(ITypeSymbol? type) => Has(type, Role.DataLoader);

    public bool IsLossModule(ITypeSymbol? type) => Has(type, Role.Loss);

    public bool IsOptimizer(ITypeSymbol? type) => Has(type, Role.Optimizer);

    /// <summary>Losses whose target is a regression value (its scale sets the parameter sizes).</summary>
    public bool IsRegressionLossModule(ITypeSymbol? type) => Has(type, Role.RegressionLoss);

    /// <summary>BatchNorm1d, LayerNorm, and the runtime's fitted scaler as a module (<c>scaler.AsModule()</c>).</summary>
    public bool IsNormalizingLayer(ITypeSymbol? type) => Has(type, Role.NormalizingLayer);

    /// <summary>What a type is to TorchSharp, from its base types: asked for every call and value the interpreter meets.</summary>
    [Flags]
    private enum Role
    {
        None = 0,
        Module = 1,
        Dataset = 2,
        DataLoader = 4,
        Loss = 8,
        Optimizer = 16,
        RegressionLoss = 32,
        NormalizingLayer = 64,
    }

    /// <summary>One boxed value per combination of roles, so the cache below holds references only (no generic code over a value type to JIT-compile).</summary>
    private static readonly object[] RoleValues = CreateRoleValues();

    private static object[] CreateRoleValues()
    {
        var values = new object[128];
        for (var i = 0; i < values.Length; i++)
            values[i] = (Role)i;
        return values;
    }

    /// <summary>The roles of each type met, found by one walk of its base types.</summary>
    private readonly System.Collections.Concurrent.ConcurrentDictionary<ITypeSymbol, object> _roles = new(SymbolEqualityComparer.Default);

    private bool Has(ITypeSymbol? type, Role role)
    {
        if (type is null)
            return false;
        if (!_roles.TryGetValue(type, out var roles))
            roles = _roles.GetOrAdd(type, RoleValues[(int)RolesOf(type)]);
        return ((Role)roles & role) != 0;
    }

    private Role RolesOf(ITypeSymbol type)
    {
        var roles = Role.None;
        for (var current = type; current is not null; current = current.BaseType)
        {
            var definition = current.OriginalDefinition;
            roles |= Is(definition, Module, Role.Module) | Is(definition, Dataset, Role.Dataset) | Is(definition, DataLoader, Role.DataLoader)
                     | Is(definition, Loss, Role.Loss) | Is(definition, Optimizer, Role.Optimizer)
                     | Is(definition, MSELoss, Role.RegressionLoss) | Is(definition, L1Loss, Role.RegressionLoss)
                     | Is(definition, HuberLoss, Role.RegressionLoss) | Is(definition, SmoothL1Loss, Role.RegressionLoss)
                     | Is(definition, BatchNorm1d, Role.NormalizingLayer) | Is(definition, LayerNorm, Role.NormalizingLayer)
                     | Is(definition, ColumnScaling, Role.NormalizingLayer);
        }
        return roles;
    }

    private static Role Is(ITypeSymbol definition, INamedTypeSymbol? baseType, Role role)
        => baseType is not null && SymbolEqualityComparer.Default.Equals(definition, baseType) ? role : Role.None;

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
