using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using ImageVault.Grains.Ports;
using ImageVault.Infrastructure.Search;

namespace ImageVault.Infrastructure.OpenSearch;

/// <summary>
/// The search index on OpenSearch 2.x, over plain JSON/HTTP. One shared index: every document is routed
/// by its tenant and every query filters on it. Writes use external versions (the image grain's), so an
/// older write is refused with 409 and reported as "not written"; deletes leave a tombstone at the
/// deletion's version; <c>refresh=wait_for</c> makes an acknowledged write visible to searches.
/// </summary>
public sealed class OpenSearchImageSearchIndex : IImageSearchIndex, IDisposable
{
    private readonly HttpClient _http;
    private readonly string _index;
    private readonly string _refreshInterval;
    private readonly SearchEngine _engine;
    private readonly Lazy<Task> _ready;

    public OpenSearchImageSearchIndex(OpenSearchOptions options, HttpMessageHandler? handler = null)
    {
        _http = new HttpClient(handler ?? new SocketsHttpHandler()) { BaseAddress = new Uri(options.Endpoint.TrimEnd('/') + "/"), Timeout = TimeSpan.FromSeconds(60) };
        // Elasticsearch 8/9 answer plain JSON requests as their v8 REST API; say which media type we read.
        if (options.Engine == SearchEngine.Elasticsearch) _http.DefaultRequestHeaders.Accept.ParseAdd("application/json");
        if (options.Username is not null)
            _http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic",
                Convert.ToBase64String(Encoding.UTF8.GetBytes($"{options.Username}:{options.Password}")));
        (_index, _refreshInterval, _engine) = (options.Index, options.RefreshInterval, options.Engine);
        _ready = new Lazy<Task>(EnsureIndexAsync);
    }

    public Task<bool> UpsertAsync(ImageSearchDocument document, CancellationToken ct = default) =>
        WriteAsync(document.Tenant, document.Id, document.Version, OpenSearchDocuments.ToJson(document), ct);

    public Task DeleteAsync(string tenant, string imageId, long version, CancellationToken ct = default) =>
        WriteAsync(tenant, imageId, version, OpenSearchDocuments.Tombstone(tenant, imageId, version), ct);

    public async Task<ImageSearchResult> SearchAsync(string tenant, ImageSearchQuery query, CancellationToken ct = default)
    {
        var after = query.Cursor is { } c ? SearchCursor.Decode(c, query.Sort) : null;
        var limit = Math.Clamp(query.Limit, 1, 500);
        var result = await SearchRawAsync(tenant, OpenSearchQueries.Search(tenant, query, after, limit + 1), ct);
        var hits = result["hits"]!["hits"]!.AsArray();
        var items = hits.Take(limit).Select(h => OpenSearchDocuments.FromHit(h!)).ToArray();
        string? next = null;
        if (hits.Count > limit && hits[limit - 1]!["sort"] is JsonArray sort)
            next = new SearchCursor(query.Sort, sort[0]!.GetValue<long>(), items[^1].Id).Encode();
        var total = result["hits"]!["total"]!["value"]!.GetValue<long>();
        return new ImageSearchResult(total, items, next, Facets(result["aggregations"] as JsonObject));
    }

    public async Task<IReadOnlyList<SimilarHit>> SimilarAsync(string tenant, float[] vector, int k, CancellationToken ct = default)
    {
        var result = await SearchRawAsync(tenant, OpenSearchQueries.Similar(tenant, vector, Math.Clamp(k, 1, 1000), _engine), ct);
        return result["hits"]!["hits"]!.AsArray()
            .Select(h => new SimilarHit(OpenSearchDocuments.FromHit(h!), Math.Round(2 * h!["_score"]!.GetValue<double>() - 1, 6)))
            .ToArray();
    }

    public async Task<IReadOnlyList<string>> ImageIdsInAlbumAsync(string tenant, string albumId, int limit, CancellationToken ct = default)
    {
        var result = await SearchRawAsync(tenant, OpenSearchQueries.AlbumMembers(tenant, albumId, Math.Clamp(limit, 1, 10_000)), ct);
        return result["hits"]!["hits"]!.AsArray().Select(h => h!["_source"]!["id"]!.GetValue<string>()).ToArray();
    }

    private async Task<bool> WriteAsync(string tenant, string imageId, long version, JsonObject body, CancellationToken ct)
    {
        await _ready.Value;
        var path = $"{_index}/_doc/{OpenSearchDocuments.DocumentId(tenant, imageId)}?version={version}&version_type=external" +
                   $"&routing={Uri.EscapeDataString(tenant)}&refresh=wait_for";
        using var response = await _http.PutAsync(path, Content(body), ct);
        if (response.StatusCode == HttpStatusCode.Conflict) return false; // the index holds this version or a newer one
        await EnsureSuccess(response, "write", ct);
        return true;
    }

    private async Task<JsonNode> SearchRawAsync(string tenant, JsonObject body, CancellationToken ct)
    {
        await _ready.Value;
        using var response = await _http.PostAsync($"{_index}/_search?routing={Uri.EscapeDataString(tenant)}", Content(body), ct);
        await EnsureSuccess(response, "search", ct);
        return JsonNode.Parse(await response.Content.ReadAsStringAsync(ct))!;
    }

    private static IReadOnlyDictionary<string, IReadOnlyList<(string Value, long Count)>>? Facets(JsonObject? aggregations) =>
        aggregations?.ToDictionary(a => a.Key, a => (IReadOnlyList<(string, long)>)a.Value!["buckets"]!.AsArray()
            .Select(b => (b!["key"]!.GetValue<string>(), b["doc_count"]!.GetValue<long>())).ToArray());

    private async Task EnsureIndexAsync()
    {
        using var head = await _http.SendAsync(new HttpRequestMessage(HttpMethod.Head, _index));
        if (head.IsSuccessStatusCode)
        {
            // An index made by an older ImageVault: add the fields it lacks (adding fields is always allowed).
            var mappings = OpenSearchDocuments.IndexDefinition(_refreshInterval, _engine)["mappings"]!.DeepClone();
            using var updated = await _http.PutAsync($"{_index}/_mapping", Content(new JsonObject { ["properties"] = mappings["properties"]!.DeepClone() }));
            await EnsureSuccess(updated, "mapping update", CancellationToken.None);
            return;
        }
        using var created = await _http.PutAsync(_index, Content(OpenSearchDocuments.IndexDefinition(_refreshInterval, _engine)));
        var text = await created.Content.ReadAsStringAsync();
        if (!created.IsSuccessStatusCode && !text.Contains("resource_already_exists_exception", StringComparison.Ordinal))
            throw new SearchIndexException($"creating index '{_index}' failed with {(int)created.StatusCode}: {Short(text)}");
    }

    private static StringContent Content(JsonNode body) => new(body.ToJsonString(), Encoding.UTF8, "application/json");

    private static async Task EnsureSuccess(HttpResponseMessage response, string what, CancellationToken ct)
    {
        if (response.IsSuccessStatusCode) return;
        throw new SearchIndexException($"OpenSearch {what} failed with {(int)response.StatusCode}: {Short(await response.Content.ReadAsStringAsync(ct))}");
    }

    private static string Short(string text) => text.Length > 500 ? text[..500] : text;

    public void Dispose() => _http.Dispose();
}

/// <summary>The search engine failed or refused a request (not: the query was malformed).</summary>
public sealed class SearchIndexException(string message) : IOException(message);
