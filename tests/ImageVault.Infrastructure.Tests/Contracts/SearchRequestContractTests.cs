using System.Net;
using System.Text.Json.Nodes;
using ImageVault.Grains.Ports;
using ImageVault.Infrastructure.OpenSearch;

namespace ImageVault.Infrastructure.Tests.Contracts;

/// <summary>
/// The exact requests the JSON search adapter sends, for both engines. OpenSearch is also verified live
/// (OpenSearchIndexTests); for Elasticsearch 8/9 these pinned requests are the only verification so far.
/// </summary>
public class SearchRequestContractTests
{
    private sealed class Recorder : HttpMessageHandler
    {
        public List<(HttpMethod Method, string Path, JsonNode? Body, string? Accept)> Requests { get; } = [];
        public HttpStatusCode WriteStatus { get; set; } = HttpStatusCode.Created;
        public bool IndexExists { get; set; } = true;

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken ct)
        {
            var body = request.Content is null ? null : JsonNode.Parse(await request.Content.ReadAsStringAsync(ct));
            Requests.Add((request.Method, request.RequestUri!.PathAndQuery, body, request.Headers.Accept.ToString()));
            var status = request.Method == HttpMethod.Head ? (IndexExists ? HttpStatusCode.OK : HttpStatusCode.NotFound)
                : request.Method == HttpMethod.Put && request.RequestUri.AbsolutePath.Contains("/_doc/") ? WriteStatus : HttpStatusCode.OK;
            var text = request.RequestUri.AbsolutePath.EndsWith("/_search") ? """{"hits":{"total":{"value":0},"hits":[]}}""" : "{}";
            return new HttpResponseMessage(status) { Content = new StringContent(text) };
        }
    }

    private static (OpenSearchImageSearchIndex, Recorder) Index(SearchEngine engine, Action<Recorder>? setup = null)
    {
        var recorder = new Recorder();
        setup?.Invoke(recorder);
        return (new OpenSearchImageSearchIndex(new OpenSearchOptions { Endpoint = "http://search.test:9200", Index = "iv", Engine = engine }, recorder), recorder);
    }

    private static readonly ImageSearchDocument Document = new()
    {
        Tenant = "acme", Id = "img1", Version = 7, FileName = "beach-day.jpg", Format = "jpeg", Title = "Sunset",
        Tags = ["Sea"], AlbumIds = ["al1"], Make = "Canon", Model = "Canon EOS 5D", CapturedAt = new DateTime(2020, 1, 2, 3, 4, 5),
        UploadedAt = new DateTimeOffset(2024, 5, 6, 7, 8, 9, TimeSpan.Zero), Rating = 4, Favourite = true,
        Latitude = 48.85, Longitude = 2.35, Width = 400, Height = 300,
    };

    [Theory]
    [InlineData(SearchEngine.OpenSearch)]
    [InlineData(SearchEngine.Elasticsearch)]
    public async Task Writes_are_external_versioned_routed_and_wait_for_refresh(SearchEngine engine)
    {
        var (index, recorder) = Index(engine);
        Assert.True(await index.UpsertAsync(Document));
        var (method, path, body, _) = recorder.Requests.Last();
        Assert.Equal((HttpMethod.Put, "/iv/_doc/acme%2Fimg1?version=7&version_type=external&routing=acme&refresh=wait_for"), (method, path));
        var expected = JsonNode.Parse("""
            {"tenant":"acme","kind":"image","id":"img1","version":7,"text":"beach-day.jpg\nbeach day jpg\nSunset\nCanon\nCanon EOS 5D\nSea",
             "tags":["Sea"],"places":[],"albums":["al1"],"make":"Canon","model":"Canon EOS 5D","camera":"Canon EOS 5D","year":"2020","format":"jpeg",
             "orientation":"landscape","trashed":false,"favourite":true,"has_location":true,"location":{"lat":48.85,"lon":2.35},"rating":4,
             "long_edge":400,"captured":637135310450000000,"uploaded":638505760890000000,"sort_captured":637135310450000000,
             "sort_uploaded":638505760890000000,"colours":[],"colour_cells":[],"stacked":false,"analysis":"none","stage":""}
            """)!.AsObject();
        var sent = body!.AsObject().DeepClone().AsObject();
        Assert.NotNull(sent["doc"]); // the whole document rides along, unindexed
        sent.Remove("doc");
        Assert.True(JsonNode.DeepEquals(expected, sent), sent.ToJsonString());
    }

    [Theory]
    [InlineData(SearchEngine.OpenSearch)]
    [InlineData(SearchEngine.Elasticsearch)]
    public async Task A_version_conflict_is_not_written_and_deletes_leave_tombstones(SearchEngine engine)
    {
        var (index, recorder) = Index(engine, r => r.WriteStatus = HttpStatusCode.Conflict);
        Assert.False(await index.UpsertAsync(Document));
        recorder.WriteStatus = HttpStatusCode.OK;
        await index.DeleteAsync("acme", "img1", 8);
        var (_, path, body, _) = recorder.Requests.Last();
        Assert.Equal("/iv/_doc/acme%2Fimg1?version=8&version_type=external&routing=acme&refresh=wait_for", path);
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse("""{"tenant":"acme","kind":"tombstone","id":"img1","version":8}"""), body));
    }

    [Theory]
    [InlineData(SearchEngine.OpenSearch)]
    [InlineData(SearchEngine.Elasticsearch)]
    public async Task A_search_with_every_filter_sends_this_body(SearchEngine engine)
    {
        var (index, recorder) = Index(engine);
        await index.SearchAsync("acme", new ImageSearchQuery
        {
            Text = "sunset sea", Tags = ["Sea"], AlbumId = "al1", CapturedFrom = new DateTime(2020, 1, 1), CapturedTo = new DateTime(2020, 12, 31),
            Make = "canon", Camera = "Canon EOS 5D", Model = "eos", MinRating = 3, Favourite = true, HasLocation = true, Box = new GeoBox(40, 170, 50, -170),
            Orientation = "Landscape", MinSize = 100, MaxSize = 5000, Format = "jpeg", Sort = SearchSort.UploadedAsc, Limit = 10, Facets = true,
            Colours = ["Red"], ColourCells = ["c6_6_4", "c6_7_4"], Places = ["Paris"],
        });
        var (method, path, body, accept) = recorder.Requests.Last();
        Assert.Equal((HttpMethod.Post, "/iv/_search?routing=acme"), (method, path));
        Assert.Equal(engine == SearchEngine.Elasticsearch ? "application/json" : "", accept);
        var expected = JsonNode.Parse("""
            {"size":11,"track_total_hits":true,"_source":["doc"],
             "query":{"bool":{
               "filter":[{"term":{"tenant":"acme"}},{"term":{"kind":"image"}},{"term":{"trashed":false}},{"term":{"tags":"Sea"}},{"term":{"places":"paris"}},
                 {"term":{"colours":"red"}},{"terms":{"colour_cells":["c6_6_4","c6_7_4"]}},
                 {"term":{"albums":"al1"}},{"term":{"make":"canon"}},{"term":{"camera":"Canon EOS 5D"}},{"term":{"model":"eos"}},{"term":{"format":"jpeg"}},
                 {"term":{"orientation":"landscape"}},{"term":{"favourite":true}},{"term":{"has_location":true}},
                 {"range":{"rating":{"gte":3}}},{"range":{"captured":{"gte":637134336000000000,"lte":637449696000000000}}},
                 {"range":{"long_edge":{"gte":100,"lte":5000}}},
                 {"geo_bounding_box":{"location":{"top_left":{"lat":50,"lon":170},"bottom_right":{"lat":40,"lon":-170}}}}],
               "must":[{"match":{"text":{"query":"sunset sea","operator":"and"}}}],
               "must_not":[{"term":{"stacked":true}}]}},
             "sort":[{"sort_uploaded":{"order":"asc"}},{"id":{"order":"asc"}}],
             "aggs":{"tags":{"terms":{"field":"tags","size":25,"order":[{"_count":"desc"},{"_key":"asc"}]}},
                     "cameras":{"terms":{"field":"camera","size":25,"order":[{"_count":"desc"},{"_key":"asc"}]}},
                     "years":{"terms":{"field":"year","size":25,"order":[{"_count":"desc"},{"_key":"asc"}]}},
                     "colours":{"terms":{"field":"colours","size":25,"order":[{"_count":"desc"},{"_key":"asc"}]}},
                     "analysis":{"terms":{"field":"analysis","size":25,"order":[{"_count":"desc"},{"_key":"asc"}]}},
                     "stages":{"terms":{"field":"stage","size":25,"order":[{"_count":"desc"},{"_key":"asc"}]}},
                     "places":{"terms":{"field":"places","size":25,"order":[{"_count":"desc"},{"_key":"asc"}]}}}}
            """);
        Assert.True(JsonNode.DeepEquals(expected, body), body!.ToJsonString());
    }

    [Theory]
    [InlineData(SearchEngine.OpenSearch)]
    [InlineData(SearchEngine.Elasticsearch)]
    public async Task A_similar_image_search_sends_this_knn_body(SearchEngine engine)
    {
        var (index, recorder) = Index(engine);
        await index.SimilarAsync("acme", [0.6f, 0.8f], 5);
        var (method, path, body, _) = recorder.Requests.Last();
        Assert.Equal((HttpMethod.Post, "/iv/_search?routing=acme"), (method, path));
        const string filter = """{"bool":{"filter":[{"term":{"tenant":"acme"}},{"term":{"kind":"image"}},{"term":{"trashed":false}}]}}""";
        var expected = JsonNode.Parse(engine == SearchEngine.Elasticsearch
            ? """{"size":5,"_source":["doc"],"knn":{"field":"embedding","query_vector":[0.6,0.8],"k":5,"num_candidates":100,"filter":""" + filter + "}}"
            : """{"size":5,"_source":["doc"],"query":{"knn":{"embedding":{"vector":[0.6,0.8],"k":5,"filter":""" + filter + "}}}}");
        Assert.True(JsonNode.DeepEquals(expected, body), body!.ToJsonString());
    }

    [Fact]
    public async Task Documents_carry_their_vector_colours_and_analysis_state()
    {
        var (index, recorder) = Index(SearchEngine.OpenSearch);
        await index.UpsertAsync(Document with { Embedding = [1f, 0f], Colours = ["blue"], ColourCells = ["c5_0_-5"], Analysis = "done", Text = "EXIT" });
        var body = recorder.Requests.Last().Body!;
        Assert.Equal([1f, 0f], body["embedding"]!.AsArray().Select(v => v!.GetValue<float>()));
        Assert.Equal("blue", body["colours"]![0]!.GetValue<string>());
        Assert.Equal("c5_0_-5", body["colour_cells"]![0]!.GetValue<string>());
        Assert.Equal("done", body["analysis"]!.GetValue<string>());
        Assert.Contains("EXIT", body["text"]!.GetValue<string>());
        Assert.Null(body["doc"]!["embedding"]); // the vector is indexed, never carried in hits
    }

    [Fact]
    public async Task An_existing_index_gets_new_fields_added_to_its_mapping()
    {
        var (index, recorder) = Index(SearchEngine.OpenSearch);
        await index.SearchAsync("acme", new ImageSearchQuery());
        var update = recorder.Requests.Single(r => r.Method == HttpMethod.Put);
        Assert.Equal("/iv/_mapping", update.Path);
        Assert.Equal("keyword", update.Body!["properties"]!["colour_cells"]!["type"]!.GetValue<string>());
    }

    [Theory]
    [InlineData(SearchEngine.OpenSearch)]
    [InlineData(SearchEngine.Elasticsearch)]
    public async Task A_missing_index_is_created_with_the_mapping(SearchEngine engine)
    {
        var (index, recorder) = Index(engine, r => r.IndexExists = false);
        await index.SearchAsync("acme", new ImageSearchQuery());
        var create = recorder.Requests.Single(r => r.Method == HttpMethod.Put);
        Assert.Equal("/iv", create.Path);
        var mapping = create.Body!["mappings"]!;
        Assert.Equal("strict", mapping["dynamic"]!.GetValue<string>());
        Assert.Equal("cjk", mapping["properties"]!["text"]!["analyzer"]!.GetValue<string>());
        Assert.Equal("geo_point", mapping["properties"]!["location"]!["type"]!.GetValue<string>());
        Assert.False(mapping["properties"]!["doc"]!["enabled"]!.GetValue<bool>());
        Assert.Equal("250ms", create.Body["settings"]!["refresh_interval"]!.GetValue<string>());
        var embedding = mapping["properties"]!["embedding"]!;
        if (engine == SearchEngine.Elasticsearch)
        {
            Assert.Equal(("dense_vector", 512, "cosine"), (embedding["type"]!.GetValue<string>(), embedding["dims"]!.GetValue<int>(), embedding["similarity"]!.GetValue<string>()));
            Assert.Null(create.Body["settings"]!["index.knn"]);
        }
        else
        {
            Assert.Equal(("knn_vector", 512, "cosinesimil"), (embedding["type"]!.GetValue<string>(), embedding["dimension"]!.GetValue<int>(), embedding["method"]!["space_type"]!.GetValue<string>()));
            Assert.True(create.Body["settings"]!["index.knn"]!.GetValue<bool>());
        }
    }
}
