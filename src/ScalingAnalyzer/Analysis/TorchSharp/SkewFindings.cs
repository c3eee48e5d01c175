using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace ScalingAnalyzer.Analysis;

/// <summary>
/// SCALE005, train/serve skew: a module used outside training (inference under no_grad, evaluation, a Predict method)
/// on input that did not go through the scaling its training input went through, or whose outputs, trained against a
/// scaled target, are used as original units without being mapped back. Also what the SCALE001/SCALE003 fixes must
/// rewrite beside the training step so that they keep the program's meaning (<see cref="ServeInputsOf"/>,
/// <see cref="OutputsOf"/>).
/// </summary>
internal static class SkewFindings
{
    /// <summary>
    /// The SCALE005 diagnostics of one method. <paramref name="fieldTraining"/> gives, for a field or property of the
    /// method's class, how the other methods of the class trained the module it holds (null: not trained there).
    /// </summary>
    public static void Find(MethodTrainingFacts facts, Func<ISymbol, ModelTraining?> fieldTraining, Func<string, ModelTraining?> savedTraining, ImmutableArray<Diagnostic>.Builder diagnostics)
    {
        if (facts.Forwards.Count == 0)
            return;
        var trainedHere = ModelTraining.Of(facts);
        var serving = new Dictionary<IOperation, (ForwardSite Site, ModelTraining Training, bool OtherMethod)>();
        foreach (var forward in facts.Forwards)
        {
            if (facts.IsTrainingForward(forward) || forward.Module is not { } module || serving.ContainsKey(forward.Invocation))
                continue;
            var otherMethod = !trainedHere.TryGetValue(module, out var training);
            if (otherMethod)
            {
                // A module loaded here from the file a training method saved it to, or a field its class trains.
                training = LoadedFrom(facts, module) is { } path ? savedTraining(path)
                    : module is IFieldSymbol or IPropertySymbol ? fieldTraining(module)
                    : null;
                if (training is null)
                    continue;
            }
            serving.Add(forward.Invocation, (forward, training!, otherMethod));
            if (!training!.NormalizesInput && !forward.ModuleNormalizesInput)
                ReportInput(forward, training, otherMethod, diagnostics);
        }

        foreach (var use in facts.OutputUses)
        {
            if (use.Kind is not (OutputUseKind.Printed or OutputUseKind.Returned or OutputUseKind.ComparedWithRaw) || IsTrainingLoss(facts, use.Loss))
                continue;
            foreach (var forward in use.Value.ForwardCalls)
            {
                if (!serving.TryGetValue(forward, out var served) || !served.Training.TargetScaled)
                    continue;
                ReportOutput(facts, use, served.Site, served.Training, diagnostics);
                break;
            }
        }
    }

    private static string? LoadedFrom(MethodTrainingFacts facts, ISymbol module)
    {
        string? loaded = null;
        foreach (var (holder, path, isSave) in facts.ModelFiles)
        {
            if (isSave || !SymbolEqualityComparer.Default.Equals(holder, module))
                continue;
            if (loaded is not null && loaded != path)
                return null;
            loaded = path;
        }
        return loaded;
    }

    /// <summary>What the SCALE001/SCALE004 fix needs beside the training step: the serving inputs, the module's field.</summary>
    public static ImmutableDictionary<string, string?> FeatureFixProperties(MethodTrainingFacts facts, ForwardSite trainingForward)
    {
        var properties = ImmutableDictionary.CreateBuilder<string, string?>();
        if (ServeInputsOf(facts, trainingForward) is { } serveInputs)
            properties[DiagnosticProperties.ServeInputs] = serveInputs;
        AddModuleField(properties, trainingForward.Module);
        return properties.ToImmutable();
    }

    /// <summary>What the SCALE003 fix needs beside the training step: the outputs to map back, the module's field.</summary>
    public static ImmutableDictionary<string, string?> TargetFixProperties(MethodTrainingFacts facts, LossSite loss)
    {
        var properties = ImmutableDictionary.CreateBuilder<string, string?>();
        if (OutputsOf(facts, loss) is { } outputs)
            properties[DiagnosticProperties.Outputs] = outputs;
        foreach (var forward in facts.Forwards)
        {
            if (facts.IsTrainingForward(forward) && loss.Predictions.Contains(forward.Invocation))
            {
                AddModuleField(properties, forward.Module);
                break;
            }
        }
        return properties.ToImmutable();
    }

    /// <summary>A model held in a field of a source class: the fix keeps its scaler in a field beside it, for the other methods.</summary>
    private static void AddModuleField(ImmutableDictionary<string, string?>.Builder properties, ISymbol? module)
    {
        if (module is IFieldSymbol field && Declared(field) is { } at)
            properties[DiagnosticProperties.ModuleField] = field.Name + "@" + at;
    }

    /// <summary>
    /// For a SCALE001/SCALE004 at a training forward: the inputs of the same module used outside training in the same
    /// method that are raw, as the fix must scale them with the same scaler ("start,length;..."). Null when none.
    /// </summary>
    public static string? ServeInputsOf(MethodTrainingFacts facts, ForwardSite trainingForward)
    {
        if (trainingForward.Module is not { } module)
            return null;
        var spans = new StringBuilder();
        foreach (var forward in facts.Forwards)
        {
            if (facts.IsTrainingForward(forward) || !SymbolEqualityComparer.Default.Equals(forward.Module, module) || forward.ModuleNormalizesInput)
                continue;
            if (TrainingInterpreter.IsRawData(forward.Value))
                AppendSpan(spans, forward.Argument.Value.Syntax);
        }
        return spans.Length == 0 ? null : spans.ToString();
    }

    /// <summary>
    /// For a SCALE003 at a training loss: the forward/call invocations of the trained module outside training whose
    /// outputs are used only as original units (printed, returned, compared with raw data), as the fix must map back.
    /// </summary>
    public static string? OutputsOf(MethodTrainingFacts facts, LossSite loss)
    {
        var modules = new HashSet<ISymbol>(SymbolEqualityComparer.Default);
        foreach (var forward in facts.Forwards)
        {
            if (facts.IsTrainingForward(forward) && forward.Module is { } module && loss.Predictions.Contains(forward.Invocation))
                modules.Add(module);
        }
        if (modules.Count == 0)
            return null;
        var spans = new StringBuilder();
        var seen = new HashSet<IOperation>();
        foreach (var forward in facts.Forwards)
        {
            if (facts.IsTrainingForward(forward) || forward.Module is null || !modules.Contains(forward.Module) || !seen.Add(forward.Invocation))
                continue;
            if (OnlyOriginalUnitUses(facts, forward.Invocation))
                AppendSpan(spans, forward.Invocation.Syntax);
        }
        return spans.Length == 0 ? null : spans.ToString();
    }

    /// <summary>The invocation's output reaches at least one use as original units and no use of another kind.</summary>
    private static bool OnlyOriginalUnitUses(MethodTrainingFacts facts, IOperation invocation)
    {
        if (facts.OtherOutputUses.Contains(invocation))
            return false;
        var any = false;
        foreach (var use in facts.OutputUses)
        {
            if (!use.Value.ForwardCalls.Contains(invocation) || IsTrainingLoss(facts, use.Loss))
                continue;
            if (use.Kind is not (OutputUseKind.Printed or OutputUseKind.Returned or OutputUseKind.ComparedWithRaw))
                return false;
            // A use that mixes several outputs cannot be mapped back by wrapping one of them.
            if (use.Value.ForwardCalls.Length != 1)
                return false;
            any = true;
        }
        return any;
    }

    private static bool IsTrainingLoss(MethodTrainingFacts facts, IOperation? loss)
    {
        if (loss is null)
            return false;
        foreach (var site in facts.Losses)
        {
            if (site.Invocation == loss)
                return facts.IsTrainingLoss(site);
        }
        return false;
    }

    private static void ReportInput(ForwardSite forward, ModelTraining training, bool otherMethod, ImmutableArray<Diagnostic>.Builder diagnostics)
    {
        var value = forward.Value;
        string given;
        var properties = ImmutableDictionary.CreateBuilder<string, string?>();
        properties[DiagnosticProperties.Role] = DiagnosticProperties.InputRole;
        if (training.InputScaled && TrainingInterpreter.IsRawData(value))
        {
            given = "unscaled";
            if (training.Input is { } source)
                AddHolders(properties, source);
        }
        // Scaled with statistics of other data (a scaler fitted on the test set itself): comparable only within one
        // interpretation, where the data the statistics were taken of have one identity.
        else if (!otherMethod && training.Input is { FittedOn: not null } trainedWith && value.ScaledWith is { FittedOn: not null } servedWith
                 && ScalingSource.Same(trainedWith, servedWith) == false)
        {
            given = servedWith.Kind + (servedWith.IsConstantTransform ? "" : " with " + servedWith.Description);
        }
        else
        {
            return;
        }
        var moduleText = ModuleText(forward);
        diagnostics.Add(Diagnostic.Create(
            DiagnosticDescriptors.TrainServeSkew,
            forward.Argument.Value.Syntax.GetLocation(),
            properties.ToImmutable(),
            ModelTraining.Shorten(forward.Argument.Value.Syntax.ToString()),
            "reaches " + forward.CallText + " " + given,
            moduleText,
            ModelTraining.Describe(training.InputText, training.Input),
            "pass it through the same scaling"));
    }

    private static void ReportOutput(MethodTrainingFacts facts, OutputUse use, ForwardSite forward, ModelTraining training, ImmutableArray<Diagnostic>.Builder diagnostics)
    {
        var properties = ImmutableDictionary.CreateBuilder<string, string?>();
        properties[DiagnosticProperties.Role] = DiagnosticProperties.OutputRole;
        var how = use.Kind switch
        {
            OutputUseKind.Printed => "is printed",
            OutputUseKind.Returned => "is returned",
            _ => "is compared with data in original units",
        };
        var advice = "map the output back to original units first";
        if (training.Target is { } source)
        {
            if (source.Scaler is not null)
                advice = "map it back with " + source.Scaler.Name + ".InverseTransform first";
            else if (source.Centre is not null && source.Spread is not null)
                advice = "map it back (* " + source.Spread.Name + " + " + source.Centre.Name + ") first";
            if (OnlyOriginalUnitUses(facts, forward.Invocation) && AddHolders(properties, source))
                properties[DiagnosticProperties.Outputs] = SpanText(forward.Invocation.Syntax);
        }
        diagnostics.Add(Diagnostic.Create(
            DiagnosticDescriptors.TrainServeSkew,
            use.At.Syntax.GetLocation(),
            properties.ToImmutable(),
            ModelTraining.Shorten(use.At.Syntax.ToString()),
            how + " as original units",
            ModuleText(forward),
            "the target " + ModelTraining.Describe(training.TargetText, training.Target),
            advice));
    }

    private static string ModuleText(ForwardSite forward)
        => forward.Invocation is IInvocationOperation { Instance: { } instance } ? "'" + ModelTraining.Shorten(instance.Syntax.ToString()) + "'" : "the module";

    /// <summary>The scaler (or centre and spread) to apply, with where each is declared so the fix binds the same one.</summary>
    private static bool AddHolders(ImmutableDictionary<string, string?>.Builder properties, ScalingSource source)
    {
        if (source.Scaler is { } scaler && Declared(scaler) is { } scalerAt)
        {
            properties[DiagnosticProperties.Scaler] = scaler.Name + "@" + scalerAt;
            return true;
        }
        if (source.Centre is { } centre && source.Spread is { } spread && Declared(centre) is { } centreAt && Declared(spread) is { } spreadAt)
        {
            properties[DiagnosticProperties.Centre] = centre.Name + "@" + centreAt;
            properties[DiagnosticProperties.Spread] = spread.Name + "@" + spreadAt;
            return true;
        }
        return false;
    }

    private static string? Declared(ISymbol symbol)
        => symbol is ILocalSymbol or IFieldSymbol && symbol.Locations.Length == 1 && symbol.Locations[0].IsInSource
            ? symbol.Locations[0].SourceSpan.Start.ToString(CultureInfo.InvariantCulture)
            : null;

    private static void AppendSpan(StringBuilder spans, SyntaxNode syntax)
    {
        if (spans.Length > 0)
            spans.Append(';');
        spans.Append(SpanText(syntax));
    }

    private static string SpanText(SyntaxNode syntax)
        => syntax.Span.Start.ToString(CultureInfo.InvariantCulture) + "," + syntax.Span.Length.ToString(CultureInfo.InvariantCulture);
}
