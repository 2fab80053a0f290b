using ImageVault.Grains.Ports;

namespace ImageVault.Infrastructure.Tests.Contracts;

/// <summary>What every <see cref="IImageSearchIndex"/> adapter must do. Each test works in a tenant of its own.</summary>
public abstract partial class SearchIndexContract
{
    protected abstract IImageSearchIndex Index { get; }
    private readonly string _tenant = $"t{Guid.NewGuid():N}"[..20];
    protected string Tenant => _tenant;
    private int _next;

    protected ImageSearchDocument Doc(Func<ImageSearchDocument, ImageSearchDocument>? shape = null)
    {
        var n = Interlocked.Increment(ref _next);
        var doc = new ImageSearchDocument
        {
            Tenant = _tenant, Id = $"img{n:D4}", Version = 1, FileName = $"IMG_{n:D4}.jpg", Format = "jpeg",
            UploadedAt = new DateTimeOffset(2024, 1, 1, 0, 0, 0, TimeSpan.Zero).AddMinutes(n), Width = 400, Height = 300,
        };
        return shape is null ? doc : shape(doc);
    }

    private async Task<ImageSearchDocument[]> Put(params ImageSearchDocument[] docs)
    {
        foreach (var d in docs) await Index.UpsertAsync(d);
        return docs;
    }

    private async Task<string[]> Ids(ImageSearchQuery q, string? tenant = null) =>
        (await Index.SearchAsync(tenant ?? _tenant, q)).Items.Select(i => i.Id).Order().ToArray();

    [Fact]
    public async Task Finds_by_words_of_name_title_description_tags_camera_and_place()
    {
        var docs = await Put(
            Doc(d => d with { FileName = "holiday-beach.jpg" }),
            Doc(d => d with { Title = "Sunset over the harbour" }),
            Doc(d => d with { Tags = ["Grandma"] }),
            Doc(d => d with { Make = "FUJIFILM", Model = "X100V" }),
            Doc(d => d with { Places = ["Reykjavik"] }),
            Doc(d => d with { Description = "北京天安门广场的照片" }));
        Assert.Equal([docs[0].Id], await Ids(new() { Text = "beach" }));
        Assert.Equal([docs[1].Id], await Ids(new() { Text = "harbour" }));
        Assert.Equal([docs[2].Id], await Ids(new() { Text = "grandma" }));
        Assert.Equal([docs[3].Id], await Ids(new() { Text = "x100v" }));
        Assert.Equal([docs[4].Id], await Ids(new() { Text = "Reykjavik" }));
        Assert.Equal([docs[5].Id], await Ids(new() { Text = "天安门" }));
        Assert.Empty(await Ids(new() { Text = "beach harbour" })); // all words must match
    }

    [Fact]
    public async Task Never_returns_another_tenants_images()
    {
        var mine = await Put(Doc(d => d with { Tags = ["shared"] }));
        var other = $"o{Guid.NewGuid():N}"[..20];
        await Index.UpsertAsync(Doc(d => d with { Tenant = other, Tags = ["shared"] }));
        Assert.Equal([mine[0].Id], await Ids(new() { Tags = ["shared"] }));
        Assert.Single(await Ids(new() { Tags = ["shared"] }, other));
    }

    [Fact]
    public async Task Older_versions_never_replace_newer_ones()
    {
        var doc = Doc(d => d with { Version = 5, Title = "new" });
        Assert.True(await Index.UpsertAsync(doc));
        Assert.False(await Index.UpsertAsync(doc with { Version = 4, Title = "old" }));
        Assert.Equal("new", (await Index.SearchAsync(_tenant, new())).Items.Single().Title);
        await Index.DeleteAsync(_tenant, doc.Id, 6);
        Assert.False(await Index.UpsertAsync(doc with { Version = 5 })); // a late retry cannot resurrect it
        Assert.Empty(await Ids(new()));
    }

    [Fact]
    public async Task Filters_combine()
    {
        var d = await Put(
            Doc(x => x with { Tags = ["a", "b"], AlbumIds = ["alb1"], Rating = 4, Favourite = true, Make = "Canon", Model = "EOS 5D" }),
            Doc(x => x with { Tags = ["a"], Rating = 2, Width = 300, Height = 400, Format = "png" }),
            Doc(x => x with { Tags = ["b"], CapturedAt = new DateTime(2019, 6, 1, 12, 0, 0), Width = 4000, Height = 3000 }),
            Doc(x => x with { Trashed = true, Tags = ["a"] }));
        Assert.Equal([d[0].Id, d[1].Id], await Ids(new() { Tags = ["A"] }));
        Assert.Equal([d[0].Id], await Ids(new() { Tags = ["a", "b"] }));
        Assert.Equal([d[0].Id], await Ids(new() { AlbumId = "alb1" }));
        Assert.Equal([d[0].Id], await Ids(new() { MinRating = 3 }));
        Assert.Equal([d[0].Id], await Ids(new() { Favourite = true }));
        Assert.Equal([d[0].Id], await Ids(new() { Make = "canon", Model = "eos 5d" }));
        Assert.Equal([d[1].Id], await Ids(new() { Orientation = "portrait" }));
        Assert.Equal([d[1].Id], await Ids(new() { Format = "png" }));
        Assert.Equal([d[2].Id], await Ids(new() { MinSize = 1000 }));
        Assert.Equal([d[0].Id, d[1].Id], await Ids(new() { MaxSize = 500 }));
        Assert.Equal([d[2].Id], await Ids(new() { CapturedFrom = new DateTime(2019, 1, 1), CapturedTo = new DateTime(2019, 12, 31) }));
        Assert.Equal([d[3].Id], await Ids(new() { Trashed = true }));
        Assert.Equal([d[1].Id, d[2].Id], await Ids(new() { UploadedFrom = d[1].UploadedAt, UploadedTo = d[2].UploadedAt }));
    }

    [Fact]
    public async Task Bounding_boxes_filter_by_place_including_across_the_antimeridian()
    {
        var d = await Put(
            Doc(x => x with { Latitude = 48.85, Longitude = 2.35 }),
            Doc(x => x with { Latitude = -17.7, Longitude = 178.0 }),
            Doc(x => x with { Latitude = -14.3, Longitude = -170.7 }),
            Doc());
        Assert.Equal([d[0].Id], await Ids(new() { Box = new GeoBox(40, -5, 55, 10) }));
        Assert.Equal([d[1].Id, d[2].Id], await Ids(new() { Box = new GeoBox(-20, 170, -10, -165) }));
        Assert.Equal([d[0].Id, d[1].Id, d[2].Id], await Ids(new() { HasLocation = true }));
        Assert.Equal([d[3].Id], await Ids(new() { HasLocation = false }));
    }

    [Fact]
    public async Task Cursor_pages_cover_everything_once_in_sort_order()
    {
        var docs = new List<ImageSearchDocument>();
        for (var i = 0; i < 23; i++)
            docs.Add(Doc(x => x with { CapturedAt = i % 3 == 0 ? null : new DateTime(2020, 1, 1).AddDays(i % 5) }));
        await Put([.. docs]);
        foreach (var sort in Enum.GetValues<SearchSort>())
        {
            var seen = new List<ImageSearchDocument>();
            string? cursor = null;
            do
            {
                var page = await Index.SearchAsync(_tenant, new() { Sort = sort, Limit = 5, Cursor = cursor });
                Assert.Equal(23, page.Total); // the whole result, on every page
                seen.AddRange(page.Items);
                cursor = page.NextCursor;
            } while (cursor is not null);
            Assert.Equal(23, seen.Select(s => s.Id).Distinct().Count());
            Assert.Equal(23, seen.Count);
            var keys = seen.Select(s => sort is SearchSort.UploadedAsc or SearchSort.UploadedDesc ? s.UploadedAt.UtcTicks : (s.CapturedAt?.Ticks ?? s.UploadedAt.UtcTicks)).ToArray();
            var ordered = sort is SearchSort.CapturedAsc or SearchSort.UploadedAsc ? keys.Order() : keys.OrderDescending();
            Assert.Equal(ordered, keys);
        }
    }

    [Fact]
    public async Task Facets_count_tags_cameras_and_years()
    {
        await Put(
            Doc(x => x with { Tags = ["cat", "pet"], Make = "Canon", Model = "Canon EOS 5D", CapturedAt = new DateTime(2019, 1, 1) }),
            Doc(x => x with { Tags = ["cat"], Make = "NIKON", Model = "D70", CapturedAt = new DateTime(2020, 1, 1) }),
            Doc(x => x with { Tags = ["dog"], CapturedAt = new DateTime(2020, 5, 1) }));
        var facets = (await Index.SearchAsync(_tenant, new() { Facets = true })).Facets!;
        Assert.Equal([("cat", 2L), ("dog", 1L), ("pet", 1L)], facets[SearchFacets.Tags]);
        Assert.Equal([("Canon EOS 5D", 1L), ("NIKON D70", 1L)], facets[SearchFacets.Cameras]);
        Assert.Equal([("2020", 2L), ("2019", 1L)], facets[SearchFacets.Years]);
        // A facet value filters exactly, as a click on it in the UI does.
        Assert.Equal(1, (await Index.SearchAsync(_tenant, new() { Camera = "NIKON D70" })).Total);
    }

    [Fact]
    public async Task Places_are_a_facet_and_a_filter_in_any_case()
    {
        var d = await Put(
            Doc(x => x with { Places = ["Paris", "Île-de-France", "France"] }),
            Doc(x => x with { Places = ["Lyon", "France"] }),
            Doc());
        var facets = (await Index.SearchAsync(_tenant, new() { Facets = true })).Facets!;
        Assert.Equal([("france", 2L), ("lyon", 1L), ("paris", 1L), ("île-de-france", 1L)], facets[SearchFacets.Places]);
        Assert.Equal([d[0].Id], (await Index.SearchAsync(_tenant, new() { Places = ["PARIS"] })).Items.Select(i => i.Id));
        Assert.Equal(2, (await Index.SearchAsync(_tenant, new() { Places = ["france"] })).Total);
    }

    [Theory]
    [InlineData("not-a-cursor")]
    [InlineData("MTox")]
    public async Task Malformed_cursors_are_refused_clearly(string cursor) =>
        await Assert.ThrowsAsync<InvalidSearchException>(() => Index.SearchAsync(_tenant, new() { Cursor = cursor }));

    [Fact]
    public async Task Lists_album_members()
    {
        var d = await Put(Doc(x => x with { AlbumIds = ["al"] }), Doc(x => x with { AlbumIds = ["al", "b"] }), Doc());
        Assert.Equal([d[0].Id, d[1].Id], (await Index.ImageIdsInAlbumAsync(_tenant, "al", 10)).Order().ToArray());
    }
}
