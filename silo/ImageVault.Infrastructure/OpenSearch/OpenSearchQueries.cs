using System.Text.Json.Nodes;
using ImageVault.Grains.Ports;
using ImageVault.Infrastructure.Search;

namespace ImageVault.Infrastructure.OpenSearch;

/// <summary>
/// Translates an <see cref="ImageSearchQuery"/> into an OpenSearch search body. The tenant and the
/// live-document filter are always the first clauses; paging is search_after on (sort value, id).
/// </summary>
internal static class OpenSearchQueries
{
    public const int FacetValuesPerField = 25;

    public static JsonObject Search(string tenant, ImageSearchQuery q, SearchCursor? after, int size)
    {
        var filter = new JsonArray(Term("tenant", tenant), Term("kind", "image"), Term("trashed", q.Trashed));
        var must = new JsonArray();
        if (!string.IsNullOrWhiteSpace(q.Text))
            must.Add(new JsonObject { ["match"] = new JsonObject { ["text"] = new JsonObject { ["query"] = q.Text, ["operator"] = "and" } } });
        foreach (var tag in q.Tags) filter.Add(Term("tags", tag.Trim()));
        foreach (var place in q.Places) filter.Add(Term("places", place.Trim().ToLowerInvariant()));
        foreach (var colour in q.Colours) filter.Add(Term("colours", colour.Trim().ToLowerInvariant()));
        if (q.ColourCells.Count > 0) filter.Add(new JsonObject { ["terms"] = new JsonObject { ["colour_cells"] = new JsonArray([.. q.ColourCells.Select(c => (JsonNode?)c)]) } });
        AddTerm(filter, "albums", q.AlbumId);
        AddTerm(filter, "make", q.Make);
        AddTerm(filter, "camera", q.Camera);
        AddTerm(filter, "model", q.Model);
        AddTerm(filter, "format", q.Format);
        AddTerm(filter, "orientation", q.Orientation?.ToLowerInvariant());
        if (q.Favourite is { } fav) filter.Add(Term("favourite", fav));
        if (q.HasLocation is { } loc) filter.Add(Term("has_location", loc));
        if (q.MinRating is { } min) filter.Add(Range("rating", min, null));
        if (q.CapturedFrom is not null || q.CapturedTo is not null) filter.Add(Range("captured", q.CapturedFrom?.Ticks, q.CapturedTo?.Ticks));
        if (q.UploadedFrom is not null || q.UploadedTo is not null) filter.Add(Range("uploaded", q.UploadedFrom?.UtcTicks, q.UploadedTo?.UtcTicks));
        if (q.MinSize is not null || q.MaxSize is not null) filter.Add(Range("long_edge", q.MinSize, q.MaxSize));
        if (q.Box is { } box)
            filter.Add(new JsonObject
            {
                // geo_bounding_box understands a box whose west edge lies east of its east edge (antimeridian).
                ["geo_bounding_box"] = new JsonObject
                {
                    ["location"] = new JsonObject
                    {
                        ["top_left"] = new JsonObject { ["lat"] = box.North, ["lon"] = box.West },
                        ["bottom_right"] = new JsonObject { ["lat"] = box.South, ["lon"] = box.East },
                    },
                },
            });

        var (field, descending) = SortOf(q.Sort);
        var body = new JsonObject
        {
            ["size"] = size,
            ["track_total_hits"] = true,
            ["_source"] = new JsonArray("doc"),
            ["query"] = new JsonObject { ["bool"] = Bool(filter, must, q.IncludeStacked) },
            ["sort"] = new JsonArray(
                new JsonObject { [field] = new JsonObject { ["order"] = descending ? "desc" : "asc" } },
                new JsonObject { ["id"] = new JsonObject { ["order"] = "asc" } }),
        };
        if (after is not null) body["search_after"] = new JsonArray(after.Value, after.Id);
        if (q.Facets && after is null)
            body["aggs"] = new JsonObject
            {
                [SearchFacets.Tags] = Facet("tags"), [SearchFacets.Cameras] = Facet("camera"), [SearchFacets.Years] = Facet("year"),
                [SearchFacets.Colours] = Facet("colours"), [SearchFacets.Analysis] = Facet("analysis"), [SearchFacets.Stages] = Facet("stage"),
                [SearchFacets.Places] = Facet("places"),
            };
        return body;
    }

    /// <summary>kNN over the tenant's live images. OpenSearch (Lucene engine) filters inside the kNN clause;
    /// Elasticsearch takes a top-level knn section. Both score cosine as (1 + cos) / 2.</summary>
    public static JsonObject Similar(string tenant, float[] vector, int k, SearchEngine engine)
    {
        var filter = new JsonArray(Term("tenant", tenant), Term("kind", "image"), Term("trashed", false));
        var values = new JsonArray([.. vector.Select(v => (JsonNode?)v)]);
        return engine == SearchEngine.Elasticsearch
            ? new JsonObject
            {
                ["size"] = k, ["_source"] = new JsonArray("doc"),
                ["knn"] = new JsonObject
                {
                    ["field"] = "embedding", ["query_vector"] = values, ["k"] = k, ["num_candidates"] = Math.Max(100, 4 * k),
                    ["filter"] = new JsonObject { ["bool"] = new JsonObject { ["filter"] = filter } },
                },
            }
            : new JsonObject
            {
                ["size"] = k, ["_source"] = new JsonArray("doc"),
                ["query"] = new JsonObject
                {
                    ["knn"] = new JsonObject
                    {
                        ["embedding"] = new JsonObject
                        {
                            ["vector"] = values, ["k"] = k,
                            ["filter"] = new JsonObject { ["bool"] = new JsonObject { ["filter"] = filter } },
                        },
                    },
                },
            };
    }

    // Stacked images are left out with must_not, so documents written before stacking existed still match.
    private static JsonObject Bool(JsonArray filter, JsonArray must, bool includeStacked)
    {
        var clauses = new JsonObject { ["filter"] = filter, ["must"] = must };
        if (!includeStacked) clauses["must_not"] = new JsonArray(Term("stacked", true));
        return clauses;
    }

    public static JsonObject AlbumMembers(string tenant, string albumId, int size) => new()
    {
        ["size"] = size,
        ["_source"] = new JsonArray("id"),
        ["query"] = new JsonObject { ["bool"] = new JsonObject { ["filter"] = new JsonArray(Term("tenant", tenant), Term("kind", "image"), Term("albums", albumId)) } },
    };

    public static (string Field, bool Descending) SortOf(SearchSort sort) => sort switch
    {
        SearchSort.CapturedAsc => ("sort_captured", false),
        SearchSort.UploadedDesc => ("sort_uploaded", true),
        SearchSort.UploadedAsc => ("sort_uploaded", false),
        _ => ("sort_captured", true),
    };

    private static JsonObject Facet(string field) => new()
    {
        ["terms"] = new JsonObject
        {
            ["field"] = field, ["size"] = FacetValuesPerField,
            ["order"] = new JsonArray(new JsonObject { ["_count"] = "desc" }, new JsonObject { ["_key"] = "asc" }),
        },
    };

    private static JsonObject Term(string field, JsonNode? value) => new() { ["term"] = new JsonObject { [field] = value } };

    private static void AddTerm(JsonArray filter, string field, string? value)
    {
        if (!string.IsNullOrWhiteSpace(value)) filter.Add(Term(field, value));
    }

    private static JsonObject Range(string field, long? from, long? to)
    {
        var range = new JsonObject();
        if (from is not null) range["gte"] = from;
        if (to is not null) range["lte"] = to;
        return new JsonObject { ["range"] = new JsonObject { [field] = range } };
    }
}
