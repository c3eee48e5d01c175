using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace ScalingAnalyzer.Analysis;

/// <summary>
/// Arrays rewritten element by element from themselves in loops (<c>pixels[i] /= 255f</c>,
/// <c>x[i] = (x[i] - 128f) / 128f</c>, <c>table[i, j] /= 1000f</c>, <c>table[i, 0] /= 5000f</c>): which elements the
/// loops rewrite decides what the array holds after them.
/// <list type="bullet">
/// <item>Every element (each index the counter of an enclosing <c>for</c> from 0 by 1, the write unconditional in its
/// body), by constants only: after the outermost of those loops the array holds what one element's rewrite gives
/// (its first round, read from the array as it was before the loops); a column of a table whose columns are known
/// likewise, the other columns unchanged.</item>
/// <item>Only some elements, provably (a counter from 1 or by 2, a counter up to a constant below the array's known
/// length, a constant position of a 1-D array), by constants only: the elements left alone keep their range, joined
/// after the loops with one element's rewrite read from the array as the loops found it.</item>
/// <item>Anything else (statistics of the data, conditions, other index expressions): the rescaling in place the
/// interpreter already knows, no longer of known range.</item>
/// </list>
/// </summary>
internal sealed partial class TrainingInterpreter
{
    private enum RewriteCoverage
    {
        Unknown,
        Partial,
        Whole,
    }

    /// <summary>A rewrite of every element seen in the loops being run, applied when the outermost of them ends.</summary>
    private sealed class PendingRewrite
    {
        public PendingRewrite(ILoopOperation outermost, int? column, AbstractValue element, AbstractValue? partlyBefore = null, bool byStatistics = false)
        {
            Outermost = outermost;
            Column = column;
            Element = element;
            PartlyBefore = partlyBefore;
            ByStatistics = byStatistics;
        }

        /// <summary>
        /// One column of a table rescaled in place by statistics of the data (<c>table[i, 1] = (table[i, 1] - mean) / std</c>
        /// over every row): after the loops that column is scaled, of no known bound, and the table is judged by its
        /// other columns, as <c>cat</c> of scaled and raw blocks is. <see cref="PartlyBefore"/> is the table as the loops found it.
        /// </summary>
        public bool ByStatistics { get; }

        public ILoopOperation Outermost { get; }
        public int? Column { get; }
        public AbstractValue Element { get; }

        /// <summary>
        /// For a rewrite of only some elements, the array as the loops found it: after them it holds those values and
        /// the rewritten ones. (Each element is rewritten once, from its own value; the loop's rounds read the array
        /// their joins left, which a shift such as <c>x[i] - 950f</c> would widen without end.)
        /// </summary>
        public AbstractValue? PartlyBefore { get; }
    }

    /// <summary>The rewrites of every element (or of one column: <c>table[i, 0] /= 5000f; table[i, 1] /= 10f</c>) seen so far.</summary>
    private List<KeyValuePair<ISymbol, PendingRewrite>>? _pendingRewrites;

    /// <summary>
    /// The value to write for <c>element = value</c> (or a compound assignment) that reads the element itself, or null
    /// when the write is not such a rewrite of an array and the caller's own rules apply.
    /// </summary>
    private AbstractValue? ElementRewrite(IOperation assignment, IOperation target, IOperation valueOperation, AbstractValue assigned, bool compound)
    {
        if (target is not IArrayElementReferenceOperation element || (!compound && !ReadsElement(valueOperation, target)))
            return null;
        var coverage = Coverage(assignment, element, out var arraySymbol, out var outermost, out var column);
        if (coverage == RewriteCoverage.Unknown)
            return null;
        if (!OnlyConstantsBeside(valueOperation, target))
        {
            if (coverage == RewriteCoverage.Whole && column is not null && arraySymbol is not null && outermost is not null
                && (compound || RescalesInPlace(target, valueOperation)))
                PendStatisticsRewrite(arraySymbol, outermost, column.Value, assigned);
            return null;
        }
        // Some elements rewritten by constants: the others keep their values. (By statistics of the data, say every
        // column but the label's standardized, it stays a rescaling in place: the bound of a statistic is too loose.)
        var partial = coverage == RewriteCoverage.Partial;
        if (arraySymbol is not null && outermost is not null)
        {
            _pendingRewrites ??= new List<KeyValuePair<ISymbol, PendingRewrite>>();
            // The first round reads the array as the loops found it; later rounds read what the loops' joins left.
            var seen = false;
            foreach (var pending in _pendingRewrites)
                seen |= SymbolEqualityComparer.Default.Equals(pending.Key, arraySymbol) && pending.Value.Column == column && ReferenceEquals(pending.Value.Outermost, outermost);
            if (!seen && (!partial || column is null && _environment.TryGetValue(arraySymbol, out _)))
                _pendingRewrites.Add(new KeyValuePair<ISymbol, PendingRewrite>(arraySymbol, new PendingRewrite(outermost, column, assigned, partial ? _environment[arraySymbol] : null)));
        }
        return partial ? assigned : null;
    }

    /// <summary>A column rescaled by statistics in the loops being run (<see cref="PendingRewrite.ByStatistics"/>), when the table's columns are known.</summary>
    private void PendStatisticsRewrite(ISymbol arraySymbol, ILoopOperation outermost, int column, AbstractValue assigned)
    {
        _pendingRewrites ??= new List<KeyValuePair<ISymbol, PendingRewrite>>();
        foreach (var pending in _pendingRewrites)
        {
            if (SymbolEqualityComparer.Default.Equals(pending.Key, arraySymbol) && ReferenceEquals(pending.Value.Outermost, outermost))
                return;
        }
        if (!_environment.TryGetValue(arraySymbol, out var before) || before.Columns.IsDefault || column >= before.Columns.Length || before.Columns.Length < 2
            || before.Scaling != ScalingKind.None || before.PartlyScaled)
            return;
        _pendingRewrites.Add(new KeyValuePair<ISymbol, PendingRewrite>(arraySymbol, new PendingRewrite(outermost, column, assigned, before, byStatistics: true)));
    }

    /// <summary>
    /// Whether the loop changes the table only by writes to one column (any rescaling of it, a read elsewhere): no other
    /// element written, the table not reassigned nor handed to a call.
    /// </summary>
    private bool OnlyRewriteOf(ISymbol arraySymbol, ILoopOperation loop)
    {
        int? column = null;
        foreach (var operation in loop.Descendants())
        {
            IOperation? target = operation switch
            {
                ISimpleAssignmentOperation simple => simple.Target,
                ICompoundAssignmentOperation compound => compound.Target,
                IIncrementOrDecrementOperation increment => increment.Target,
                _ => null,
            };
            if (operation is IArgumentOperation argument && IsReferenceTo(argument.Value, arraySymbol))
                return false;
            if (target is null)
                continue;
            if (IsReferenceTo(target, arraySymbol))
                return false;
            if (target is IArrayElementReferenceOperation element && IsReferenceTo(element.ArrayReference, arraySymbol))
            {
                if (element.Indices.Length != 2 || ConstantColumn(element.Indices[1]) is not int written || column is int before && before != written)
                    return false;
                column = written;
            }
        }
        return column is not null;
    }

    private static bool IsReferenceTo(IOperation operation, ISymbol symbol) => Strip(operation) switch
    {
        ILocalReferenceOperation local => SymbolEqualityComparer.Default.Equals(local.Local, symbol),
        IParameterReferenceOperation parameter => SymbolEqualityComparer.Default.Equals(parameter.Parameter, symbol),
        IFieldReferenceOperation field => SymbolEqualityComparer.Default.Equals(field.Field, symbol),
        _ => false,
    };

    /// <summary>A column index that is one number: a constant, or a local holding one literal integer (<c>var column = 1;</c>).</summary>
    private int? ConstantColumn(IOperation index)
    {
        if (index.ConstantValue.HasValue)
            return index.ConstantValue.Value is int constant ? constant : null;
        return Strip(index) is ILocalReferenceOperation local && _environment.TryGetValue(local.Local, out var held)
               && held.Origin == ValueOrigin.Literal && held.Range.IsConstant && held.Range.Low is >= 0 and <= MaxTrackedColumns && held.Range.Low == System.Math.Floor(held.Range.Low)
            ? (int)held.Range.Low
            : null;
    }

    /// <summary>The table after one column is rescaled by statistics: judged by its other columns, the largest named.</summary>
    private static AbstractValue OtherColumnsJudged(AbstractValue before, int column)
    {
        Interval? range = null;
        var largest = -1;
        for (var i = 0; i < before.Columns.Length; i++)
        {
            if (i == column)
                continue;
            var bound = before.Columns[i];
            range = range is { } joined ? joined.Join(bound) : bound;
            if (largest < 0 || !before.Columns[largest].IsKnown || (bound.IsKnown && bound.Magnitude > before.Columns[largest].Magnitude))
                largest = i;
        }
        var described = "column " + largest.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return before with
        {
            Range = range ?? Interval.Unknown,
            Columns = default,
            RowColumns = default,
            Evidence = null,
            JoinedColumns = false,
            PartlyScaled = true,
            UnscaledPart = described,
            SourceText = described + ", not scaled like the other columns,",
            Identity = new object(),
        };
    }

    /// <summary>After a loop: the arrays whose every element (or column) it rewrote hold the rewritten values.</summary>
    private void ApplyPendingRewrites(ILoopOperation loop)
    {
        if (_pendingRewrites is null || _pendingRewrites.Count == 0)
            return;
        var applied = false;
        foreach (var entry in _pendingRewrites)
        {
            if (!ReferenceEquals(entry.Value.Outermost, loop))
                continue;
            applied = true;
            if (entry.Value.ByStatistics)
            {
                // Only when nothing else in the loops changed the table beside that column (then it is still of that shape).
                if (entry.Value.PartlyBefore is { } table && entry.Value.Column is int rescaled && OnlyRewriteOf(entry.Key, loop))
                    WriteVariable(entry.Key, OtherColumnsJudged(table, rescaled), mutation: true);
                continue;
            }
            var rewritten = entry.Value.Element;
            if (!rewritten.Range.IsKnown || !_environment.TryGetValue(entry.Key, out var array) && entry.Key is not (IFieldSymbol or IPropertySymbol))
                continue;
            array ??= AbstractValue.Unknown;
            AbstractValue after;
            if (entry.Value.PartlyBefore is { } before)
            {
                // Some elements rewritten, the others as they were: both.
                after = before with
                {
                    Range = before.Range.Join(rewritten.Range),
                    Columns = default,
                    RowColumns = default,
                    Origin = AbstractValue.CombineOrigins(before.Origin, rewritten.Origin == ValueOrigin.Literal ? before.Origin : rewritten.Origin),
                    Evidence = AbstractValue.JoinEvidence(before, rewritten),
                    JoinedColumns = before.JoinedColumns || rewritten.JoinedColumns,
                    PartlyScaled = before.PartlyScaled || rewritten.PartlyScaled,
                };
            }
            else if (entry.Value.Column is int column)
            {
                if (array.Columns.IsDefault || column >= array.Columns.Length)
                    continue;
                var columns = array.Columns.SetItem(column, rewritten.Range);
                var range = columns[0];
                foreach (var other in columns)
                    range = range.Join(other);
                // Another column rewritten in place by what the analysis cannot bound keeps the whole unknown, not raw.
                after = array with { Columns = columns, Range = range, PartlyScaled = array.PartlyScaled && !range.IsKnown, Evidence = null, JoinedColumns = false };
            }
            else
            {
                after = array with { Range = rewritten.Range, Columns = default, Scaling = rewritten.Scaling, PartlyScaled = false, Evidence = null, JoinedColumns = false, RowColumns = default };
            }
            WriteVariable(entry.Key, after, mutation: true);
        }
        if (applied)
            _pendingRewrites.RemoveAll(entry => ReferenceEquals(entry.Value.Outermost, loop));
    }

    private RewriteCoverage Coverage(IOperation assignment, IArrayElementReferenceOperation element, out ISymbol? arraySymbol, out ILoopOperation? outermost, out int? column)
    {
        arraySymbol = null;
        outermost = null;
        column = null;
        // a[i], a[i, j], or rows[i][j] of a jagged array: the indices from the outermost array in.
        var indices = new List<IOperation>();
        IOperation arrayReference = element.ArrayReference;
        if (Strip(arrayReference) is IArrayElementReferenceOperation row)
        {
            indices.AddRange(row.Indices);
            arrayReference = row.ArrayReference;
        }
        indices.AddRange(element.Indices);
        arraySymbol = Strip(arrayReference) switch
        {
            ILocalReferenceOperation local => local.Local,
            IParameterReferenceOperation parameter => parameter.Parameter,
            IFieldReferenceOperation { Instance: null or IInstanceReferenceOperation } field => field.Field,
            _ => null,
        };
        if (arraySymbol is null)
            return RewriteCoverage.Unknown;
        var rectangular = element.Indices.Length == 2 && ReferenceEquals(arrayReference, element.ArrayReference);

        // The loops whose counters index the element, and that nothing but blocks and loops stands between them and it.
        var counters = new Dictionary<ILocalSymbol, int>(SymbolEqualityComparer.Default);
        for (var k = 0; k < indices.Count; k++)
        {
            // table[i, column] with column a local holding one number: a column, not a loop's counter.
            if (Strip(indices[k]) is ILocalReferenceOperation { Local: var local } && !(rectangular && k == 1 && ConstantColumn(indices[k]) is not null))
                counters[local] = k;
        }
        var loops = new IForLoopOperation?[indices.Count];
        var found = 0;
        var unconditional = true;
        for (var parent = assignment.Parent; parent is not null && found < counters.Count; parent = parent.Parent)
        {
            switch (parent)
            {
                case IExpressionStatementOperation or IBlockOperation:
                    continue;
                case IForLoopOperation forLoop when LoopCounter(forLoop) is { } counter && counters.TryGetValue(counter, out var position) && loops[position] is null:
                    loops[position] = forLoop;
                    found++;
                    outermost = forLoop;
                    continue;
                default:
                    unconditional = false;
                    continue;
            }
        }

        var whole = unconditional;
        for (var k = 0; k < indices.Count; k++)
        {
            var index = indices[k];
            if (index.ConstantValue.HasValue || loops[k] is null && rectangular && k == 1 && ConstantColumn(index) is not null)
            {
                // table[i, 2]: one column of a table, the others left alone.
                if (rectangular && k == 1 && ConstantColumn(index) is int constantColumn)
                {
                    column = constantColumn;
                    continue;
                }
                if (indices.Count == 1)
                    return RewriteCoverage.Partial;
                whole = false;
                continue;
            }
            if (loops[k] is not { } loop || LoopCounter(loop) is not { } loopCounter || !_loopCounters.TryGetValue(loopCounter, out var counted))
            {
                whole = false;
                continue;
            }
            var step = IncrementOf(loop.AtLoopBottom[0], loopCounter);
            if (counted.Start > 0 || step is > 1)
                return RewriteCoverage.Partial;
            // for (i = 0; i < Calibrated; i++) of an array of Total elements, Calibrated < Total: the rest are left alone.
            if (counted.End is int end && SizeOf(arraySymbol, k, rectangular) is long size && end < size - 1)
                return RewriteCoverage.Partial;
            if (step != 1)
                whole = false;
        }
        return whole && outermost is not null ? RewriteCoverage.Whole : RewriteCoverage.Unknown;
    }

    /// <summary>
    /// How many elements the array has along the dimension an index runs over, when known: its rows (the elements of a
    /// 1-D array, the rows of a table or the rows of a jagged array), or a table's columns.
    /// </summary>
    private long? SizeOf(ISymbol arraySymbol, int dimension, bool rectangular)
    {
        if (!_environment.TryGetValue(arraySymbol, out var array))
            return null;
        return dimension switch
        {
            0 => array.Rows,
            1 when rectangular && !array.Columns.IsDefault => array.Columns.Length,
            _ => null,
        };
    }

    private static ILocalSymbol? LoopCounter(IForLoopOperation loop)
        => loop.Condition is IBinaryOperation { LeftOperand: var left } && Strip(left) is ILocalReferenceOperation { Local: var counter } && loop.AtLoopBottom.Length == 1 ? counter : null;

    private static bool ReadsElement(IOperation value, IOperation target)
    {
        foreach (var operation in value.DescendantsAndSelf())
        {
            if (operation is IArrayElementReferenceOperation && Microsoft.CodeAnalysis.CSharp.SyntaxFactory.AreEquivalent(operation.Syntax, target.Syntax))
                return true;
        }
        return false;
    }

    /// <summary>
    /// Whether a rewrite's value is made of the element itself and constants only (<c>(x[i] - 128f) / 128f</c>, a
    /// <c>const</c>, a local holding one number, <c>Math</c> of those): then its interval is the elements' new bound.
    /// Statistics of the data (<c>mins[j]</c>, <c>mean</c>) bound it only loosely, so they do not qualify.
    /// </summary>
    private bool OnlyConstantsBeside(IOperation operation, IOperation target)
    {
        if (operation.ConstantValue.HasValue)
            return NumericConstant.ToDouble(operation.ConstantValue.Value) is not null;
        switch (operation)
        {
            case IArrayElementReferenceOperation when Microsoft.CodeAnalysis.CSharp.SyntaxFactory.AreEquivalent(operation.Syntax, target.Syntax):
                return true;
            case ILocalReferenceOperation local:
                return _environment.TryGetValue(local.Local, out var held) && held.Range.IsConstant && held.Origin == ValueOrigin.Literal;
            case IParenthesizedOperation or IConversionOperation or IUnaryOperation or IBinaryOperation:
                foreach (var child in operation.ChildOperations)
                {
                    if (!OnlyConstantsBeside(child, target))
                        return false;
                }
                return true;
            case IInvocationOperation { Instance: null, TargetMethod.ContainingType: { Name: "Math" or "MathF", ContainingNamespace.Name: "System" } } math:
                foreach (var argument in math.Arguments)
                {
                    if (!OnlyConstantsBeside(argument.Value, target))
                        return false;
                }
                return true;
            default:
                return false;
        }
    }
}
