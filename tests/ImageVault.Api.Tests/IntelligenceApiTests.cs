using System.Net;
using System.Net.Http.Json;
using ImageVault.Contracts;
using ImageVault.Testing;

namespace ImageVault.Api.Tests;

/// <summary>The analysis features through HTTP with the real models: OCR search, colour, similar, compare, suggestions, duplicates, jobs.</summary>
public sealed class IntelligenceApiTests(AppFixture fx) : IClassFixture<AppFixture>
{
    private HttpClient Client => fx.Client;

    private async Task<string> UploadAnalysed(byte[] bytes, string name)
    {
        var id = await fx.App.UploadNewAsync(bytes, name);
        var image = await fx.App.WaitProcessedAsync(id);
        Assert.Equal("done", image.Analysis?.Status);
        return id;
    }

    private async Task<T> Get<T>(string path)
    {
        var response = await Client.GetAsync(path);
        Assert.True(response.IsSuccessStatusCode, $"{path}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return (await response.Content.ReadFromJsonAsync<T>(ImageVaultApp.Json))!;
    }

    private async Task<string[]> Search(string query) =>
        (await Get<SearchResponseDto>($"/api/v1/search?{query}")).Items.Select(i => i.Id).ToArray();

    [Fact]
    public async Task Text_in_an_image_is_found_by_typing_a_word_from_it()
    {
        var id = await UploadAnalysed(TestImages.TextPng("BAKERY OPEN\n面包店"), "sign.png");
        Assert.Contains(id, await Search("q=bakery"));
        Assert.Contains(id, await Search("q=" + Uri.EscapeDataString("面包"))); // part of a Chinese word finds it
        var text = await Get<ImageTextDto>($"/api/v1/images/{id}/text");
        Assert.Contains("BAKERY OPEN", text.Text);
        Assert.Contains(text.Words, w => w.Text.Contains("面包店") && w.Quad.Count == 8);
        var image = await Get<ImageDto>($"/api/v1/images/{id}");
        Assert.Contains(image.Tags, t => t is { Name: "screenshot", Source: "auto" }); // a PNG of text without a camera
    }

    [Fact]
    public async Task Colours_are_searchable_by_name_word_hex_and_facet()
    {
        var red = await UploadAnalysed(TestImages.Jpeg(120, 90, (215, 25, 30)), "red.jpg");
        var blue = await UploadAnalysed(TestImages.Jpeg(120, 90, (25, 50, 200)), "blue.jpg");
        Assert.Contains(red, await Search("colour=red"));
        Assert.DoesNotContain(blue, await Search("colour=red"));
        Assert.Contains(red, await Search("q=red"));
        Assert.Contains(red, await Search("hex=%23d81a20&tolerance=12"));
        Assert.DoesNotContain(blue, await Search("hex=%23d81a20&tolerance=12"));
        var facets = (await Get<SearchResponseDto>("/api/v1/search?facets=true")).Facets!;
        Assert.Contains(facets["colours"], f => f.Value == "red");
        Assert.Equal(HttpStatusCode.BadRequest, (await Client.GetAsync("/api/v1/search?colour=chartreuse")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await Client.GetAsync("/api/v1/search?hex=red")).StatusCode);
    }

    [Fact]
    public async Task Similar_images_put_a_variant_first_and_compare_tells_how_alike_two_are()
    {
        var scene = TestImages.Scene(31, 480, 360);
        var original = await UploadAnalysed(scene, "harbour.jpg");
        var variant = await UploadAnalysed(TestImages.Variant(scene, 0.5, quality: 50), "harbour-small.jpg");
        var other = await UploadAnalysed(TestImages.Scene(32, 480, 360), "field.jpg");

        var similar = await Get<SimilarResponseDto>($"/api/v1/images/{original}/similar?limit=5");
        Assert.Equal(variant, similar.Items[0].Image.Id);
        Assert.DoesNotContain(original, similar.Items.Select(i => i.Image.Id));

        var near = await Get<ComparisonDto>($"/api/v1/images/compare?a={original}&b={variant}");
        var far = await Get<ComparisonDto>($"/api/v1/images/compare?a={original}&b={other}");
        Assert.True(near.Cosine > far.Cosine && near.Ssim > far.Ssim && near.Euclidean < far.Euclidean, $"{near} vs {far}");
        Assert.True(near.Ssim > 0.7, near.ToString());

        var byExample = await Client.PostAsync("/api/v1/search/similar?limit=3", new ByteArrayContent(scene));
        Assert.True(byExample.IsSuccessStatusCode, await byExample.Content.ReadAsStringAsync());
        Assert.Equal(original, (await byExample.Content.ReadFromJsonAsync<SimilarResponseDto>(ImageVaultApp.Json))!.Items[0].Image.Id);
    }

    [Fact]
    public async Task Suggested_tags_come_from_tagged_neighbours_and_can_be_accepted_or_turned_down()
    {
        var scene = TestImages.Scene(51, 480, 360);
        var untagged = await UploadAnalysed(scene, "pier.jpg");
        var tagged = await UploadAnalysed(TestImages.Variant(scene, 0.7, quality: 60), "pier-2.jpg");
        await Client.PostAsJsonAsync($"/api/v1/images/{tagged}/tags", new TagChangeDto(["pier", "holiday"], null));

        var suggested = await Get<TagSuggestionsDto>($"/api/v1/images/{untagged}/suggested-tags");
        Assert.Contains(suggested.Items, s => s.Tag == "pier" && s.Confidence > 0.25);
        var decided = await Client.PostAsJsonAsync($"/api/v1/images/{untagged}/suggested-tags", new SuggestionDecisionDto(["pier"], ["holiday"]));
        Assert.True(decided.IsSuccessStatusCode);
        Assert.Contains((await decided.Content.ReadFromJsonAsync<ImageDto>(ImageVaultApp.Json))!.Tags, t => t is { Name: "pier", Source: "user" });
        var after = await Get<TagSuggestionsDto>($"/api/v1/images/{untagged}/suggested-tags");
        Assert.DoesNotContain(after.Items, s => s.Tag is "pier" or "holiday");

        var bulk = await Client.PostAsJsonAsync($"/api/v1/images/{untagged}/similar/tags", new TagSimilarDto("coast", 0.85, 50));
        var tagged2 = (await bulk.Content.ReadFromJsonAsync<TagSimilarResultDto>(ImageVaultApp.Json))!.Tagged;
        Assert.Contains(untagged, tagged2);
        Assert.Contains(tagged, tagged2);
    }

    [Fact]
    public async Task Duplicate_groups_are_listed_and_resolved_once()
    {
        var scene = TestImages.Scene(61, 480, 360);
        var keep = await UploadAnalysed(scene, "dup.jpg");
        var copy = await UploadAnalysed(TestImages.Variant(scene, 0.8, grey: true), "dup-grey.jpg");
        var groups = await Get<DuplicateGroupsDto>("/api/v1/duplicates");
        var group = Assert.Single(groups.Groups, g => g.ImageIds.Contains(keep));
        Assert.Contains(copy, group.ImageIds);

        Assert.Equal(HttpStatusCode.BadRequest, (await Client.PostAsJsonAsync($"/api/v1/duplicates/{group.Id}/resolve", new DuplicateResolutionDto("burn", keep, null))).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await Client.PostAsJsonAsync($"/api/v1/duplicates/{group.Id}/resolve", new DuplicateResolutionDto("trash", keep, true))).StatusCode);
        Assert.True((await Get<ImageDto>($"/api/v1/images/{copy}")).Trashed);
        Assert.DoesNotContain((await Get<DuplicateGroupsDto>("/api/v1/duplicates")).Groups, g => g.Id == group.Id);
        Assert.Equal(HttpStatusCode.NotFound, (await Client.PostAsJsonAsync($"/api/v1/duplicates/{group.Id}/resolve", new DuplicateResolutionDto("trash", keep, true))).StatusCode);
    }

    [Fact]
    public async Task Bad_requests_get_clear_errors()
    {
        var notImage = await Client.PostAsync("/api/v1/search/similar", new ByteArrayContent("just some text"u8.ToArray()));
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, notImage.StatusCode);
        Assert.Contains("image.unsupported_format", await notImage.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.BadRequest, (await Client.PostAsync("/api/v1/search/similar", new ByteArrayContent([]))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await Client.GetAsync("/api/v1/images/compare?a=nope&b=../etc")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await Client.GetAsync("/api/v1/images/01nosuchimage0000000000000/similar")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await Client.GetAsync("/api/v1/images/01nosuchimage0000000000000/text")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await Client.GetAsync("/api/v1/images/01nosuchimage0000000000000/suggested-tags")).StatusCode);
    }

    [Fact]
    public async Task An_operator_reanalyses_the_tenant_and_watches_progress()
    {
        await UploadAnalysed(TestImages.Scene(71), "job.jpg");
        var admin = fx.App.CreateOperatorClient();
        Assert.Equal(HttpStatusCode.Unauthorized, (await fx.App.CreateAnonymousClient().PostAsync("/api/v1/admin/analysis", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, (await admin.PostAsync("/api/v1/admin/analysis", null)).StatusCode);
        var deadline = DateTime.UtcNow.AddSeconds(90);
        AnalysisJobDto progress;
        do
        {
            await Task.Delay(200);
            progress = (await admin.GetFromJsonAsync<AnalysisJobDto>("/api/v1/admin/analysis", ImageVaultApp.Json))!;
            Assert.True(DateTime.UtcNow < deadline, $"analysis job still running: {progress}");
        } while (progress.Running || progress.ImagesByAnalysis.GetValueOrDefault("pending") > 0);
        Assert.Equal("operator request", progress.Reason);
        Assert.True(progress.Dispatched >= 1);
        Assert.Equal(progress.ImagesByStage["ready"], progress.ImagesByAnalysis["done"]); // every ready live image is analysed
        Assert.True(progress.ImagesByStage.ContainsKey("trashed"));
    }
}
