using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace ScalingAnalyzer.Analysis.MLNet;

/// <summary>
/// The ML.NET 5 symbols SCALE002 reasons about, one table per compilation. The tables of known methods are keyed
/// by name and hold the type that declares them, so the per-invocation work is a string lookup and a name and symbol
/// comparison. Nothing here loads what the project does not use: each type is resolved when the code first meets a
/// type of its name (<see cref="KnownType"/>), and no catalog's members are enumerated (a type's members are read
/// from metadata the first time anything asks for them; enumerating catalogs a project never calls was once most of
/// this rule's cost in a build).
/// </summary>
internal sealed class MLNetKnownSymbols
{
    /// <summary>ML.NET's DefaultColumnNames.Features: the column a trainer reads when nothing else is said.</summary>
    public const string DefaultFeatureColumn = "Features";

    /// <summary>ML.NET's assemblies are Microsoft.ML.Core, .Data, .StandardTrainers, .FastTree, ...: the types below are looked up in these alone.</summary>
    private const string MLNetAssemblyPrefix = "Microsoft.ML.";

    // Parameter names ML.NET uses consistently across its catalogs.
    private const string FeatureColumnParameter = "featureColumnName";
    private const string FeatureColumnsParameter = "featureColumnNames";
    private const string OptionsParameter = "options";
    private const string BinaryEstimatorParameter = "binaryEstimator";
    private const string FitMethodName = "Fit";
    private const string TransformMethodName = "Transform";
    private const string AppendMethodName = "Append";
    private const string CacheCheckpointMethodName = "AppendCacheCheckpoint";
    private const string OnFitDelegateMethodName = "WithOnFitDelegate";
    private const string CrossValidateMethodName = "CrossValidate";

    private readonly LibraryTypes library;
    private readonly Dictionary<string, KnownType> knownTypes = new();
    private readonly KnownMethods<TrainerInfo> trainers;
    private IdentifierSet? trainerNames;
    private readonly KnownMethods<ColumnTransformKind> transforms;
    private readonly KnownMethods<bool> rawDataSources;
    private readonly KnownType[] pipelineOwners;
    private readonly KnownType[] trainerCatalogs;
    private readonly KnownType transformsCatalog;
    private readonly KnownType estimatorInterface;
    private readonly KnownType transformerInterface;
    private readonly KnownType dataView;
    private readonly KnownType dataOperationsCatalog;
    private readonly Lazy<ISymbol?> optionsFeatureColumn;
    private readonly KnownType textLoader;
    private readonly KnownType dataLoaderExtensions;
    private readonly KnownType multiFileSource;
    private readonly KnownMethods<bool> textLoaderFactories;
    private readonly KnownMethods<bool> customMappings;

    private MLNetKnownSymbols(LibraryTypes library)
    {
        this.library = library;
        MLContext = Type("Microsoft.ML.MLContext");
        estimatorInterface = Type("Microsoft.ML.IEstimator`1");
        transformerInterface = Type("Microsoft.ML.ITransformer");
        dataView = Type("Microsoft.ML.IDataView");
        EstimatorChain = Type("Microsoft.ML.Data.EstimatorChain`1");
        dataOperationsCatalog = Type("Microsoft.ML.DataOperationsCatalog");
        TrainTestData = Type("Microsoft.ML.DataOperationsCatalog+TrainTestData");
        ColumnNameAttribute = Type("Microsoft.ML.Data.ColumnNameAttribute");
        LoadColumnAttribute = Type("Microsoft.ML.Data.LoadColumnAttribute");
        textLoader = Type("Microsoft.ML.Data.TextLoader");
        dataLoaderExtensions = Type("Microsoft.ML.DataLoaderExtensions");
        multiFileSource = Type("Microsoft.ML.Data.MultiFileSource");
        var trainerInputBase = Type("Microsoft.ML.Trainers.TrainerInputBase");
        optionsFeatureColumn = new Lazy<ISymbol?>(() => trainerInputBase.Symbol?.GetMembers("FeatureColumnName").FirstOrDefault(), LazyThreadSafetyMode.PublicationOnly);

        // "Is normalization required?" as ML.NET's trainer documentation states it (docs/rules/SCALE002.md).
        trainers = new KnownMethods<TrainerInfo>(Type);
        const string standard = "Microsoft.ML.StandardTrainersCatalog";
        AddTrainers(trainers, standard, NormalizationNeed.Required,
            "Sdca", "OnlineGradientDescent", "LbfgsPoissonRegression",
            "SdcaLogisticRegression", "SdcaNonCalibrated", "SgdCalibrated", "SgdNonCalibrated",
            "LbfgsLogisticRegression", "AveragedPerceptron", "LinearSvm", "LdSvm",
            "SdcaMaximumEntropy", "LbfgsMaximumEntropy");
        AddTrainers(trainers, standard, NormalizationNeed.DependsOnBinaryTrainer, "OneVersusAll", "PairwiseCoupling");
        AddTrainers(trainers, "Microsoft.ML.FactorizationMachineExtensions", NormalizationNeed.Required, "FieldAwareFactorizationMachine");
        AddTrainers(trainers, "Microsoft.ML.KMeansClusteringExtensions", NormalizationNeed.Required, "KMeans");
        AddTrainers(trainers, "Microsoft.ML.PcaCatalog", NormalizationNeed.Required, "RandomizedPca");
        AddTrainers(trainers, "Microsoft.ML.MklComponentsCatalog", NormalizationNeed.Required, "Ols", "SymbolicSgdLogisticRegression");
        AddTrainers(trainers, "Microsoft.ML.TreeExtensions", NormalizationNeed.NotRequired, "FastTree", "FastTreeTweedie", "FastForest", "Gam");
        AddTrainers(trainers, "Microsoft.ML.LightGbmExtensions", NormalizationNeed.NotRequired, "LightGbm");

        transforms = new KnownMethods<ColumnTransformKind>(Type);
        const string normalization = "Microsoft.ML.NormalizationCatalog";
        transforms.Add(normalization, ColumnTransformKind.Normalizer,
            "NormalizeMeanVariance", "NormalizeMinMax", "NormalizeLogMeanVariance", "NormalizeBinning",
            "NormalizeSupervisedBinning", "NormalizeRobustScaling");
        // Row scalers and the PCA projection: ML.NET does not mark their output normalized; per-row scaling leaves column
        // scales apart, and principal components of raw columns follow the largest of them. Of columns already on one
        // scale they keep one scale.
        transforms.Add(normalization, ColumnTransformKind.KeepsRelativeScale, "NormalizeLpNorm", "NormalizeGlobalContrast");
        transforms.Add("Microsoft.ML.PcaCatalog", ColumnTransformKind.KeepsRelativeScale, "ProjectToPrincipalComponents");
        const string columnOperations = "Microsoft.ML.TransformExtensionsCatalog";
        transforms.Add(columnOperations, ColumnTransformKind.Concatenate, "Concatenate");
        transforms.Add(columnOperations, ColumnTransformKind.Copy, "CopyColumns");
        transforms.Add(columnOperations, ColumnTransformKind.KeepsColumns, "DropColumns", "SelectColumns");
        // Missing values filled with the column's mean, minimum, maximum, mode or 0: the values stay within the column's
        // bounds (and 0), but ML.NET does not carry a normalizer's mark through.
        transforms.Add("Microsoft.ML.ExtensionsCatalog", ColumnTransformKind.KeepsScale, "ReplaceMissingValues");
        // A numeric column converted to another numeric type (int to float, the samples' ConvertType before Concatenate)
        // keeps its values: within unit scale it stays so, raw it keeps its numbers for the message.
        transforms.Add("Microsoft.ML.ConversionsExtensionsCatalog", ColumnTransformKind.KeepsScale, "ConvertType");
        // Random Fourier features, sqrt(2/rank)·cos(w·x + b) (or the cos and sin pair, each sqrt(1/rank)): every output
        // value lies within [-1, 1] whatever the inputs' scale, so the trainer after it is fed unit-scale features. How
        // well one kernel width fits raw inputs is another question, not this rule's.
        transforms.Add("Microsoft.ML.KernelExpansionCatalog", ColumnTransformKind.BoundedOutput, "ApproximatedKernelMap");
        transforms.Add("Microsoft.ML.TextCatalog", ColumnTransformKind.MarkedNormalized, "FeaturizeText");
        transforms.Add("Microsoft.ML.CategoricalCatalog", ColumnTransformKind.MarkedNormalized, "OneHotEncoding", "OneHotHashEncoding");

        // Data read from .NET objects or text carries no IsNormalized mark; binary files and databases may, so they stay
        // unknown. The value says whether the rows are .NET objects, which the code may write out as literals.
        rawDataSources = new KnownMethods<bool>(Type);
        rawDataSources.Add("Microsoft.ML.DataOperationsCatalog", true, "LoadFromEnumerable");
        rawDataSources.Add("Microsoft.ML.TextLoaderSaverCatalog", false, "LoadFromTextFile");
        textLoaderFactories = new KnownMethods<bool>(Type);
        textLoaderFactories.Add("Microsoft.ML.TextLoaderSaverCatalog", true, "CreateTextLoader");
        customMappings = new KnownMethods<bool>(Type);
        customMappings.Add("Microsoft.ML.CustomMappingCatalog", true, "CustomMapping");

        pipelineOwners = new[] { Type("Microsoft.ML.LearningPipelineExtensions"), EstimatorChain };
        trainerCatalogs = new[]
        {
            Type("Microsoft.ML.RegressionCatalog+RegressionTrainers"),
            Type("Microsoft.ML.BinaryClassificationCatalog+BinaryClassificationTrainers"),
            Type("Microsoft.ML.MulticlassClassificationCatalog+MulticlassClassificationTrainers"),
            Type("Microsoft.ML.ClusteringCatalog+ClusteringTrainers"),
            Type("Microsoft.ML.AnomalyDetectionCatalog+AnomalyDetectionTrainers"),
            Type("Microsoft.ML.RankingCatalog+RankingTrainers"),
        };
        transformsCatalog = Type("Microsoft.ML.TransformsCatalog");
    }

    public KnownType MLContext { get; }
    public KnownType EstimatorChain { get; }
    public KnownType TrainTestData { get; }

    /// <summary>[ColumnName("...")] on a row class member: the ML.NET column it becomes.</summary>
    public KnownType ColumnNameAttribute { get; }

    /// <summary>[LoadColumn(...)] on a row class member: the file columns it is loaded from.</summary>
    public KnownType LoadColumnAttribute { get; }

    /// <summary>mlContext.Data.CreateTextLoader(...), either form.</summary>
    public bool IsCreateTextLoader(IMethodSymbol method) => textLoaderFactories.TryGet(method, out _);

    /// <summary><c>Transforms.CustomMapping&lt;TSrc, TDst&gt;(mapAction, contractName, ...)</c>.</summary>
    public bool IsCustomMapping(IMethodSymbol method) => customMappings.TryGet(method, out _);

    /// <summary>
    /// <c>loader.Load(path)</c> (DataLoaderExtensions) or <c>textLoader.Load(source)</c>: the loader and the path
    /// operand; false for other methods. The loader is known to be a TextLoader when <paramref name="isTextLoader"/>.
    /// </summary>
    public bool IsLoaderLoad(IInvocationOperation invocation, out IOperation? loader, out IOperation? path, out bool isTextLoader)
    {
        loader = null;
        path = null;
        isTextLoader = false;
        var method = invocation.TargetMethod;
        if (method.Name != "Load")
            return false;
        var definition = Definition(method);
        if (dataLoaderExtensions.Matches(definition.ContainingType) && invocation.Arguments.Length == 2)
        {
            loader = invocation.Arguments[0].Value;
            if (invocation.Arguments[1].Value is IArrayCreationOperation { Initializer.ElementValues: { Length: 1 } paths })
                path = paths[0];
        }
        else if (textLoader.Matches(definition.ContainingType) && invocation.Instance is { } instance && invocation.Arguments.Length == 1)
        {
            loader = instance;
            if (MLNetOperationValues.Unwrap(invocation.Arguments[0].Value) is IObjectCreationOperation { Arguments.Length: 1 } source
                && multiFileSource.Matches(source.Type)
                && source.Arguments[0].Value is IArrayCreationOperation { Initializer.ElementValues: { Length: 1 } files })
                path = files[0];
        }
        else
        {
            return false;
        }
        isTextLoader = textLoader.Matches(MLNetOperationValues.Unwrap(loader).Type);
        return true;
    }

    /// <summary>TrainerInputBase.FeatureColumnName: the field every trainer options class inherits (read when first needed).</summary>
    public ISymbol? OptionsFeatureColumn => optionsFeatureColumn.Value;

    /// <summary>
    /// Null when no ML.NET assembly is referenced: the rule then registers nothing. Nothing is resolved here: each known
    /// type is resolved when code under analysis first meets a type of its name.
    /// </summary>
    public static MLNetKnownSymbols? TryCreate(Compilation compilation)
        => LibraryTypes.Find(compilation, IsMLNetAssembly) is { } library ? new MLNetKnownSymbols(library) : null;

    /// <summary>One <see cref="KnownType"/> per metadata name, shared by every table that names it.</summary>
    private KnownType Type(string metadataName)
    {
        if (!knownTypes.TryGetValue(metadataName, out var type))
            knownTypes[metadataName] = type = new KnownType(library, metadataName);
        return type;
    }

    private static bool IsMLNetAssembly(string assemblyName)
        => assemblyName.StartsWith(MLNetAssemblyPrefix, StringComparison.OrdinalIgnoreCase) || assemblyName.Equals("Microsoft.ML", StringComparison.OrdinalIgnoreCase);

    /// <summary>The trainer a catalog method creates, or null. Unlisted trainer-catalog methods are trainers ML.NET marks "No".</summary>
    public TrainerInfo? GetTrainer(IMethodSymbol method)
    {
        if (trainers.TryGet(method, out var info))
            return info;
        var definition = Definition(method);
        if (definition.IsExtensionMethod && definition.Parameters.Length > 0 && IsTrainerCatalog(definition.Parameters[0].Type))
            return new TrainerInfo(definition.Name, NormalizationNeed.NotRequired);
        return null;
    }

    /// <summary>Only the trainers that may need normalization: the analyzer's entry filter, run on every candidate invocation.</summary>
    public bool IsScaleSensitiveTrainer(IMethodSymbol method)
        => trainers.TryGet(method, out var info) && info.Need != NormalizationNeed.NotRequired;

    /// <summary>
    /// Whether a method of this name could be a trainer that needs normalization: the syntactic filter before any
    /// binding, so that a method body calling no such name is never bound for this rule.
    /// </summary>
    public bool MayBeScaleSensitiveTrainer(string methodName) => trainers.HasName(methodName);

    /// <summary>The names of those trainers, for the text pre-check of a whole file (<see cref="CodeText.IdentifierPositions"/>).</summary>
    public IdentifierSet TrainerNames => trainerNames ??= new IdentifierSet(trainers.Names);

    public ColumnTransformKind? GetTransformKind(IMethodSymbol method)
    {
        if (transforms.TryGet(method, out var kind))
            return kind;
        var definition = Definition(method);
        if (definition.IsExtensionMethod && definition.Parameters.Length > 0 && IsTransformCatalog(definition.Parameters[0].Type))
            return ColumnTransformKind.Rewrite;
        return null;
    }

    /// <summary>Append on a learning pipeline or estimator chain, only the overloads that take an estimator: the loader and transformer Appends build other kinds of chains.</summary>
    public bool IsAppend(IMethodSymbol method)
    {
        if (method.Name != AppendMethodName)
            return false;
        var definition = Definition(method);
        return IsPipelineMethod(definition) && FindEstimatorParameter(definition) is { } parameter && estimatorInterface.Matches(parameter.Type);
    }

    /// <summary>AppendCacheCheckpoint, and WithOnFitDelegate (it wraps an estimator and only observes the fitted transformer).</summary>
    public bool IsPassThroughEstimator(IMethodSymbol method)
        => method.Name is CacheCheckpointMethodName or OnFitDelegateMethodName && IsPipelineMethod(Definition(method));

    /// <summary>estimator.WithOnFitDelegate(...): the estimator it wraps.</summary>
    public IOperation? WrappedEstimator(IInvocationOperation invocation)
        => invocation.TargetMethod.Name == OnFitDelegateMethodName && IsPipelineMethod(Definition(invocation.TargetMethod))
            ? EstimatorChainEvaluatorArguments.First(invocation)
            : null;

    /// <summary>
    /// A catalog's CrossValidate/CrossValidateNonCalibrated(data, estimator, ...): it fits the estimator on folds of
    /// the data. The two parameters, or false.
    /// </summary>
    public bool IsCrossValidate(IMethodSymbol method, out IParameterSymbol? data, out IParameterSymbol? estimator)
    {
        data = estimator = null;
        if (!method.Name.StartsWith(CrossValidateMethodName, StringComparison.Ordinal)
            || method.ContainingAssembly is not { } assembly || !IsMLNetAssembly(assembly.Name))
            return false;
        data = FindParameter(method, "data");
        estimator = FindParameter(method, "estimator");
        return data is not null && estimator is not null && dataView.Matches(data.Type);
    }

    /// <summary>IEstimator&lt;T&gt;.Fit(IDataView), on the interface or any estimator class.</summary>
    public bool IsEstimatorFit(IMethodSymbol method)
        => method.Name == FitMethodName && method.Parameters.Length == 1
           && dataView.Matches(method.Parameters[0].Type)
           && method.ContainingType is { } type && ImplementsEstimator(type);

    /// <summary>ITransformer.Transform(IDataView), on the interface or any transformer class.</summary>
    public bool IsTransformerTransform(IMethodSymbol method)
        => method.Name == TransformMethodName && method.Parameters.Length == 1
           && dataView.Matches(method.Parameters[0].Type)
           && method.ContainingType is { } type
           && (transformerInterface.Matches(type) || type.AllInterfaces.Any(transformerInterface.Matches));

    /// <summary>ITransformer or a type that implements it (a helper that returns a fitted transformer).</summary>
    public bool IsTransformerType(ITypeSymbol type)
        => transformerInterface.Matches(type) || type.AllInterfaces.Any(transformerInterface.Matches);

    /// <summary>A method that reads data without IsNormalized marks; <paramref name="readsObjects"/> when it reads .NET objects (LoadFromEnumerable).</summary>
    public bool IsRawDataSource(IMethodSymbol method, out bool readsObjects) => rawDataSources.TryGet(method, out readsObjects);

    /// <summary>A DataOperationsCatalog method that keeps the columns of the view it takes (shuffle, filter, take, split).</summary>
    public bool IsRowOperation(IMethodSymbol method)
        => dataOperationsCatalog.Matches(Definition(method).ContainingType) && FindDataViewParameter(method) is not null;

    public bool IsDataView(ITypeSymbol? type) => dataView.Matches(type);

    public IParameterSymbol? FindDataViewParameter(IMethodSymbol method)
    {
        foreach (var parameter in method.Parameters)
        {
            if (dataView.Matches(parameter.Type))
                return parameter;
        }
        return null;
    }

    public bool ImplementsEstimator(ITypeSymbol type)
    {
        if (estimatorInterface.Matches(type))
            return true;
        foreach (var implemented in type.AllInterfaces)
        {
            if (estimatorInterface.Matches(implemented))
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

    private static void AddTrainers(KnownMethods<TrainerInfo> table, string ownerMetadataName, NormalizationNeed need, params string[] names)
    {
        foreach (var name in names)
            table.Add(ownerMetadataName, new TrainerInfo(name, need), name);
    }

    private bool IsPipelineMethod(IMethodSymbol definition)
    {
        foreach (var owner in pipelineOwners)
        {
            if (owner.Matches(definition.ContainingType))
                return true;
        }
        return false;
    }

    private bool IsTrainerCatalog(ITypeSymbol type)
    {
        foreach (var catalog in trainerCatalogs)
        {
            if (catalog.Matches(type))
                return true;
        }
        return false;
    }

    /// <summary>TransformsCatalog or one of its nested catalogs (Conversion, Text, Categorical, ...).</summary>
    private bool IsTransformCatalog(ITypeSymbol type)
        => transformsCatalog.Matches(type) || transformsCatalog.Matches(type.ContainingType);

    /// <summary>
    /// Methods known by name and declaring type. The declaring types are resolved by metadata name once; their members
    /// are never enumerated.
    /// </summary>
    private sealed class KnownMethods<T>
    {
        private readonly Func<string, KnownType> typeNamed;

        // Lists of a class, not of key-value structs: the runtime then shares the list code it has already compiled
        // instead of compiling it again for our enums, in every build.
        private readonly Dictionary<string, List<Entry>> byName = new();

        public KnownMethods(Func<string, KnownType> typeNamed) => this.typeNamed = typeNamed;

        public void Add(string ownerMetadataName, T value, params string[] names)
        {
            var owner = typeNamed(ownerMetadataName);
            foreach (var name in names)
            {
                if (!byName.TryGetValue(name, out var entries))
                    byName[name] = entries = new List<Entry>();
                entries.Add(new Entry(owner, value));
            }
        }

        public bool HasName(string name) => byName.ContainsKey(name);

        public IEnumerable<string> Names => byName.Keys;

        public bool TryGet(IMethodSymbol method, out T value)
        {
            if (byName.TryGetValue(method.Name, out var entries))
            {
                var containingType = Definition(method).ContainingType;
                foreach (var entry in entries)
                {
                    if (entry.Owner.Matches(containingType))
                    {
                        value = entry.Value;
                        return true;
                    }
                }
            }
            value = default!;
            return false;
        }

        private sealed class Entry
        {
            public Entry(KnownType owner, T value)
            {
                Owner = owner;
                Value = value;
            }

            public KnownType Owner { get; }
            public T Value { get; }
        }
    }
}

/// <summary>The receiver of an instance call or the first argument of an extension call.</summary>
internal static class EstimatorChainEvaluatorArguments
{
    public static IOperation? First(IInvocationOperation invocation)
    {
        if (invocation.Instance is { } instance)
            return instance;
        foreach (var argument in invocation.Arguments)
        {
            if (argument.Parameter?.Ordinal == 0)
                return argument.Value;
        }
        return null;
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

    /// <summary>
    /// Rewrites values within the input's own bounds (ReplaceMissingValues): a column within unit scale stays so, and
    /// keeps its evidence; a normalizer's mark is not carried through.
    /// </summary>
    KeepsScale,

    /// <summary>
    /// Rescales each row, or projects the rows on principal components (NormalizeLpNorm, NormalizeGlobalContrast,
    /// ProjectToPrincipalComponents): the output is not marked normalized, but when every input is normalized or within
    /// unit scale the columns stay on one scale (within unit scale); otherwise the output is not normalized, as the input
    /// column that is far from unit scale dominates every row's norm and the first components.
    /// </summary>
    KeepsRelativeScale,

    /// <summary>
    /// Writes values within unit scale whatever its inputs are (ApproximatedKernelMap's random Fourier features): the
    /// output is within unit scale, though not marked normalized.
    /// </summary>
    BoundedOutput,

    /// <summary>Any other transform: its outputs are not normalized.</summary>
    Rewrite,
}
