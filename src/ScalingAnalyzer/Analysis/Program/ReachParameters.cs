using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace ScalingAnalyzer.Analysis;

/// <summary>
/// Which numeric parameters of a helper decide how far its optimizer travels: those read by an optimizer's learning
/// rate argument or by a loop's bounds (condition, increment, foreach collection), directly or through locals
/// assigned from them. Callers bind their constant arguments for exactly these.
/// </summary>
internal static class ReachParameters
{
    public static ImmutableArray<int> Find(IOperation body, IMethodSymbol method, TorchSymbols symbols)
    {
        var candidates = new HashSet<IParameterSymbol>(SymbolEqualityComparer.Default);
        foreach (var parameter in method.Parameters)
        {
            if (parameter.RefKind == RefKind.None && TrainingInterpreter.IsNumeric(parameter.Type))
                candidates.Add(parameter);
        }
        if (candidates.Count == 0)
            return ImmutableArray<int>.Empty;

        var pending = new Stack<IOperation>();
        var writesOfLocal = new Dictionary<ISymbol, List<IOperation>>(SymbolEqualityComparer.Default);
        foreach (var operation in body.Descendants())
        {
            switch (operation)
            {
                case IInvocationOperation invocation when symbols.IsOptimizer(invocation.TargetMethod.ReturnType):
                    foreach (var argument in invocation.Arguments)
                    {
                        if (argument.Parameter?.Name is "lr" or "learningRate")
                            pending.Push(argument.Value);
                    }
                    break;
                case IForLoopOperation forLoop:
                    if (forLoop.Condition is not null)
                        pending.Push(forLoop.Condition);
                    foreach (var atBottom in forLoop.AtLoopBottom)
                        pending.Push(atBottom);
                    break;
                case IForEachLoopOperation forEach:
                    pending.Push(forEach.Collection);
                    break;
                case IWhileLoopOperation { Condition: { } condition }:
                    pending.Push(condition);
                    break;
                case IVariableDeclaratorOperation declarator:
                    if ((declarator.Initializer ?? (declarator.Parent as IVariableDeclarationOperation)?.Initializer) is { } initializer)
                        WritesOf(writesOfLocal, declarator.Symbol).Add(initializer.Value);
                    break;
                case ISimpleAssignmentOperation { Target: ILocalReferenceOperation local } assignment:
                    WritesOf(writesOfLocal, local.Local).Add(assignment.Value);
                    break;
                case ICompoundAssignmentOperation { Target: ILocalReferenceOperation local } compound:
                    WritesOf(writesOfLocal, local.Local).Add(compound.Value);
                    break;
            }
        }

        // Follow reads backwards through the locals' writes, each local once.
        var visitedLocals = new HashSet<ISymbol>(SymbolEqualityComparer.Default);
        var found = new SortedSet<int>();
        while (pending.Count > 0)
        {
            foreach (var read in pending.Pop().DescendantsAndSelf())
            {
                switch (read)
                {
                    case IParameterReferenceOperation parameter when candidates.Contains(parameter.Parameter):
                        found.Add(parameter.Parameter.Ordinal);
                        break;
                    case ILocalReferenceOperation local when visitedLocals.Add(local.Local) && writesOfLocal.TryGetValue(local.Local, out var writes):
                        foreach (var write in writes)
                            pending.Push(write);
                        break;
                }
            }
        }
        return ImmutableArray.CreateRange(found);
    }

    private static List<IOperation> WritesOf(Dictionary<ISymbol, List<IOperation>> writes, ISymbol local)
    {
        if (!writes.TryGetValue(local, out var list))
        {
            list = new List<IOperation>();
            writes.Add(local, list);
        }
        return list;
    }
}
