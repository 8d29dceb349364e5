using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Runtime.CompilerServices;

namespace QualityGate.Coverage;

/// <summary>
/// The lines of one file, indexed by line number. Source lines are dense (a file's coverable lines run from a few
/// to a few thousand with small gaps), so they live in an array slot per line number: no hashing and no entry
/// overhead, and they enumerate in line order. A file whose numbers are far sparser than that (a corrupt or odd
/// report: line 2,000,000,000 alone) moves to a dictionary instead of allocating the gap.
/// </summary>
internal sealed class LineTable : IReadOnlyDictionary<int, LineHits>
{
    private const int DenseFloor = 4096;

    private LineHits[] _dense = Array.Empty<LineHits>();
    private bool[] _present = Array.Empty<bool>();
    private Dictionary<int, LineHits>? _sparse;

    public int Count { get; private set; }

    public LineHits this[int key] => TryGetValue(key, out var value) ? value : throw new KeyNotFoundException($"Line {key} is not coverable in this file.");

    public IEnumerable<int> Keys => this.Select(pair => pair.Key);

    public IEnumerable<LineHits> Values => this.Select(pair => pair.Value);

    public bool ContainsKey(int key) => TryGetValue(key, out _);

    [MethodImpl(HotPath.Optimized)]
    public bool TryGetValue(int key, out LineHits value)
    {
        if (_sparse is not null)
        {
            return _sparse.TryGetValue(key, out value);
        }

        if ((uint)key < (uint)_present.Length && _present[key])
        {
            value = _dense[key];
            return true;
        }

        value = default;
        return false;
    }

    /// <summary>Stores <paramref name="value"/> for <paramref name="key"/>; <paramref name="added"/> says it was not there.</summary>
    [MethodImpl(HotPath.Optimized)]
    public void Set(int key, LineHits value, bool added)
    {
        if (_sparse is null && (uint)key >= (uint)_present.Length && !Grow(key))
        {
            ToSparse();
        }

        if (_sparse is not null)
        {
            _sparse[key] = value;
        }
        else
        {
            _dense[key] = value;
            _present[key] = true;
        }

        Count += added ? 1 : 0;
    }

    public IEnumerator<KeyValuePair<int, LineHits>> GetEnumerator()
    {
        if (_sparse is not null)
        {
            foreach (var pair in _sparse.OrderBy(p => p.Key))
            {
                yield return pair;
            }

            yield break;
        }

        for (var line = 0; line < _present.Length; line++)
        {
            if (_present[line])
            {
                yield return new KeyValuePair<int, LineHits>(line, _dense[line]);
            }
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    private bool Grow(int key)
    {
        // Dense while the array stays within 16 slots per line held (or 4096 slots): far above real gaps.
        if (key < 0 || key >= Math.Max(DenseFloor, 16 * (Count + 1)))
        {
            return false;
        }

        var size = Math.Max(64, _present.Length);
        while (size <= key)
        {
            size *= 2;
        }

        Array.Resize(ref _dense, size);
        Array.Resize(ref _present, size);
        return true;
    }

    private void ToSparse()
    {
        _sparse = new Dictionary<int, LineHits>(Math.Max(Count, 4));
        for (var line = 0; line < _present.Length; line++)
        {
            if (_present[line])
            {
                _sparse.Add(line, _dense[line]);
            }
        }

        _dense = Array.Empty<LineHits>();
        _present = Array.Empty<bool>();
    }
}
