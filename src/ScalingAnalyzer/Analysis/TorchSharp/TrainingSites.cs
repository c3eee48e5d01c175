using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace ScalingAnalyzer.Analysis;

/// <summary>A module forward/call seen during interpretation, with the joined value of one tensor argument.</summary>
internal sealed class ForwardSite
{
    public ForwardSite(IOperation invocation, IArgumentOperation argument, AbstractValue value, bool underNoGrad, bool moduleNormalizesInput, string callText)
    {
        Invocation = invocation;
        Argument = argument;
        Value = value;
        UnderNoGrad = underNoGrad;
        ModuleNormalizesInput = moduleNormalizesInput;
        CallText = callText;
    }

    public IOperation Invocation { get; }
    public IArgumentOperation Argument { get; }
    public AbstractValue Value { get; set; }
    public bool UnderNoGrad { get; set; }
    public bool ModuleNormalizesInput { get; set; }

    /// <summary>"model.forward", as the message names it.</summary>
    public string CallText { get; }

    /// <summary>The local, field, parameter or property holding the module (null: an expression).</summary>
    public ISymbol? Module => ModuleSymbol(Invocation is IInvocationOperation { Instance: { } instance } ? instance : null);

    internal static ISymbol? ModuleSymbol(IOperation? receiver)
    {
        while (receiver is IConversionOperation { OperatorMethod: null } conversion)
            receiver = conversion.Operand;
        return receiver switch
        {
            ILocalReferenceOperation local => local.Local,
            IFieldReferenceOperation { Instance: null or IInstanceReferenceOperation } field => field.Field,
            IPropertyReferenceOperation { Instance: null or IInstanceReferenceOperation, Property.IsIndexer: false } property => property.Property,
            IParameterReferenceOperation parameter => parameter.Parameter,
            _ => null,
        };
    }
}

/// <summary>How a module's output is used where its units matter (<see cref="OutputUse"/>).</summary>
internal enum OutputUseKind
{
    /// <summary>Printed, formatted or written out as text.</summary>
    Printed,
    /// <summary>Returned from the method.</summary>
    Returned,
    /// <summary>Compared with (subtracted from, given to a loss with) data in original units.</summary>
    ComparedWithRaw,
    /// <summary>Compared with data that went through a scaling.</summary>
    ComparedWithScaled,
    /// <summary>Mapped back (InverseTransform, arithmetic with statistics or constants).</summary>
    Mapped,
}

/// <summary>A place where the output of module calls is used in units that matter: what SCALE005 checks for outputs.</summary>
internal sealed class OutputUse
{
    public OutputUse(IOperation at, OutputUseKind kind, AbstractValue value, IOperation? loss)
    {
        At = at;
        Kind = kind;
        Value = value;
        Loss = loss;
    }

    /// <summary>The expression the use reads the output through (reported there).</summary>
    public IOperation At { get; }
    public OutputUseKind Kind { get; set; }
    public AbstractValue Value { get; set; }

    /// <summary>The loss invocation, for a comparison made by a loss function (a training loss is no use of outputs).</summary>
    public IOperation? Loss { get; }
}

/// <summary>A loss computation with its target argument.</summary>
internal sealed class LossSite
{
    public LossSite(IOperation invocation, IArgumentOperation target, AbstractValue value, bool isRegression, bool underNoGrad)
    {
        Invocation = invocation;
        Target = target;
        Value = value;
        IsRegression = isRegression;
        UnderNoGrad = underNoGrad;
    }

    public IOperation Invocation { get; }
    public IArgumentOperation Target { get; }
    public AbstractValue Value { get; set; }

    /// <summary>The forward/call invocations whose outputs the loss compares with the target.</summary>
    public ImmutableArray<IOperation> Predictions { get; set; } = ImmutableArray<IOperation>.Empty;
    public bool IsRegression { get; }
    public bool UnderNoGrad { get; set; }
}

/// <summary>An optimizer step() with the optimizer's facts and the number of times it runs (null: unknown).</summary>
internal sealed class StepSite
{
    public StepSite(OptimizerFacts? optimizer, double? stepCount, bool underNoGrad)
    {
        Optimizer = optimizer;
        StepCount = stepCount;
        UnderNoGrad = underNoGrad;
    }

    public OptimizerFacts? Optimizer { get; }
    public double? StepCount { get; }
    public bool UnderNoGrad { get; }
}

/// <summary>A call of a training helper method of the same compilation.</summary>
internal sealed class HelperCallSite
{
    public HelperCallSite(IInvocationOperation invocation, TrainingSummary summary)
    {
        Invocation = invocation;
        Summary = summary;
    }

    public IInvocationOperation Invocation { get; }
    public TrainingSummary Summary { get; }

    /// <summary>Joined value per argument (keyed by the argument operation).</summary>
    public Dictionary<IArgumentOperation, AbstractValue> Arguments { get; } = new();
}

/// <summary>Data handed to a training helper inside a structure (a sequence of batches, a dataset object) and what reaches its forward.</summary>
internal sealed class StructuredHelperFeature
{
    public StructuredHelperFeature(IArgumentOperation argument, AbstractValue value, string callText)
    {
        Argument = argument;
        Value = value;
        CallText = callText;
    }

    public IArgumentOperation Argument { get; }

    /// <summary>The value at the helper's forward (joined over the times the call runs).</summary>
    public AbstractValue Value { get; }

    /// <summary>"model.forward in Train".</summary>
    public string CallText { get; }
}

/// <summary>How far the training in a method can move a parameter: S steps at lr for its adaptive optimizer.</summary>
internal sealed class OptimizerReach
{
    public OptimizerReach(string optimizerName, double learningRate, double? stepCount)
    {
        OptimizerName = optimizerName;
        LearningRate = learningRate;
        StepCount = stepCount;
    }

    public const double AssumedStepCount = 100_000;

    public string OptimizerName { get; }
    public double LearningRate { get; }

    /// <summary>Null when the loops' trip counts are not constant (then <see cref="AssumedStepCount"/> is used).</summary>
    public double? StepCount { get; }

    public double Distance => (StepCount ?? AssumedStepCount) * LearningRate;
}

/// <summary>What a helper method does with its tensor parameters: computed once per compilation, read at each call.</summary>
internal sealed class TrainingSummary
{
    private readonly Func<ImmutableSortedDictionary<int, double>, CancellationToken, OptimizerReach?>? _reachWithConstants;
    /// <summary>Made at the first call with constants: most helpers are never asked, and a concurrent map is large.</summary>
    private ConcurrentDictionary<string, OptimizerReach?>? _boundReaches;

    public TrainingSummary(
        ImmutableDictionary<int, string> featureParameters,
        ImmutableHashSet<int> targetParameters,
        OptimizerReach? reach,
        ImmutableArray<int> reachParameters,
        Func<ImmutableSortedDictionary<int, double>, CancellationToken, OptimizerReach?>? reachWithConstants)
    {
        FeatureParameters = featureParameters;
        TargetParameters = targetParameters;
        Reach = reach;
        ReachParameters = reachParameters;
        _reachWithConstants = reachWithConstants;
    }

    /// <summary>Parameter ordinal to the call it reaches unchanged ("model.forward").</summary>
    public ImmutableDictionary<int, string> FeatureParameters { get; }

    /// <summary>Ordinals of parameters that reach a regression loss's target unchanged.</summary>
    public ImmutableHashSet<int> TargetParameters { get; }

    /// <summary>The reach with the helper's parameters unknown (lr not constant: null; trip counts not constant: assumed).</summary>
    public OptimizerReach? Reach { get; }

    /// <summary>
    /// Ordinals of the numeric parameters the learning rate or the loop bounds around step() read (directly or
    /// through locals), when <see cref="Reach"/> is incomplete because of them: a caller's constants for these are
    /// bound by <see cref="ReachWith"/>.
    /// </summary>
    public ImmutableArray<int> ReachParameters { get; }

    public bool IsEmpty => FeatureParameters.IsEmpty && TargetParameters.IsEmpty;

    /// <summary>
    /// The reach of one call whose arguments for some <see cref="ReachParameters"/> are constant: the helper
    /// interpreted again with those parameters bound, so lr and trip counts fold exactly as they would in the caller.
    /// Falls back to <see cref="Reach"/> when nothing is bound. Cached per set of constants.
    /// </summary>
    public OptimizerReach? ReachWith(ImmutableSortedDictionary<int, double> constants, CancellationToken cancellationToken)
    {
        if (constants.IsEmpty || _reachWithConstants is null)
            return Reach;
        var key = string.Join(";", constants.Select(pair => pair.Key.ToString(CultureInfo.InvariantCulture) + "=" + pair.Value.ToString("R", CultureInfo.InvariantCulture)));
        var bound = _boundReaches;
        if (bound is null)
        {
            Interlocked.CompareExchange(ref _boundReaches, new ConcurrentDictionary<string, OptimizerReach?>(StringComparer.Ordinal), null);
            bound = _boundReaches;
        }
        if (bound.TryGetValue(key, out var cached))
            return cached;
        var reach = _reachWithConstants(constants, cancellationToken);
        bound.TryAdd(key, reach);
        return reach;
    }
}

/// <summary>The interpretation of one method body: every training-relevant site, in source order.</summary>
internal sealed class MethodTrainingFacts
{
    public static readonly MethodTrainingFacts Empty = new() { MeetsHelpers = true };

    /// <summary>
    /// The interpretation met a call where helpers' training summaries are consulted (a method of the compilation
    /// that takes tensors, or structured data, and may train): only then do the facts with summaries and the facts
    /// without them differ, so one interpretation serves both when this is false. True for <see cref="Empty"/>.
    /// </summary>
    public bool MeetsHelpers { get; set; }

    /// <summary>
    /// The parameters (a bit per ordinal) bound to what every call hands them (<see cref="ProgramSummaries.MethodArguments"/>):
    /// a value still carrying one of their ordinals is the callers' to report.
    /// </summary>
    public ulong ParametersBoundByCallers { get; set; }

    /// <summary>Whether <paramref name="value"/> is still a parameter bound by the callers, reported at their argument instead.</summary>
    public bool IsCallersValue(AbstractValue value)
        => ParametersBoundByCallers != 0 && value.ParameterOrdinal >= 0 && (ParametersBoundByCallers & (1UL << System.Math.Min(value.ParameterOrdinal, 63))) != 0;

    public List<ForwardSite> Forwards { get; } = new();
    public List<LossSite> Losses { get; } = new();
    public List<StepSite> Steps { get; } = new();
    public List<HelperCallSite> HelperCalls { get; } = new();

    /// <summary>Arguments of helpers that train on the structure they receive, by argument (in source order of first sight).</summary>
    public Dictionary<IArgumentOperation, StructuredHelperFeature> StructuredHelperFeatures { get; } = new();

    /// <summary>Where module outputs are printed, returned, compared or mapped back, in source order.</summary>
    public List<OutputUse> OutputUses { get; } = new();

    /// <summary>Forward/call invocations whose outputs are also used otherwise (mapped back by arithmetic, fed to a module).</summary>
    public HashSet<IOperation> OtherOutputUses { get; } = new();

    /// <summary><c>model.save("model.bin")</c> and <c>model.load("model.bin")</c> with a constant path: (module, path, is a save).</summary>
    public List<(ISymbol Module, string Path, bool IsSave)> ModelFiles { get; } = new();

    /// <summary>Forward and loss invocations whose result reaches a backward() call.</summary>
    public HashSet<IOperation> BackwardReached { get; } = new();

    /// <summary>An optimizer step() runs outside no_grad in this method.</summary>
    public bool HasStep
    {
        get
        {
            foreach (var step in Steps)
            {
                if (!step.UnderNoGrad)
                    return true;
            }
            return false;
        }
    }

    public bool IsTrainingForward(ForwardSite site) => HasStep && !site.UnderNoGrad && BackwardReached.Contains(site.Invocation);

    public bool IsTrainingLoss(LossSite site) => HasStep && !site.UnderNoGrad && BackwardReached.Contains(site.Invocation);

    /// <summary>An adaptive optimizer steps here with a learning rate or a step count that is not constant.</summary>
    public bool HasIncompleteAdaptiveReach()
    {
        foreach (var step in Steps)
        {
            if (!step.UnderNoGrad && step.Optimizer is { IsAdaptive: true } optimizer && (optimizer.LearningRate is null || step.StepCount is null))
                return true;
        }
        return false;
    }

    /// <summary>The largest distance an adaptive optimizer stepping in this method travels; null if none is adaptive with a known lr.</summary>
    public OptimizerReach? AdaptiveReach()
    {
        OptimizerReach? best = null;
        foreach (var step in Steps)
        {
            if (step.UnderNoGrad || step.Optimizer is not { IsAdaptive: true, LearningRate: double lr })
                continue;
            var reach = new OptimizerReach(step.Optimizer.Name, lr, step.StepCount);
            if (best is null || reach.Distance > best.Distance)
                best = reach;
        }
        return best;
    }
}
