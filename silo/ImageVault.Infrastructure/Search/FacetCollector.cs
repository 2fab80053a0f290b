using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;

namespace ImageVault.Infrastructure.Search;

/// <summary>
/// Counts the values of a few sorted-set doc-values fields over every matching document, per
/// segment by ordinal (cheap), resolving ordinals to strings once per segment.
/// </summary>
internal sealed class FacetCollector(IReadOnlyList<string> fields) : ICollector
{
    private readonly Dictionary<string, Dictionary<string, long>> _totals = fields.ToDictionary(f => f, _ => new Dictionary<string, long>());
    private readonly List<(string Field, SortedSetDocValues Values, long[] Counts)> _segment = [];

    public bool AcceptsDocsOutOfOrder => true;

    public void SetScorer(Scorer scorer) { }

    public void SetNextReader(AtomicReaderContext context)
    {
        FlushSegment();
        foreach (var field in fields)
            if (context.AtomicReader.GetSortedSetDocValues(field) is { } values)
                _segment.Add((field, values, new long[values.ValueCount]));
    }

    public void Collect(int doc)
    {
        foreach (var (_, values, counts) in _segment)
        {
            values.SetDocument(doc);
            for (var ord = values.NextOrd(); ord != SortedSetDocValues.NO_MORE_ORDS; ord = values.NextOrd()) counts[ord]++;
        }
    }

    public IReadOnlyDictionary<string, IReadOnlyList<(string Value, long Count)>> Top(int perField)
    {
        FlushSegment();
        return _totals.ToDictionary(kv => kv.Key, kv => (IReadOnlyList<(string, long)>)kv.Value
            .OrderByDescending(x => x.Value).ThenBy(x => x.Key, StringComparer.Ordinal).Take(perField)
            .Select(x => (x.Key, x.Value)).ToArray());
    }

    private void FlushSegment()
    {
        var term = new BytesRef();
        foreach (var (field, values, counts) in _segment)
            for (var ord = 0; ord < counts.Length; ord++)
            {
                if (counts[ord] == 0) continue;
                values.LookupOrd(ord, term);
                var key = term.Utf8ToString();
                _totals[field][key] = _totals[field].GetValueOrDefault(key) + counts[ord];
            }
        _segment.Clear();
    }
}
