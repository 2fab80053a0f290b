using System.Net;
using System.Net.Http.Json;
using ImageVault.Contracts;
using ImageVault.Testing;

namespace ImageVault.Api.Tests;

public class OrganisationTests(AppFixture fx) : IClassFixture<AppFixture>
{
    private HttpClient Client => fx.Client;

    private async Task<string> NewImageAsync(string name = "org.jpg") =>
        await fx.App.UploadNewAsync(TestImages.UniqueJpeg(AppFixture.NextSeed()), name);

    private async Task<T> Ok<T>(HttpResponseMessage r)
    {
        Assert.True(r.IsSuccessStatusCode, $"{(int)r.StatusCode}: {await r.Content.ReadAsStringAsync()}");
        return (await r.Content.ReadFromJsonAsync<T>(ImageVaultApp.Json))!;
    }

    [Fact]
    public async Task Title_rating_favourite_tags_and_comments()
    {
        var id = await NewImageAsync();
        var patched = await Ok<ImageDto>(await Client.PatchAsJsonAsync($"/api/v1/images/{id}", new ImagePatchDto("Dawn", "Over the bay", 4, true)));
        Assert.Equal(("Dawn", 4, true), (patched.Title, patched.Rating, patched.Favourite));
        Assert.Equal(HttpStatusCode.BadRequest, (await Client.PatchAsJsonAsync($"/api/v1/images/{id}", new ImagePatchDto(null, null, 6, null))).StatusCode);

        var tagged = await Ok<ImageDto>(await Client.PostAsJsonAsync($"/api/v1/images/{id}/tags", new TagChangeDto(["sea", "Sky"], null)));
        Assert.Equal(["sea", "Sky"], tagged.Tags.Where(t => t.Source == "user").Select(t => t.Name));
        var comment = await Ok<CommentDto>(await Client.PostAsJsonAsync($"/api/v1/images/{id}/comments", new NewCommentDto("lovely", "ann")));
        Assert.Equal("lovely", comment.Text);
    }

    [Fact]
    public async Task Bulk_tagging_reports_what_it_could_not_find()
    {
        var ids = new[] { await NewImageAsync(), await NewImageAsync() };
        var result = await Ok<BulkResultDto>(await Client.PostAsJsonAsync("/api/v1/images/bulk/tags",
            new BulkTagChangeDto([.. ids, "01nosuchimage0000000000000", "../x"], ["bulk-tag"], null)));
        Assert.Equal(2, result.Succeeded);
        Assert.Equal(2, result.NotFound.Count);
        foreach (var id in ids)
            Assert.Contains((await Client.GetFromJsonAsync<ImageDto>($"/api/v1/images/{id}", ImageVaultApp.Json))!.Tags, t => t.Name == "bulk-tag");
    }

    [Fact]
    public async Task Trash_restore_and_purge_only_from_trash()
    {
        var id = await NewImageAsync();
        await fx.App.WaitProcessedAsync(id);
        Assert.Equal(HttpStatusCode.Conflict, (await Client.PostAsync($"/api/v1/images/{id}/purge", null)).StatusCode);
        Assert.True((await Ok<ImageDto>(await Client.DeleteAsync($"/api/v1/images/{id}"))).Trashed);
        Assert.False((await Ok<ImageDto>(await Client.PostAsync($"/api/v1/images/{id}/restore", null))).Trashed);
        await Client.DeleteAsync($"/api/v1/images/{id}");
        Assert.Equal(HttpStatusCode.NoContent, (await Client.PostAsync($"/api/v1/images/{id}/purge", null)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await Client.GetAsync($"/api/v1/images/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await Client.GetAsync($"/api/v1/images/{id}/original")).StatusCode);
    }

    [Fact]
    public async Task Albums_nest_hold_images_and_are_searchable()
    {
        var trips = await Ok<AlbumDto>(await Client.PostAsJsonAsync("/api/v1/albums", new NewAlbumDto("Trips", null, null)));
        var iceland = await Ok<AlbumDto>(await Client.PostAsJsonAsync("/api/v1/albums", new NewAlbumDto("Iceland", "ice", trips.Id)));
        Assert.Equal(trips.Id, iceland.ParentId);
        var cycle = await Client.PatchAsJsonAsync($"/api/v1/albums/{trips.Id}", new AlbumPatchDto(null, null, iceland.Id, null, null));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, cycle.StatusCode);

        var ids = new[] { await NewImageAsync(), await NewImageAsync() };
        var added = await Ok<BulkResultDto>(await Client.PostAsJsonAsync($"/api/v1/albums/{iceland.Id}/images", new AlbumMembershipDto(ids, null)));
        Assert.Equal(2, added.Succeeded);
        var inAlbum = await Ok<SearchResponseDto>(await Client.GetAsync($"/api/v1/search?album={iceland.Id}"));
        Assert.Equal(ids.Order(), inAlbum.Items.Select(i => i.Id).Order());

        var renamed = await Ok<AlbumDto>(await Client.PatchAsJsonAsync($"/api/v1/albums/{iceland.Id}", new AlbumPatchDto("Iceland 2024", null, null, true, ids[0])));
        Assert.Equal(("Iceland 2024", null, ids[0]), (renamed.Name, renamed.ParentId, renamed.CoverImageId));

        Assert.Equal(HttpStatusCode.NoContent, (await Client.DeleteAsync($"/api/v1/albums/{iceland.Id}")).StatusCode);
        Assert.Empty((await Ok<SearchResponseDto>(await Client.GetAsync($"/api/v1/search?album={iceland.Id}"))).Items);
        Assert.Equal(HttpStatusCode.OK, (await Client.GetAsync($"/api/v1/images/{ids[0]}")).StatusCode);
    }
}
