using System.Net;
using System.Net.Http.Headers;
using ImageVault.Testing;

namespace ImageVault.Api.Tests;

public class MediaTests(AppFixture fx) : IClassFixture<AppFixture>
{
    [Fact]
    public async Task Original_is_served_with_etag_range_type_and_nosniff()
    {
        var bytes = TestImages.UniqueJpeg(AppFixture.NextSeed(), width: 200, height: 100);
        var id = await fx.App.UploadNewAsync(bytes, "serve.jpg");
        var response = await fx.Client.GetAsync($"/api/v1/images/{id}/original");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("image/jpeg", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Contains("sandbox", response.Headers.GetValues("Content-Security-Policy").Single());
        Assert.Equal(bytes, await response.Content.ReadAsByteArrayAsync());

        var etag = response.Headers.ETag!;
        using var conditional = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/images/{id}/original");
        conditional.Headers.IfNoneMatch.Add(etag);
        Assert.Equal(HttpStatusCode.NotModified, (await fx.Client.SendAsync(conditional)).StatusCode);

        using var ranged = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/images/{id}/original");
        ranged.Headers.Range = new RangeHeaderValue(10, 19);
        var partial = await fx.Client.SendAsync(ranged);
        Assert.Equal(HttpStatusCode.PartialContent, partial.StatusCode);
        Assert.Equal(bytes[10..20], await partial.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task Thumbnails_are_jpeg_in_two_sizes()
    {
        var id = await fx.App.UploadNewAsync(TestImages.UniqueJpeg(AppFixture.NextSeed(), width: 2000, height: 1000), "big.jpg");
        var image = await fx.App.WaitProcessedAsync(id);
        Assert.Equal("ready", image.Status.Stage);
        foreach (var (size, edge) in new[] { ("small", 256), ("large", 1440) })
        {
            var response = await fx.Client.GetAsync(image.Links.Thumbnails[size]);
            Assert.Equal("image/jpeg", response.Content.Headers.ContentType?.MediaType);
            var header = ImageVault.Imaging.Formats.HeaderProbe.Probe(new MemoryStream(await response.Content.ReadAsByteArrayAsync()));
            Assert.Equal(edge, header.Width);
        }
        Assert.Equal(HttpStatusCode.NotFound, (await fx.Client.GetAsync($"/api/v1/images/{id}/thumbnails/huge")).StatusCode);
    }

    [Theory]
    [InlineData("/api/v1/images/..%2F..%2Fetc%2Fpasswd")]
    [InlineData("/api/v1/images/01NOTLOWERCASE000000000000/original")]
    [InlineData("/api/v1/images/01abcdefghjkmnpqrstvwxyz00")]
    [InlineData("/api/v1/images/01abcdefghjkmnpqrstvwxyz00/thumbnails/small")]
    public async Task Unknown_or_malformed_ids_answer_404_problem(string path)
    {
        var response = await fx.Client.GetAsync(path);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }
}
