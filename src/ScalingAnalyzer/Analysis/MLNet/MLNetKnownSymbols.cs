using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;

namespace ScalingAnalyzer.Analysis.MLNet;

/// <summary>
/// The ML.NET 5 symbols SCALE002 reasons about, resolved once per compilation. Every table is keyed by method
/// definition symbol, so the per-invocation work is a dictionary lookup, never a name comparison.
/// </summary>
internal sealed class MLNetKnownSymbols
{
    /// <summary>ML.NET's DefaultColumnNames.Features: the column a trainer reads when nothing else is said.</summary>
    public const string DefaultFeatureColumn = "Features";

    // Parameter names ML.NET uses consistently across its catalogs.
    private const string FeatureColumnParameter = "featureColumnName";
    private const string FeatureColumnsParameter = "featureColumnNames";
    private const string OptionsParameter = "options";
    private const string BinaryEstimatorParameter = "binaryEstimator";
    private const string FitMethodName = "Fit";
    private const string TransformMethodName = "Transform";

    private readonly Dictionary<IMethodSymbol, TrainerInfo> trainers;
    private readonly Dictionary<IMethodSymbol, ColumnTransformKind> transforms;
    private readonly HashSet<IMethodSymbol> appendMethods;
    private readonly HashSet<IMethodSymbol> passThroughEstimatorMethods;
    private readonly HashSet<ITypeSymbol> trainerCatalogs;
    private readonly HashSet<ITypeSymbol> transformCatalogs;
    private readonly HashSet<IMethodSymbol> rawDataSources;

    private MLNetKnownSymbols(
        INamedTypeSymbol mlContext,
        INamedTypeSymbol estimatorInterface,
        INamedTypeSymbol transformerInterface,
        INamedTypeSymbol dataView,
        INamedTypeSymbol? estimatorChain,
        INamedTypeSymbol? dataOperationsCatalog,
        INamedTypeSymbol? trainTestData,
        ISymbol? optionsFeatureColumn,
        Dictionary<IMethodSymbol, TrainerInfo> trainers,
        Dictionary<IMethodSymbol, ColumnTransformKind> transforms,
        HashSet<IMethodSymbol> appendMethods,
        HashSet<IMethodSymbol> passThroughEstimatorMethods,
        HashSet<ITypeSymbol> trainerCatalogs,
        HashSet<ITypeSymbol> transformCatalogs,
        HashSet<IMethodSymbol> rawDataSources)
    {
        MLContext = mlContext;
        EstimatorInterface = estimatorInterface;
        TransformerInterface = transformerInterface;
        DataView = dataView;
        EstimatorChain = estimatorChain;
        DataOperationsCatalog = dataOperationsCatalog;
        TrainTestData = trainTestData;
        OptionsFeatureColumn = optionsFeatureColumn;
        this.trainers = trainers;
        this.transforms = transforms;
        this.appendMethods = appendMethods;
        this.passThroughEstimatorMethods = passThroughEstimatorMethods;
        this.trainerCatalogs = trainerCatalogs;
        this.transformCatalogs = transformCatalogs;
        this.rawDataSources = rawDataSources;
    }

    public INamedTypeSymbol MLContext { get; }
    public INamedTypeSymbol EstimatorInterface { get; }
    public INamedTypeSymbol TransformerInterface { get; }
    public INamedTypeSymbol DataView { get; }
    public INamedTypeSymbol? EstimatorChain { get; }
    public INamedTypeSymbol? DataOperationsCatalog { get; }
    public INamedTypeSymbol? TrainTestData { get; }

    /// <summary>TrainerInputBase.FeatureColumnName: the field every trainer options class inherits.</summary>
    public ISymbol? OptionsFeatureColumn { get; }

    /// <summary>Null when Microsoft.ML is not referenced: the rule then registers nothing.</summary>
    public static MLNetKnownSymbols? TryCreate(Compilation compilation)
    {
        var mlContext = compilation.GetTypeByMetadataName("Microsoft.ML.MLContext");
        var estimator = compilation.GetTypeByMetadataName("Microsoft.ML.IEstimator`1");
        var transformer = compilation.GetTypeByMetadataName("Microsoft.ML.ITransformer");
        var dataView = compilation.GetTypeByMetadataName("Microsoft.ML.IDataView");
        if (mlContext is null || estimator is null || transformer is null || dataView is null)
            return null;

        var trainers = new Dictionary<IMethodSymbol, TrainerInfo>(SymbolEqualityComparer.Default);
        var transforms = new Dictionary<IMethodSymbol, ColumnTransformKind>(SymbolEqualityComparer.Default);

        // "Is normalization required?" as ML.NET's trainer documentation states it (docs/rules/SCALE002.md).
        var standard = compilation.GetTypeByMetadataName("Microsoft.ML.StandardTrainersCatalog");
        AddTrainers(trainers, standard, NormalizationNeed.Required,
            "Sdca", "OnlineGradientDescent", "LbfgsPoissonRegression",
            "SdcaLogisticRegression", "SdcaNonCalibrated", "SgdCalibrated", "SgdNonCalibrated",
            "LbfgsLogisticRegression", "AveragedPerceptron", "LinearSvm", "LdSvm",
            "SdcaMaximumEntropy", "LbfgsMaximumEntropy");
        AddTrainers(trainers, standard, NormalizationNeed.DependsOnBinaryTrainer, "OneVersusAll", "PairwiseCoupling");
        AddTrainers(trainers, compilation.GetTypeByMetadataName("Microsoft.ML.FactorizationMachineExtensions"), NormalizationNeed.Required, "FieldAwareFactorizationMachine");
        AddTrainers(trainers, compilation.GetTypeByMetadataName("Microsoft.ML.KMeansClusteringExtensions"), NormalizationNeed.Required, "KMeans");
        AddTrainers(trainers, compilation.GetTypeByMetadataName("Microsoft.ML.PcaCatalog"), NormalizationNeed.Required, "RandomizedPca");
        AddTrainers(trainers, compilation.GetTypeByMetadataName("Microsoft.ML.MklComponentsCatalog"), NormalizationNeed.Required, "Ols", "SymbolicSgdLogisticRegression");
        AddTrainers(trainers, compilation.GetTypeByMetadataName("Microsoft.ML.TreeExtensions"), NormalizationNeed.NotRequired, "FastTree", "FastTreeTweedie", "FastForest", "Gam");
        AddTrainers(trainers, compilation.GetTypeByMetadataName("Microsoft.ML.LightGbmExtensions"), NormalizationNeed.NotRequired, "LightGbm");

        var normalization = compilation.GetTypeByMetadataName("Microsoft.ML.NormalizationCatalog");
        AddTransforms(transforms, normalization, ColumnTransformKind.Normalizer,
            "NormalizeMeanVariance", "NormalizeMinMax", "NormalizeLogMeanVariance", "NormalizeBinning",
            "NormalizeSupervisedBinning", "NormalizeRobustScaling");
        // Row scalers: ML.NET does not mark their output normalized, and per-row scaling leaves column scales apart.
        AddTransforms(transforms, normalization, ColumnTransformKind.Rewrite, "NormalizeLpNorm", "NormalizeGlobalContrast");
        var columnOperations = compilation.GetTypeByMetadataName("Microsoft.ML.TransformExtensionsCatalog");
        AddTransforms(transforms, columnOperations, ColumnTransformKind.Concatenate, "Concatenate");
        AddTransforms(transforms, columnOperations, ColumnTransformKind.Copy, "CopyColumns");
        AddTransforms(transforms, columnOperations, ColumnTransformKind.KeepsColumns, "DropColumns", "SelectColumns");
        AddTransforms(transforms, compilation.GetTypeByMetadataName("Microsoft.ML.TextCatalog"), ColumnTransformKind.MarkedNormalized, "FeaturizeText");
        AddTransforms(transforms, compilation.GetTypeByMetadataName("Microsoft.ML.CategoricalCatalog"), ColumnTransformKind.MarkedNormalized, "OneHotEncoding", "OneHotHashEncoding");

        var appendMethods = new HashSet<IMethodSymbol>(SymbolEqualityComparer.Default);
        var passThrough = new HashSet<IMethodSymbol>(SymbolEqualityComparer.Default);
        var pipelineExtensions = compilation.GetTypeByMetadataName("Microsoft.ML.LearningPipelineExtensions");
        var estimatorChain = compilation.GetTypeByMetadataName("Microsoft.ML.Data.EstimatorChain`1");
        foreach (var owner in new[] { pipelineExtensions, estimatorChain })
        {
            if (owner is null)
                continue;
            foreach (var method in owner.GetMembers("Append").OfType<IMethodSymbol>())
            {
                // Only the estimator overloads: the loader and transformer Appends build other kinds of chains.
                if (FindEstimatorParameter(method) is { } parameter && IsConstructionOf(parameter.Type, estimator))
                    appendMethods.Add(method.OriginalDefinition);
            }
            foreach (var method in owner.GetMembers("AppendCacheCheckpoint").OfType<IMethodSymbol>())
                passThrough.Add(method.OriginalDefinition);
        }

        var trainerCatalogs = new HashSet<ITypeSymbol>(SymbolEqualityComparer.Default);
        foreach (var name in new[]
        {
            "Microsoft.ML.RegressionCatalog+RegressionTrainers",
            "Microsoft.ML.BinaryClassificationCatalog+BinaryClassificationTrainers",
            "Microsoft.ML.MulticlassClassificationCatalog+MulticlassClassificationTrainers",
            "Microsoft.ML.ClusteringCatalog+ClusteringTrainers",
            "Microsoft.ML.AnomalyDetectionCatalog+AnomalyDetectionTrainers",
            "Microsoft.ML.RankingCatalog+RankingTrainers",
        })
        {
            if (compilation.GetTypeByMetadataName(name) is { } type)
                trainerCatalogs.Add(type);
        }

        var transformCatalogs = new HashSet<ITypeSymbol>(SymbolEqualityComparer.Default);
        if (compilation.GetTypeByMetadataName("Microsoft.ML.TransformsCatalog") is { } transformsCatalog)
        {
            transformCatalogs.Add(transformsCatalog);
            foreach (var nested in transformsCatalog.GetTypeMembers())
                transformCatalogs.Add(nested);
        }

        // Data read from .NET objects or text carries no IsNormalized mark; binary files and databases may, so they stay unknown.
        var rawDataSources = new HashSet<IMethodSymbol>(SymbolEqualityComparer.Default);
        AddMethods(rawDataSources, compilation.GetTypeByMetadataName("Microsoft.ML.DataOperationsCatalog"), "LoadFromEnumerable");
        AddMethods(rawDataSources, compilation.GetTypeByMetadataName("Microsoft.ML.TextLoaderSaverCatalog"), "LoadFromTextFile");

        var trainerInputBase = compilation.GetTypeByMetadataName("Microsoft.ML.Trainers.TrainerInputBase");
        var optionsFeatureColumn = trainerInputBase?.GetMembers("FeatureColumnName").FirstOrDefault();

        return new MLNetKnownSymbols(
            mlContext, estimator, transformer, dataView, estimatorChain,
            compilation.GetTypeByMetadataName("Microsoft.ML.DataOperationsCatalog"),
            compilation.GetTypeByMetadataName("Microsoft.ML.DataOperationsCatalog+TrainTestData"),
            optionsFeatureColumn, trainers, transforms, appendMethods, passThrough, trainerCatalogs, transformCatalogs, rawDataSources);
    }

    /// <summary>The trainer a catalog method creates, or null. Unlisted trainer-catalog methods are trainers ML.NET marks "No".</summary>
    public TrainerInfo? GetTrainer(IMethodSymbol method)
    {
        var definition = Definition(method);
        if (trainers.TryGetValue(definition, out var info))
            return info;
        if (definition.IsExtensionMethod && definition.Parameters.Length > 0 && trainerCatalogs.Contains(definition.Parameters[0].Type))
            return new TrainerInfo(definition.Name, NormalizationNeed.NotRequired);
        return null;
    }

    /// <summary>Only the trainers that may need normalization: the analyzer's entry filter.</summary>
    public bool IsScaleSensitiveTrainer(IMethodSymbol method)
        => trainers.TryGetValue(Definition(method), out var info) && info.Need != NormalizationNeed.NotRequired;

    public ColumnTransformKind? GetTransformKind(IMethodSymbol method)
    {
        var definition = Definition(method);
        if (transforms.TryGetValue(definition, out var kind))
            return kind;
        if (definition.IsExtensionMethod && definition.Parameters.Length > 0 && transformCatalogs.Contains(definition.Parameters[0].Type))
            return ColumnTransformKind.Rewrite;
        return null;
    }

    public bool IsAppend(IMethodSymbol method) => appendMethods.Contains(Definition(method));

    public bool IsPassThroughEstimator(IMethodSymbol method) => passThroughEstimatorMethods.Contains(Definition(method));

    /// <summary>IEstimator&lt;T&gt;.Fit(IDataView), on the interface or any estimator class.</summary>
    public bool IsEstimatorFit(IMethodSymbol method)
        => method.Name == FitMethodName && method.Parameters.Length == 1
           && SymbolEqualityComparer.Default.Equals(method.Parameters[0].Type, DataView)
           && method.ContainingType is { } type && ImplementsEstimator(type);

    /// <summary>ITransformer.Transform(IDataView), on the interface or any transformer class.</summary>
    public bool IsTransformerTransform(IMethodSymbol method)
        => method.Name == TransformMethodName && method.Parameters.Length == 1
           && SymbolEqualityComparer.Default.Equals(method.Parameters[0].Type, DataView)
           && method.ContainingType is { } type
           && (SymbolEqualityComparer.Default.Equals(type, TransformerInterface) || type.AllInterfaces.Contains(TransformerInterface, SymbolEqualityComparer.Default));

    public bool IsRawDataSource(IMethodSymbol method) => rawDataSources.Contains(Definition(method));

    /// <summary>A DataOperationsCatalog method that keeps the columns of the view it takes (shuffle, filter, take, split).</summary>
    public bool IsRowOperation(IMethodSymbol method)
        => DataOperationsCatalog is not null && SymbolEqualityComparer.Default.Equals(Definition(method).ContainingType, DataOperationsCatalog)
           && FindDataViewParameter(method) is not null;

    public IParameterSymbol? FindDataViewParameter(IMethodSymbol method)
    {
        foreach (var parameter in method.Parameters)
        {
            if (SymbolEqualityComparer.Default.Equals(parameter.Type, DataView))
                return parameter;
        }
        return null;
    }

    public bool ImplementsEstimator(ITypeSymbol type)
    {
        if (IsConstructionOf(type, EstimatorInterface))
            return true;
        foreach (var implemented in type.AllInterfaces)
        {
            if (IsConstructionOf(implemented, EstimatorInterface))
                return true;
        }
        return false;
    }

    public static IParameterSymbol? FindEstimatorParameter(IMethodSymbol method) => FindParameter(method, "estimator");

    public static IParameterSymbol? FindFeatureColumnParameter(IMethodSymbol method) => FindParameter(method, FeatureColumnParameter);

    public static IParameterSymbol? FindFeatureColumnsParameter(IMethodSymbol method) => FindParameter(method, FeatureColumnsParameter);

    public static IParameterSymbol? FindOptionsParameter(IMethodSymbol method) => FindParameter(method, OptionsParameter);

    public static IParameterSymbol? FindBinaryEstimatorParameter(IMethodSymbol method) => FindParameter(method, BinaryEstimatorParameter);

    public static IParameterSymbol? FindParameter(IMethodSymbol method, string name)
    {
        foreach (var parameter in method.Parameters)
        {
            if (parameter.Name == name)
                return parameter;
        }
        return null;
    }

    private static IMethodSymbol Definition(IMethodSymbol method) => (method.ReducedFrom ?? method).OriginalDefinition;

    private static bool IsConstructionOf(ITypeSymbol type, INamedTypeSymbol genericDefinition)
        => type is INamedTypeSymbol named && SymbolEqualityComparer.Default.Equals(named.OriginalDefinition, genericDefinition);

    private static void AddTrainers(Dictionary<IMethodSymbol, TrainerInfo> table, INamedTypeSymbol? owner, NormalizationNeed need, params string[] names)
    {
        if (owner is null)
            return;
        foreach (var name in names)
        {
            foreach (var method in owner.GetMembers(name).OfType<IMethodSymbol>())
                table[method.OriginalDefinition] = new TrainerInfo(name, need);
        }
    }

    private static void AddMethods(HashSet<IMethodSymbol> set, INamedTypeSymbol? owner, string name)
    {
        if (owner is null)
            return;
        foreach (var method in owner.GetMembers(name).OfType<IMethodSymbol>())
            set.Add(method.OriginalDefinition);
    }

    private static void AddTransforms(Dictionary<IMethodSymbol, ColumnTransformKind> table, INamedTypeSymbol? owner, ColumnTransformKind kind, params string[] names)
    {
        if (owner is null)
            return;
        foreach (var name in names)
        {
            foreach (var method in owner.GetMembers(name).OfType<IMethodSymbol>())
                table[method.OriginalDefinition] = kind;
        }
    }
}

internal enum NormalizationNeed
{
    NotRequired,
    Required,

    /// <summary>OneVersusAll / PairwiseCoupling: whatever their binary trainer needs.</summary>
    DependsOnBinaryTrainer,
}

internal sealed class TrainerInfo
{
    public TrainerInfo(string name, NormalizationNeed need)
    {
        Name = name;
        Need = need;
    }

    public string Name { get; }
    public NormalizationNeed Need { get; }
}

/// <summary>What an estimator does to the IsNormalized mark of the columns it writes.</summary>
internal enum ColumnTransformKind
{
    /// <summary>Writes its outputs normalized (the NormalizationCatalog column normalizers).</summary>
    Normalizer,

    /// <summary>Writes outputs ML.NET marks normalized by construction (text featurizer, one-hot encodings).</summary>
    MarkedNormalized,

    /// <summary>Normalized only when every input is.</summary>
    Concatenate,

    /// <summary>The output keeps its input's mark.</summary>
    Copy,

    /// <summary>Removes or keeps columns without touching values.</summary>
    KeepsColumns,

    /// <summary>Any other transform: its outputs are not normalized.</summary>
    Rewrite,
}
