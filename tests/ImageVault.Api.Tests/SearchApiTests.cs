using System.Net;
using System.Net.Http.Json;
using ImageVault.Contracts;
using ImageVault.Testing;

namespace ImageVault.Api.Tests;

public class SearchApiTests(AppFixture fx) : IClassFixture<AppFixture>, IAsyncLifetime
{
    private readonly string _word = $"w{Guid.NewGuid():N}"[..12];
    private string[] _ids = [];

    public async Task InitializeAsync()
    {
        ExifBuilder Exif(string make, string model, string date, (double, double)? gps) =>
            new() { Make = make, Model = model, DateTimeOriginal = date, Gps = gps };
        _ids =
        [
            await fx.App.UploadNewAsync(TestImages.UniqueJpeg(AppFixture.NextSeed(), Exif("Canon", "Canon EOS 5D", "2018:06:01 10:00:00", (64.14, -21.94))), $"{_word}-reykjavik.jpg"),
            await fx.App.UploadNewAsync(TestImages.UniqueJpeg(AppFixture.NextSeed(), Exif("NIKON", "D70", "2019:07:01 10:00:00", (48.85, 2.35))), $"{_word}-paris.jpg"),
            await fx.App.UploadNewAsync(TestImages.UniqueJpeg(AppFixture.NextSeed(), Exif("NIKON", "D70", "2020:08:01 10:00:00", null)), $"{_word}-home.jpg"),
        ];
        foreach (var id in _ids) await fx.App.WaitProcessedAsync(id);
        await fx.Client.PostAsJsonAsync($"/api/v1/images/{_ids[0]}/tags", new TagChangeDto([_word + "tag"], null));
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private async Task<SearchResponseDto> Search(string query, string words = "")
    {
        var response = await fx.Client.GetAsync($"/api/v1/search?q={Uri.EscapeDataString($"{_word} {words}")}&{query}");
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<SearchResponseDto>(ImageVaultApp.Json))!;
    }

    private async Task<string[]> Ids(string query, string words = "") => (await Search(query, words)).Items.Select(i => i.Id).ToArray();

    [Fact]
    public async Task A_cameras_facet_value_filters_as_it_is_named()
    {
        var facets = (await Search("facets=true")).Facets!;
        var nikon = Assert.Single(facets["cameras"], f => f.Value.Contains("D70", StringComparison.Ordinal));
        Assert.Equal(2, nikon.Count);
        Assert.Equal(_ids[1..].Order(), (await Ids($"camera={Uri.EscapeDataString(nikon.Value)}")).Order());
        Assert.Empty(await Ids("place=nowhere-at-all"));
    }

    [Fact]
    public async Task Keyword_tag_date_camera_and_box()
    {
        Assert.Equal([_ids[2], _ids[1], _ids[0]], await Ids("")); // newest capture first
        Assert.Equal([_ids[1]], await Ids("", "paris"));
        Assert.Equal([_ids[0]], await Ids($"tag={_word}tag"));
        Assert.Equal([_ids[1]], await Ids("capturedFrom=2019-01-01&capturedTo=2019-12-31"));
        Assert.Equal([_ids[2], _ids[1]], await Ids("make=nikon&model=D70"));
        Assert.Equal([_ids[0]], await Ids("bbox=60,-30,70,-10"));
        Assert.Equal([_ids[2]], await Ids("hasLocation=false"));
        Assert.Equal([_ids[0], _ids[1], _ids[2]], await Ids("sort=captured_asc"));
    }

    [Fact]
    public async Task Facets_and_cursor_paging()
    {
        var first = await Search("limit=2&facets=true");
        Assert.Equal(3, first.Total);
        Assert.Contains(first.Facets!["cameras"], f => f.Value == "NIKON D70" && f.Count == 2);
        Assert.Contains(first.Facets!["years"], f => f.Value == "2018" && f.Count == 1);
        var second = await Search($"limit=2&cursor={first.NextCursor}");
        Assert.Null(second.NextCursor);
        Assert.Equal(_ids.Order(), first.Items.Concat(second.Items).Select(i => i.Id).Order());
    }

    [Theory]
    [InlineData("limit=0")]
    [InlineData("minRating=9")]
    [InlineData("bbox=1,2,3")]
    [InlineData("capturedFrom=yesterday")]
    [InlineData("sort=random")]
    [InlineData("cursor=%%%")]
    [InlineData("album=../x")]
    public async Task Bad_parameters_are_a_400_with_a_code(string query)
    {
        var response = await fx.Client.GetAsync($"/api/v1/search?{query}");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("\"code\":\"search.", await response.Content.ReadAsStringAsync());
    }
}
