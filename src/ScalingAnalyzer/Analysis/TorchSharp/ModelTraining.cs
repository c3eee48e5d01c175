using System.Collections.Generic;
using Microsoft.CodeAnalysis;

namespace ScalingAnalyzer.Analysis;

/// <summary>
/// What one module (a local, field or property) was trained on: the scaling of its training inputs and of its
/// regression target, joined over every training forward/loss that uses it. Read by SCALE005 where the module is
/// used outside training: in the same method, or (for a field) in the other methods of its class.
/// </summary>
internal sealed class ModelTraining
{
    private ModelTraining(ISymbol module)
    {
        Module = module;
    }

    public ISymbol Module { get; }

    /// <summary>Every training input went through some scaling (a statistic, a scaler, a constant divisor).</summary>
    public bool InputScaled { get; private set; } = true;

    /// <summary>The scaling every training input shares, when the same one; null when unknown or mixed.</summary>
    public ScalingSource? Input { get; private set; }

    /// <summary>The training argument as written, for messages.</summary>
    public string InputText { get; private set; } = "";

    /// <summary>A module that normalizes its own input (BatchNorm1d/LayerNorm first): any input is consistent.</summary>
    public bool NormalizesInput { get; private set; }

    /// <summary>Every regression target of a training loss on its outputs went through some scaling.</summary>
    public bool TargetScaled { get; private set; }

    /// <summary>The scaling the targets share, when the same one.</summary>
    public ScalingSource? Target { get; private set; }

    public string TargetText { get; private set; } = "";

    /// <summary>Constant paths the trained module is saved to (<c>model.save("model.bin")</c>) after training in the same method.</summary>
    public List<string> SavedTo { get; } = new();

    private bool _hasInput;
    private bool _hasTarget;

    /// <summary>The modules trained in one method's facts, keyed by the symbol that holds them.</summary>
    public static Dictionary<ISymbol, ModelTraining> Of(MethodTrainingFacts facts)
    {
        var modules = new Dictionary<ISymbol, ModelTraining>(SymbolEqualityComparer.Default);
        var trainingForwards = new Dictionary<IOperation, ISymbol>();
        foreach (var forward in facts.Forwards)
        {
            if (!facts.IsTrainingForward(forward) || forward.Module is not { } module)
                continue;
            trainingForwards[forward.Invocation] = module;
            if (!modules.TryGetValue(module, out var training))
                modules.Add(module, training = new ModelTraining(module));
            training.AddInput(forward.Value, forward.ModuleNormalizesInput, forward.Argument.Value.Syntax.ToString());
        }
        foreach (var (module, path, isSave) in facts.ModelFiles)
        {
            if (isSave && modules.TryGetValue(module, out var saved) && !saved.SavedTo.Contains(path))
                saved.SavedTo.Add(path);
        }
        foreach (var loss in facts.Losses)
        {
            if (!loss.IsRegression || !facts.IsTrainingLoss(loss))
                continue;
            foreach (var prediction in loss.Predictions)
            {
                if (trainingForwards.TryGetValue(prediction, out var module))
                    modules[module].AddTarget(loss.Value, loss.Target.Value.Syntax.ToString());
            }
        }
        return modules;
    }

    /// <summary>The training of one module in several methods (a Train and a FineTune method), joined.</summary>
    public void Merge(ModelTraining other)
    {
        if (other._hasInput)
        {
            if (!_hasInput)
            {
                (_hasInput, InputScaled, Input, InputText, NormalizesInput) = (true, other.InputScaled, other.Input, other.InputText, other.NormalizesInput);
            }
            else
            {
                InputScaled &= other.InputScaled;
                NormalizesInput |= other.NormalizesInput;
                Input = Input is null || other.Input is null || ScalingSource.Same(Input, other.Input) != true ? null : Input;
            }
        }
        if (other._hasTarget)
        {
            if (!_hasTarget)
            {
                (_hasTarget, TargetScaled, Target, TargetText) = (true, other.TargetScaled, other.Target, other.TargetText);
            }
            else
            {
                TargetScaled &= other.TargetScaled;
                Target = Target is null || other.Target is null || ScalingSource.Same(Target, other.Target) != true ? null : Target;
            }
        }
    }

    public static ModelTraining Copy(ModelTraining training)
    {
        var copy = new ModelTraining(training.Module);
        copy.Merge(training);
        return copy;
    }

    private void AddInput(AbstractValue value, bool normalizes, string text)
    {
        var scaled = TrainingInterpreter.IsScaledData(value);
        if (!_hasInput)
        {
            _hasInput = true;
            InputScaled = scaled;
            Input = value.ScaledWith;
            InputText = text;
        }
        else
        {
            InputScaled &= scaled;
            Input = Input is null || value.ScaledWith is null || ScalingSource.Same(Input, value.ScaledWith) != true ? null : Input;
        }
        NormalizesInput |= normalizes;
    }

    private void AddTarget(AbstractValue value, string text)
    {
        // A constant divisor on a target (y = total / 3000f) is as often how the target is defined as how it is scaled:
        // only statistics and scalers count, so outputs are never asked to be mapped back by a guess.
        var scaled = value.ForwardCalls.IsEmpty && (value.Scaling != ScalingKind.None || value.ScaledWith is { IsConstantTransform: false });
        if (!_hasTarget)
        {
            _hasTarget = true;
            TargetScaled = scaled;
            Target = value.ScaledWith;
            TargetText = text;
        }
        else
        {
            TargetScaled &= scaled;
            Target = Target is null || value.ScaledWith is null || ScalingSource.Same(Target, value.ScaledWith) != true ? null : Target;
        }
    }

    /// <summary>"'xScaled.narrow(0, start, length)' (standardized with xScaler)": how a message names the training data.</summary>
    public static string Describe(string text, ScalingSource? source)
        => "'" + Shorten(text) + "'" + (source is null ? " (scaled)" : " (" + source.Kind + (source.IsConstantTransform ? "" : " with " + source.Description) + ")");

    internal static string Shorten(string text)
    {
        text = text.Replace("\r", " ").Replace("\n", " ");
        return text.Length <= 60 ? text : text.Substring(0, 57) + "...";
    }
}
