using Cloud.Unum.USearch;

namespace ImageVault.Infrastructure.Search;

/// <summary>
/// In-process approximate nearest neighbours (USearch HNSW, cosine) beside the Lucene index: one graph
/// per tenant, so a tenant's query never walks another's vectors. Lucene holds the vectors (a stored
/// field) and is the truth; this is rebuilt from it when the index opens.
/// </summary>
internal sealed class HnswVectorIndex : IDisposable
{
    public const int Dimensions = 512;
    private readonly Dictionary<string, USearchIndex> _graphs = [];
    private readonly Dictionary<string, (string Tenant, ulong Key, int Fingerprint)> _keys = [];
    private readonly Dictionary<ulong, string> _uids = [];
    private readonly Lock _lock = new();
    private ulong _nextKey = 1;

    /// <summary>Puts (or replaces) the vector of <paramref name="uid"/>; a null vector removes it. The same vector
    /// again (a tag edit re-indexes the whole document) leaves the graph alone: removals leave holes in it.</summary>
    public void Set(string tenant, string uid, float[]? vector)
    {
        lock (_lock)
        {
            var fingerprint = vector is null ? 0 : Fingerprint(vector);
            if (vector is not null && _keys.TryGetValue(uid, out var existing) && existing.Tenant == tenant && existing.Fingerprint == fingerprint) return;
            Remove(uid);
            if (vector is not { Length: Dimensions }) return;
            if (!_graphs.TryGetValue(tenant, out var graph))
                _graphs[tenant] = graph = new USearchIndex(MetricKind.Cos, ScalarKind.Float32, Dimensions, connectivity: 16, expansionAdd: 128, expansionSearch: 256, multi: false);
            // The wrapper grows the graph's capacity itself when an add finds it full.
            var key = _nextKey++;
            graph.Add(key, vector);
            _keys[uid] = (tenant, key, fingerprint);
            _uids[key] = uid;
        }
    }

    public void Remove(string uid)
    {
        lock (_lock)
        {
            if (!_keys.Remove(uid, out var entry)) return;
            _uids.Remove(entry.Key);
            _graphs[entry.Tenant].Remove(entry.Key);
        }
    }

    /// <summary>Up to <paramref name="k"/> uids of <paramref name="tenant"/> nearest to the vector, with cosine similarity.</summary>
    public IReadOnlyList<(string Uid, double Similarity)> Nearest(string tenant, float[] vector, int k)
    {
        lock (_lock)
        {
            if (!_graphs.TryGetValue(tenant, out var graph) || graph.Size() == 0) return [];
            var found = graph.Search(vector, k, out ulong[] keys, out float[] distances);
            return Enumerable.Range(0, found).Where(i => _uids.ContainsKey(keys[i]))
                .Select(i => (_uids[keys[i]], 1.0 - distances[i])).ToArray();
        }
    }

    private static int Fingerprint(float[] vector)
    {
        var hash = new HashCode();
        foreach (var v in vector) hash.Add(v);
        return hash.ToHashCode();
    }

    public void Dispose()
    {
        lock (_lock)
            foreach (var graph in _graphs.Values) graph.Dispose();
    }
}
