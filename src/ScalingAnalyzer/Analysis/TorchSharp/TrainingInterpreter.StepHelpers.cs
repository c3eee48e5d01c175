using System;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace ScalingAnalyzer.Analysis;

/// <summary>
/// A training step split in two, as trainer classes write it (Lightning ports, a <c>TrainingStep</c> or
/// <c>ComputeLoss</c> beside <c>Fit</c>): a method of yours that runs the model and returns the loss, called from the
/// method that calls <c>backward()</c> and <c>step()</c>. Its body runs here, with its parameters bound to the call's
/// values, so its forward is this method's training forward and what reaches it is judged (a parameter of this
/// method is reported at its caller, as for a forward written here).
/// </summary>
internal sealed partial class TrainingInterpreter
{
    /// <summary>A step helper being run here: one level, never a helper of a helper.</summary>
    private bool _inStepHelper;

    private bool? _trainsItself;

    /// <summary>Whether a method's text runs a module (<c>.forward(</c>, <c>.call(</c>), looked at once per method.</summary>
    private System.Collections.Generic.Dictionary<IMethodSymbol, bool>? _runsModule;

    private AbstractValue? StepHelperCall(IInvocationOperation invocation, IMethodSymbol method, AbstractValue[] arguments)
    {
        if (_inStepHelper || _program is null || _method is null
            || method.MethodKind != MethodKind.Ordinary || method.IsAbstract || method.IsVirtual || method.IsOverride || method.IsStatic != _method.IsStatic
            || !_symbols.IsTensor(method.ReturnType)
            || SymbolEqualityComparer.Default.Equals(method.OriginalDefinition, _method.OriginalDefinition)
            || invocation.Instance is not (null or IInstanceReferenceOperation)
            || !SymbolEqualityComparer.Default.Equals(method.ContainingType.OriginalDefinition, _method.ContainingType.OriginalDefinition))
            return null;
        // Only in the method that trains (not in the summaries of the methods it calls), and only a helper that runs a
        // module and does not train itself.
        _trainsItself ??= _program.Trains(_method, _cancellationToken);
        if (_trainsItself != true || method.DeclaringSyntaxReferences.Length != 1)
            return null;
        _runsModule ??= new System.Collections.Generic.Dictionary<IMethodSymbol, bool>(SymbolEqualityComparer.Default);
        if (!_runsModule.TryGetValue(method, out var runsModule))
        {
            var text = method.DeclaringSyntaxReferences[0].GetSyntax(_cancellationToken).ToString();
            runsModule = text.IndexOf(".forward(", StringComparison.Ordinal) >= 0 || text.IndexOf(".call(", StringComparison.Ordinal) >= 0;
            _runsModule[method] = runsModule;
        }
        if (!runsModule)
            return null;
        if (_program.Trains(method, _cancellationToken) || _program.BodyOf(method, _cancellationToken) is not { } body)
            return null;

        var saved = (_returned, _yielded);
        (_returned, _yielded) = (null, null);
        _inStepHelper = true;
        try
        {
            foreach (var parameter in method.Parameters)
                _environment[parameter] = AbstractValue.Unknown;
            for (var i = 0; i < invocation.Arguments.Length && i < arguments.Length; i++)
            {
                if (invocation.Arguments[i].Parameter is { } parameter && parameter.Ordinal < method.Parameters.Length)
                    _environment[method.Parameters[parameter.Ordinal]] = arguments[i];
            }
            Execute(body);
            return _returned ?? AbstractValue.Unknown;
        }
        finally
        {
            _inStepHelper = false;
            (_returned, _yielded) = saved;
            foreach (var parameter in method.Parameters)
                _environment.Remove(parameter);
        }
    }
}
