using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace ScalingAnalyzer.Analysis.MLNet;

/// <summary>A trainer that needs normalization, the feature column it reads unnormalized, and where a normalizer fits.</summary>
internal sealed class MissingNormalizerFinding
{
    public MissingNormalizerFinding(string trainerName, string featureColumn, string? mlContextExpression, ImmutableArray<NormalizerInsertion> insertions, ColumnEvidence? evidence = null)
    {
        Evidence = evidence;
        TrainerName = trainerName;
        FeatureColumn = featureColumn;
        MLContextExpression = mlContextExpression;
        Insertions = insertions;
    }

    public string TrainerName { get; }
    public string FeatureColumn { get; }

    /// <summary>What a data file of the project shows of the column's values, when the view was read from one.</summary>
    public ColumnEvidence? Evidence { get; }

    /// <summary>Null when the trainer's MLContext is not a plain local, parameter, field or property.</summary>
    public string? MLContextExpression { get; }

    /// <summary>Empty when some pipeline that reads the column unnormalized cannot be rewritten (e.g. <c>trainer.Fit(view)</c>).</summary>
    public ImmutableArray<NormalizerInsertion> Insertions { get; }
}

/// <summary>
/// From one trainer creation to the pipelines that consume it: the Append that adds it to a chain, the chain it
/// starts, or its own <c>Fit(view)</c>, following the trainer through locals. Each pipeline gives the column marks
/// just before the trainer.
/// </summary>
internal sealed class TrainerPipelineAnalysis
{
    private const int MaxDepth = 16;

    private readonly MLNetKnownSymbols symbols;
    private readonly EstimatorChainEvaluator evaluator;

    public TrainerPipelineAnalysis(MLNetKnownSymbols symbols, EstimatorChainEvaluator evaluator)
    {
        this.symbols = symbols;
        this.evaluator = evaluator;
    }

    public MissingNormalizerFinding? Analyze(IInvocationOperation trainer)
    {
        if (Describe(trainer) is not { } requirement || requirement.FeatureColumns.IsDefaultOrEmpty)
            return null;

        var consumers = new List<Consumer>();
        FindConsumers(trainer, trainer, consumers, depth: 0, evaluator);

        string? unnormalizedColumn = null;
        ColumnEvidence? evidence = null;
        var insertions = ImmutableArray.CreateBuilder<NormalizerInsertion>();
        var fixable = true;
        foreach (var consumer in consumers)
        {
            // Stages that normalize the features on raw data normalize them on any data: the data the chain is fit on,
            // which may mean reading a generator or a data file of the project, is then not looked at.
            if (consumer.Kind == ConsumerKind.AppendArgument
                && AllNormalized(consumer.Evaluator.ApplyEstimator(consumer.Operand, ColumnNormalizationState.Raw), requirement.FeatureColumns))
                continue;
            var state = StateBefore(consumer);
            var column = FirstUnnormalized(state, requirement.FeatureColumns);
            if (column is null)
                continue;
            unnormalizedColumn ??= column;
            evidence ??= state.EvidenceOf(column);
            // A pipeline in another method (a helper the trainer is passed to, a caller it is returned to) is not
            // rewritten: a normalizer there would change what every other caller trains as well.
            if (consumer.Evaluator == evaluator && InsertionFor(consumer) is { } insertion)
                insertions.Add(insertion);
            else
                fixable = false;
        }
        if (unnormalizedColumn is null)
            return null;
        return new MissingNormalizerFinding(
            requirement.DisplayName,
            unnormalizedColumn,
            MLContextExpressionOf(trainer),
            fixable ? insertions.ToImmutable() : ImmutableArray<NormalizerInsertion>.Empty,
            evidence);
    }

    /// <summary>The trainer's name and feature columns when it needs normalization; null when it does not or cannot be told.</summary>
    private TrainerRequirement? Describe(IInvocationOperation trainer)
    {
        var info = symbols.GetTrainer(trainer.TargetMethod);
        if (info is null)
            return null;
        switch (info.Need)
        {
            case NormalizationNeed.Required:
                return FeatureColumnsOf(trainer) is { } columns ? new TrainerRequirement(info.Name, columns) : null;
            case NormalizationNeed.DependsOnBinaryTrainer:
                var binary = EstimatorChainEvaluator.ArgumentFor(trainer, MLNetKnownSymbols.FindBinaryEstimatorParameter(trainer.TargetMethod));
                if (binary is null || evaluator.ResolveThroughLocals(binary) is not IInvocationOperation inner
                    || symbols.GetTrainer(inner.TargetMethod) is not { Need: NormalizationNeed.Required } innerInfo
                    || FeatureColumnsOf(inner) is not { } innerColumns)
                {
                    return null;
                }
                return new TrainerRequirement(info.Name + "(" + innerInfo.Name + ")", innerColumns);
            default:
                return null;
        }
    }

    /// <summary>featureColumnName, featureColumnNames, or the options object's FeatureColumnName; null when not constant.</summary>
    private ImmutableArray<string>? FeatureColumnsOf(IInvocationOperation trainer)
    {
        var method = trainer.TargetMethod;
        if (MLNetKnownSymbols.FindFeatureColumnParameter(method) is { } parameter)
            return evaluator.Values.StringValue(EstimatorChainEvaluator.ArgumentFor(trainer, parameter)) is { } column
                ? ImmutableArray.Create(column)
                : null;
        if (MLNetKnownSymbols.FindFeatureColumnsParameter(method) is { } columnsParameter)
            return EstimatorChainEvaluator.TryReadStrings(EstimatorChainEvaluator.ArgumentFor(trainer, columnsParameter), out var columns, evaluator.Values) ? columns : null;
        if (MLNetKnownSymbols.FindOptionsParameter(method) is { } optionsParameter
            && EstimatorChainEvaluator.ArgumentFor(trainer, optionsParameter) is { } options)
            return OptionsFeatureColumn(options, trainer.Syntax.SpanStart) is { } column ? ImmutableArray.Create(column) : null;
        return null;
    }

    /// <summary>
    /// The FeatureColumnName an options object holds when the trainer is created: its object initializer, then any
    /// assignment to the options local before the trainer; ML.NET's default "Features" when neither sets it.
    /// </summary>
    private string? OptionsFeatureColumn(IOperation options, int trainerPosition)
    {
        var member = symbols.OptionsFeatureColumn;
        if (member is null)
            return null;
        var unwrapped = MLNetOperationValues.Unwrap(options);
        IObjectCreationOperation? creation;
        ILocalSymbol? local = null;
        if (unwrapped is ILocalReferenceOperation reference)
        {
            local = reference.Local;
            creation = evaluator.Values.ValueAt(reference) is { } value ? MLNetOperationValues.Unwrap(value) as IObjectCreationOperation : null;
        }
        else
        {
            creation = unwrapped as IObjectCreationOperation;
        }
        if (creation is null)
            return null;

        IOperation? assigned = null;
        if (creation.Initializer is { } initializer)
        {
            foreach (var item in initializer.Initializers)
            {
                if (item is ISimpleAssignmentOperation { Target: IMemberReferenceOperation target } assignment
                    && MLNetOperationValues.IsMemberOrOverride(target.Member, member))
                {
                    assigned = assignment.Value;
                }
            }
        }
        if (local is not null)
        {
            var creationEnd = creation.Syntax.Span.End;
            foreach (var assignment in evaluator.Values.MemberAssignmentsOf(local, member))
            {
                var end = assignment.Syntax.Span.End;
                if (end > creationEnd && end <= trainerPosition)
                    assigned = assignment.Value;
            }
        }
        return assigned is null ? MLNetKnownSymbols.DefaultFeatureColumn : evaluator.Values.StringValue(assigned);
    }

    private void FindConsumers(IOperation value, IOperation origin, List<Consumer> consumers, int depth, EstimatorChainEvaluator ev)
    {
        if (depth > MaxDepth)
            return;
        var (top, parent) = MLNetOperationValues.ConsumerOf(value);
        switch (parent)
        {
            case IArgumentOperation { Parent: IInvocationOperation wrapper } when symbols.WrappedEstimator(wrapper) == top:
                // trainer.WithOnFitDelegate(...) is the trainer as far as the pipeline goes.
                FindConsumers(wrapper, wrapper, consumers, depth + 1, ev);
                break;
            case IArgumentOperation { Parent: IInvocationOperation crossValidate } argument
                when symbols.IsCrossValidate(crossValidate.TargetMethod, out var dataParameter, out var estimatorParameter)
                     && argument.Parameter is { } parameter && parameter.Ordinal == estimatorParameter!.Ordinal:
                if (EstimatorChainEvaluator.ArgumentFor(crossValidate, dataParameter) is { } data)
                    consumers.Add(Consumer.FitInput(data, ev));
                break;
            case IArgumentOperation { Parent: IInvocationOperation append } argument when symbols.IsAppend(append.TargetMethod):
                var (start, estimator) = EstimatorChainEvaluator.AppendOperands(append);
                if (estimator == top && start is not null)
                    consumers.Add(Consumer.AppendArgument(append, start, ev));
                else if (start == top && argument.Value == top)
                    consumers.Add(Consumer.ChainStart(top, append, ev));
                break;
            case IArgumentOperation { Parent: IInvocationOperation { IsImplicit: false } call, Parameter: { } parameter } when IsProjectMethod(call.TargetMethod):
                // Evaluate(mlContext, trainer, data): the helper appends or fits what it is given, read in its own body.
                foreach (var read in ev.ReadsInCallee(call, parameter))
                    FindConsumers(read.Operation, read.Operation, consumers, depth + 1, read.Analysis);
                break;
            case IInvocationOperation invocation when invocation.Instance == top:
                if (symbols.WrappedEstimator(invocation) == top)
                    FindConsumers(invocation, invocation, consumers, depth + 1, ev);
                else if (symbols.IsAppend(invocation.TargetMethod))
                    consumers.Add(Consumer.ChainStart(top, invocation, ev));
                else if (symbols.IsEstimatorFit(invocation.TargetMethod) && invocation.Arguments.Length == 1)
                    consumers.Add(Consumer.FitInput(invocation.Arguments[0].Value, ev));
                break;
            case IVariableInitializerOperation { Parent: IVariableDeclaratorOperation declarator }:
                FindLocalConsumers(declarator.Symbol, origin, consumers, depth, ev);
                break;
            case ISimpleAssignmentOperation { Target: ILocalReferenceOperation target } assignment when assignment.Value == top:
                FindLocalConsumers(target.Local, origin, consumers, depth, ev);
                break;
            case IConditionalOperation conditional when conditional.WhenTrue == top || conditional.WhenFalse == top:
                // useTrees ? FastTree() : Sdca(): the trainer goes where the conditional's value goes.
                FindConsumers(conditional, conditional, consumers, depth + 1, ev);
                break;
            case ISwitchExpressionArmOperation { Parent: ISwitchExpressionOperation choice } arm when arm.Value == top:
                // algorithm switch { "tree" => FastTree(), _ => Sdca() }
                FindConsumers(choice, choice, consumers, depth + 1, ev);
                break;
            case IReturnOperation { Kind: OperationKind.Return } when EstimatorChainEvaluator.MethodOf(top) is { } method:
                // A factory of the project that returns the trainer: where its callers put it.
                var calls = ev.CallsOf(method);
                if (!calls.IsDefault)
                {
                    foreach (var site in calls)
                        FindConsumers(site.Operation, site.Operation, consumers, depth + 1, site.Analysis);
                }
                break;
            case ISimpleAssignmentOperation { Target: IFieldReferenceOperation field } stored when stored.Value == top:
                // _model = KMeans(...) in a subclass's constructor, appended where TrainerBase<T> fits (rubikscode's idiom).
                var fieldReads = ev.ReadsOfStoredTrainer(field.Field);
                if (!fieldReads.IsDefault)
                {
                    foreach (var read in fieldReads)
                        FindConsumers(read.Operation, read.Operation, consumers, depth + 1, read.Analysis);
                }
                break;
            case ISimpleAssignmentOperation { Target: IPropertyReferenceOperation { Property.IsIndexer: true } } indexed when indexed.Value == top:
            // trainers["SDCA"] = Sdca(): a value of a dictionary a loop appends one by one.
            case ITupleOperation or IArrayInitializerOperation or IArgumentOperation:
                // An element of a collection of trainers a loop appends one by one (the ML.NET samples' BikeSharing idiom).
                foreach (var read in ev.Values.LoopReadsOfElement(top))
                    FindConsumers(read, origin, consumers, depth + 1, ev);
                break;
        }
    }

    private void FindLocalConsumers(ILocalSymbol local, IOperation origin, List<Consumer> consumers, int depth, EstimatorChainEvaluator ev)
    {
        foreach (var read in ev.Values.ReadsOf(local))
        {
            // Only reads where the local still holds this trainer.
            if (ev.ResolveThroughLocals(read) == origin)
                FindConsumers(read, origin, consumers, depth + 1, ev);
        }
    }

    /// <summary>A method the project declares (not ML.NET's, not a delegate's Invoke): one the analysis may read.</summary>
    private static bool IsProjectMethod(IMethodSymbol method)
        => method.MethodKind is MethodKind.Ordinary or MethodKind.LocalFunction && !method.DeclaringSyntaxReferences.IsEmpty;

    private ColumnNormalizationState StateBefore(Consumer consumer) => consumer.Kind switch
    {
        ConsumerKind.AppendArgument => consumer.Evaluator.ApplyEstimator(consumer.Operand, UpstreamOf(consumer.Append!, depth: 0, consumer.Evaluator)),
        ConsumerKind.ChainStart => UpstreamOf(consumer.Append!, depth: 0, consumer.Evaluator),
        _ => consumer.Evaluator.EvaluateDataView(consumer.Operand),
    };

    /// <summary>
    /// The column marks of the data an Append chain starts from: the stages before it when the whole chain is itself
    /// appended (<c>a.Append(b.Append(trainer))</c>), also through a local (<c>var trainer = Sdca(...).Append(MapKeyToValue(...));
    /// pipeline.Append(trainer)</c>, the ML.NET samples' idiom), otherwise raw data, since an estimator chain is fit on
    /// the data it is given and what it normalizes is what its own stages normalize. A chain appended in several places
    /// is unknown. A chain fit on data whose columns are known to be normalized or within unit scale (rows written out
    /// as literals, <see cref="LiteralRows"/>, a data file of the project) starts from raw data with those columns taken
    /// from that data, joined over every place it is fit: in this method, in a helper it is passed to
    /// (<c>TrainModel(mlContext, data, pipeline)</c>), or in the callers of a method that returns it
    /// (<c>BuildTrainingPipeline(mlContext)</c>, the Model Builder idiom).
    /// </summary>
    private ColumnNormalizationState UpstreamOf(IInvocationOperation append, int depth, EstimatorChainEvaluator ev)
    {
        if (depth > MaxDepth)
            return ColumnNormalizationState.Raw;
        var uses = new ChainUses();
        FindUses(append, ev, uses, depth);
        if (uses.Appended.Count > 1)
            return ColumnNormalizationState.Unknown;
        if (uses.Appended.Count == 1)
            return uses.Appended[0];
        ColumnNormalizationState? joined = null;
        foreach (var fit in uses.Fits)
            joined = joined is null ? fit : ColumnNormalizationState.Join(joined, fit);
        return joined ?? ColumnNormalizationState.Raw;
    }

    /// <summary>What happens to an estimator chain once built: the stages it is appended after, and the data it is fit on.</summary>
    private sealed class ChainUses
    {
        public List<ColumnNormalizationState> Appended { get; } = new();
        public List<ColumnNormalizationState> Fits { get; } = new();
    }

    /// <summary>
    /// Where the estimator <paramref name="value"/> goes: appended after other stages, or fit (<c>Fit</c>,
    /// <c>CrossValidate</c>), through locals, longer chains, <c>WithOnFitDelegate</c>, the helpers it is passed to and
    /// the callers it is returned to.
    /// </summary>
    private void FindUses(IOperation value, EstimatorChainEvaluator ev, ChainUses uses, int depth)
    {
        if (depth > MaxDepth)
            return;
        var (top, parent) = MLNetOperationValues.ConsumerOf(value);
        if (AppendedAfter(top, parent, depth, ev) is { } appended)
        {
            uses.Appended.Add(appended);
            return;
        }
        if (FitInput(top, parent, ev) is { } fitInput)
        {
            uses.Fits.Add(fitInput);
            return;
        }
        switch (parent)
        {
            // a.Append(trainer).Append(MapKeyToValue(...)): the longer chain starts from the same data.
            case IInvocationOperation longer when (symbols.IsAppend(longer.TargetMethod) || symbols.IsPassThroughEstimator(longer.TargetMethod))
                                                  && EstimatorChainEvaluator.AppendOperands(longer).Start == top:
                FindUses(longer, ev, uses, depth + 1);
                break;
            case IArgumentOperation { Parent: IInvocationOperation extension } startArgument
                when (symbols.IsAppend(extension.TargetMethod) || symbols.IsPassThroughEstimator(extension.TargetMethod))
                     && startArgument.Value == top && EstimatorChainEvaluator.AppendOperands(extension).Start == top:
                FindUses(extension, ev, uses, depth + 1);
                break;
            case IVariableInitializerOperation { Parent: IVariableDeclaratorOperation declarator }:
                FindLocalUses(declarator.Symbol, top, ev, uses, depth);
                break;
            case ISimpleAssignmentOperation { Target: ILocalReferenceOperation target } assignment when assignment.Value == top:
                FindLocalUses(target.Local, top, ev, uses, depth);
                break;
            case IArgumentOperation { Parent: IInvocationOperation { IsImplicit: false } call, Parameter: { } parameter } when IsProjectMethod(call.TargetMethod):
                foreach (var read in ev.ReadsInCallee(call, parameter))
                    FindUses(read.Operation, read.Analysis, uses, depth + 1);
                break;
            case ISimpleAssignmentOperation { Target: IFieldReferenceOperation field } assignment when assignment.Value == top:
                // _pipeline = ...Append(trainer) in a trainer class, fit in its Train method.
                var reads = ev.ReadsOfField(field.Field, assignment.Syntax);
                if (!reads.IsDefault)
                {
                    foreach (var read in reads)
                        FindUses(read.Operation, read.Analysis, uses, depth + 1);
                }
                break;
            case IReturnOperation { Kind: OperationKind.Return } when EstimatorChainEvaluator.MethodOf(top) is { } method:
                var calls = ev.CallsOf(method);
                if (!calls.IsDefault)
                {
                    foreach (var site in calls)
                        FindUses(site.Operation, site.Analysis, uses, depth + 1);
                }
                break;
        }
    }

    private void FindLocalUses(ILocalSymbol local, IOperation held, EstimatorChainEvaluator ev, ChainUses uses, int depth)
    {
        var value = MLNetOperationValues.Unwrap(held);
        foreach (var read in ev.Values.ReadsOf(local))
        {
            // Only reads where the local still holds this chain.
            if (ev.ResolveThroughLocals(read) == value)
                FindUses(read, ev, uses, depth + 1);
        }
    }

    /// <summary>When <paramref name="top"/> is fit (<c>chain.Fit(view)</c>): raw data, refined by what is known of the view's columns.</summary>
    private ColumnNormalizationState? FitInput(IOperation top, IOperation? parent, EstimatorChainEvaluator ev)
    {
        if (parent is IInvocationOperation fit && fit.Instance == top && symbols.IsEstimatorFit(fit.TargetMethod) && fit.Arguments.Length == 1)
            return InputFrom(ev.EvaluateDataView(fit.Arguments[0].Value));
        // CrossValidate(data, chain): the chain is fit on folds of data.
        if (parent is IArgumentOperation { Parent: IInvocationOperation crossValidate } argument
            && symbols.IsCrossValidate(crossValidate.TargetMethod, out var dataParameter, out var estimatorParameter)
            && argument.Parameter?.Ordinal == estimatorParameter!.Ordinal
            && EstimatorChainEvaluator.ArgumentFor(crossValidate, dataParameter) is { } data)
            return InputFrom(ev.EvaluateDataView(data));
        // chain.WithOnFitDelegate(...): what is done with the wrapper is done with the chain.
        if (parent is IInvocationOperation wrapper && symbols.WrappedEstimator(wrapper) == top)
        {
            var (wrapperTop, wrapperParent) = MLNetOperationValues.ConsumerOf(wrapper);
            return FitInput(wrapperTop, wrapperParent, ev);
        }
        if (parent is IArgumentOperation { Parent: IInvocationOperation extensionWrapper } && symbols.WrappedEstimator(extensionWrapper) == top)
        {
            var (wrapperTop, wrapperParent) = MLNetOperationValues.ConsumerOf(extensionWrapper);
            return FitInput(wrapperTop, wrapperParent, ev);
        }
        return null;
    }

    /// <summary>
    /// A chain's input fit on a view in state <paramref name="view"/>: raw, refined by what is known of the view's
    /// columns; nothing known when the rows are a file only named at run time.
    /// </summary>
    private static ColumnNormalizationState InputFrom(ColumnNormalizationState view)
        => view.IsOfRunTimeFile ? view : ColumnNormalizationState.Raw.RefinedBy(view);

    /// <summary>The marks after the stages before <paramref name="top"/>, when it is the estimator an Append adds.</summary>
    private ColumnNormalizationState? AppendedAfter(IOperation top, IOperation? parent, int depth, EstimatorChainEvaluator ev)
    {
        if (parent is IArgumentOperation { Parent: IInvocationOperation outer } && symbols.IsAppend(outer.TargetMethod))
        {
            var (start, estimator) = EstimatorChainEvaluator.AppendOperands(outer);
            if (estimator == top && start is not null)
                return ev.ApplyEstimator(start, UpstreamOf(outer, depth + 1, ev));
        }
        return null;
    }

    private static bool AllNormalized(ColumnNormalizationState state, ImmutableArray<string> columns)
    {
        foreach (var column in columns)
        {
            if (state[column] != ColumnNormalization.Normalized)
                return false;
        }
        return true;
    }

    private static string? FirstUnnormalized(ColumnNormalizationState state, ImmutableArray<string> columns)
    {
        foreach (var column in columns)
        {
            if (state[column] == ColumnNormalization.NotNormalized)
                return column;
        }
        return null;
    }

    private static NormalizerInsertion? InsertionFor(Consumer consumer)
    {
        switch (consumer.Kind)
        {
            case ConsumerKind.AppendArgument
                when consumer.Append?.Syntax is InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax access }
                     && access.Expression == consumer.Operand.Syntax:
                // x.Append(trainer) written as a member call (not LearningPipelineExtensions.Append(x, trainer)).
                return new NormalizerInsertion(NormalizerInsertionKind.AppendBefore, access.OperatorToken.SpanStart, access.OperatorToken.SpanStart);
            case ConsumerKind.ChainStart when consumer.Operand.Syntax is ExpressionSyntax expression:
                return new NormalizerInsertion(NormalizerInsertionKind.Wrap, expression.SpanStart, expression.Span.End);
            default:
                return null;
        }
    }

    /// <summary>The MLContext the trainer was created from, as written, when inserting it again is side-effect free.</summary>
    private string? MLContextExpressionOf(IInvocationOperation trainer)
    {
        var method = trainer.TargetMethod;
        if (method.Parameters.Length == 0)
            return null;
        var current = EstimatorChainEvaluator.ArgumentFor(trainer, method.Parameters[0]) is { } catalog ? MLNetOperationValues.Unwrap(catalog) : null;
        while (current is not null)
        {
            if (symbols.MLContext.Matches(current.Type))
            {
                return current is ILocalReferenceOperation or IParameterReferenceOperation or IFieldReferenceOperation or IPropertyReferenceOperation { Arguments.Length: 0 }
                       && current.Syntax is ExpressionSyntax expression
                    ? expression.ToString() // a node's text without its outer trivia
                    : null;
            }
            current = current is IPropertyReferenceOperation { Arguments.Length: 0 } property ? property.Instance : null;
        }
        return null;
    }

    private sealed class TrainerRequirement
    {
        public TrainerRequirement(string displayName, ImmutableArray<string> featureColumns)
        {
            DisplayName = displayName;
            FeatureColumns = featureColumns;
        }

        public string DisplayName { get; }
        public ImmutableArray<string> FeatureColumns { get; }
    }

    private enum ConsumerKind
    {
        /// <summary><c>start.Append(trainer)</c>: Operand is the chain before the trainer.</summary>
        AppendArgument,

        /// <summary><c>trainer.Append(...)</c>: Operand is the trainer expression; nothing in its chain runs before it.</summary>
        ChainStart,

        /// <summary><c>trainer.Fit(view)</c>: Operand is the view.</summary>
        FitInput,
    }

    private sealed class Consumer
    {
        private Consumer(ConsumerKind kind, IOperation operand, IInvocationOperation? append, EstimatorChainEvaluator evaluator)
        {
            Kind = kind;
            Operand = operand;
            Append = append;
            Evaluator = evaluator;
        }

        public ConsumerKind Kind { get; }
        public IOperation Operand { get; }
        /// <summary>The Append the trainer is the argument or the start of; null for <see cref="ConsumerKind.FitInput"/>.</summary>
        public IInvocationOperation? Append { get; }

        /// <summary>The analysis of the method body the consumer is in (the trainer's own, or a helper's or caller's).</summary>
        public EstimatorChainEvaluator Evaluator { get; }

        public static Consumer AppendArgument(IInvocationOperation append, IOperation start, EstimatorChainEvaluator evaluator) => new(ConsumerKind.AppendArgument, start, append, evaluator);
        public static Consumer ChainStart(IOperation trainer, IInvocationOperation append, EstimatorChainEvaluator evaluator) => new(ConsumerKind.ChainStart, trainer, append, evaluator);
        public static Consumer FitInput(IOperation view, EstimatorChainEvaluator evaluator) => new(ConsumerKind.FitInput, view, null, evaluator);
    }
}
