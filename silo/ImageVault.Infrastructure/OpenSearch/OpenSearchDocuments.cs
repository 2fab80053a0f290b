using System.Text.Json;
using System.Text.Json.Nodes;
using ImageVault.Grains.Ports;

namespace ImageVault.Infrastructure.OpenSearch;

/// <summary>The index mapping and the mapping of <see cref="ImageSearchDocument"/> to OpenSearch JSON and back.</summary>
internal static class OpenSearchDocuments
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>
    /// Text goes through the built-in cjk analyzer (bigrams for Chinese/Japanese/Korean, words for the
    /// rest, lower-cased); filters are keywords with a lower-case normaliser; the whole document rides
    /// along unindexed under "doc" so hits need no second lookup.
    /// </summary>
    /// <summary>Dimension of the image embeddings the analysis pipeline stores (ResNet18 global pooling).</summary>
    public const int EmbeddingDimensions = 512;

    public static JsonObject IndexDefinition(string refreshInterval, SearchEngine engine) => new()
    {
        ["settings"] = new JsonObject
        {
            ["number_of_shards"] = 1,
            ["refresh_interval"] = refreshInterval,
            ["index.knn"] = engine == SearchEngine.OpenSearch ? true : null, // OpenSearch's k-NN plugin switch
            ["analysis"] = new JsonObject { ["normalizer"] = new JsonObject { ["lower"] = new JsonObject { ["type"] = "custom", ["filter"] = new JsonArray("lowercase") } } },
        },
        ["mappings"] = new JsonObject
        {
            ["dynamic"] = "strict",
            ["properties"] = new JsonObject
            {
                ["tenant"] = Keyword(), ["kind"] = Keyword(), ["id"] = Keyword(), ["version"] = Type("long"),
                ["text"] = new JsonObject { ["type"] = "text", ["analyzer"] = "cjk" },
                ["tags"] = Keyword(lower: true), ["albums"] = Keyword(), ["make"] = Keyword(lower: true), ["model"] = Keyword(lower: true),
                ["camera"] = Keyword(), ["year"] = Keyword(), ["format"] = Keyword(lower: true), ["orientation"] = Keyword(),
                ["trashed"] = Type("boolean"), ["favourite"] = Type("boolean"), ["has_location"] = Type("boolean"),
                ["rating"] = Type("integer"), ["long_edge"] = Type("integer"), ["location"] = Type("geo_point"),
                ["captured"] = Type("long"), ["uploaded"] = Type("long"), ["sort_captured"] = Type("long"), ["sort_uploaded"] = Type("long"),
                ["places"] = Keyword(lower: true),
                ["colours"] = Keyword(), ["colour_cells"] = Keyword(), ["stacked"] = Type("boolean"), ["analysis"] = Keyword(), ["stage"] = Keyword(),
                ["doc"] = new JsonObject { ["type"] = "object", ["enabled"] = false },
                ["embedding"] = EmbeddingField(engine),
            },
        },
    };

    /// <summary>Where the dialects differ: the vector field for similar-image search (filled by the analysis work).</summary>
    private static JsonObject EmbeddingField(SearchEngine engine) => engine == SearchEngine.Elasticsearch
        ? new JsonObject { ["type"] = "dense_vector", ["dims"] = EmbeddingDimensions, ["index"] = true, ["similarity"] = "cosine" }
        : new JsonObject
        {
            ["type"] = "knn_vector", ["dimension"] = EmbeddingDimensions,
            ["method"] = new JsonObject { ["name"] = "hnsw", ["space_type"] = "cosinesimil", ["engine"] = "lucene" },
        };

    public static string DocumentId(string tenant, string imageId) => Uri.EscapeDataString($"{tenant}/{imageId}");

    public static JsonObject ToJson(ImageSearchDocument d)
    {
        var json = Fields(d);
        if (d.Embedding is { } vector) json["embedding"] = new JsonArray([.. vector.Select(v => (JsonNode?)v)]);
        return json;
    }

    private static JsonObject Fields(ImageSearchDocument d) => new()
    {
        ["tenant"] = d.Tenant, ["kind"] = "image", ["id"] = d.Id, ["version"] = d.Version,
        ["text"] = d.SearchableText(),
        ["tags"] = new JsonArray([.. d.Tags.Select(t => (JsonNode?)t)]),
        ["places"] = new JsonArray([.. d.Places.Where(p => !string.IsNullOrWhiteSpace(p)).Select(p => (JsonNode?)p.Trim().ToLowerInvariant()).Distinct()]),
        ["albums"] = new JsonArray([.. d.AlbumIds.Select(a => (JsonNode?)a)]),
        ["make"] = d.Make, ["model"] = d.Model, ["camera"] = d.Camera,
        ["year"] = d.CapturedAt?.Year.ToString("D4", System.Globalization.CultureInfo.InvariantCulture),
        ["format"] = d.Format, ["orientation"] = d.Orientation, ["trashed"] = d.Trashed, ["favourite"] = d.Favourite,
        ["has_location"] = d.Latitude is not null && d.Longitude is not null,
        ["location"] = d.Latitude is { } lat && d.Longitude is { } lon ? new JsonObject { ["lat"] = lat, ["lon"] = lon } : null,
        ["rating"] = d.Rating,
        ["long_edge"] = d.Width is { } w && d.Height is { } h ? Math.Max(w, h) : null,
        ["captured"] = d.CapturedAt?.Ticks,
        ["uploaded"] = d.UploadedAt.UtcTicks,
        ["sort_captured"] = d.CapturedAt?.Ticks ?? d.UploadedAt.UtcTicks,
        ["sort_uploaded"] = d.UploadedAt.UtcTicks,
        ["colours"] = new JsonArray([.. d.Colours.Select(c => (JsonNode?)c)]),
        ["colour_cells"] = new JsonArray([.. d.ColourCells.Select(c => (JsonNode?)c)]),
        ["stacked"] = d.Stacked, ["analysis"] = d.Analysis, ["stage"] = d.Stage,
        ["doc"] = JsonSerializer.SerializeToNode(d, Json),
    };

    /// <summary>What a delete leaves: its version, so a late older write cannot bring the image back.</summary>
    public static JsonObject Tombstone(string tenant, string imageId, long version) =>
        new() { ["tenant"] = tenant, ["kind"] = "tombstone", ["id"] = imageId, ["version"] = version };

    public static ImageSearchDocument FromHit(JsonNode hit) => hit["_source"]!["doc"].Deserialize<ImageSearchDocument>(Json)!;

    private static JsonObject Keyword(bool lower = false) =>
        lower ? new JsonObject { ["type"] = "keyword", ["normalizer"] = "lower" } : Type("keyword");

    private static JsonObject Type(string type) => new() { ["type"] = type };
}
