using System.Collections.Generic;

namespace ScalingAnalyzer.Analysis;

/// <summary>
/// Intervals by key (a column's name, a lambda's parameter), held in a class of ours: a <c>Dictionary</c> whose values
/// are <see cref="Interval"/>s is a generic instantiation over a struct of ours, code that no ReadyToRun image holds and
/// that a fresh compiler process JIT-compiles, method by method, the first time a project meets it. Here the
/// dictionary's values are references (shared code the runtime ships precompiled) and this class's own code is in our
/// image. Values are boxed once per write; a copy shares the boxes, which are never changed.
/// </summary>
internal sealed class IntervalMap<TKey> where TKey : class
{
    private sealed class Box
    {
        public readonly Interval Value;

        public Box(Interval value) => Value = value;
    }

    private readonly Dictionary<TKey, Box> entries;

    public IntervalMap(IEqualityComparer<TKey> comparer) => entries = new Dictionary<TKey, Box>(comparer);

    public IntervalMap(IntervalMap<TKey> other) => entries = new Dictionary<TKey, Box>(other.entries, other.entries.Comparer);

    public int Count => entries.Count;

    /// <summary>The keys, in a list of their own: the map may be changed while they are walked.</summary>
    public List<TKey> Keys => new(entries.Keys);

    public Interval this[TKey key]
    {
        get => entries[key].Value;
        set => entries[key] = new Box(value);
    }

    public bool TryGetValue(TKey key, out Interval value)
    {
        if (entries.TryGetValue(key, out var box))
        {
            value = box.Value;
            return true;
        }
        value = default;
        return false;
    }

    public bool Remove(TKey key) => entries.Remove(key);
}
