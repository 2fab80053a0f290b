using System.Net;
using System.Net.Http.Json;
using ImageVault.Contracts;
using ImageVault.Testing;

namespace ImageVault.Api.Tests.Security;

/// <summary>Share links: what they show, what they never show, passwords, expiry, revocation, uploads.</summary>
public class ShareLinkTests(SecurityWorld world) : IClassFixture<SecurityWorld>
{
    private ImageVaultApp App => world.App;
    private HttpClient Admin => App.CreateClientWithToken(world.Acme.AdminToken);
    private HttpClient Visitor => App.CreateAnonymousClient();

    [Fact]
    public async Task An_album_link_shows_its_images_without_location_and_links_only_inside_the_share()
    {
        var shared = await Visitor.GetFromJsonAsync<SharedDto>($"/api/v1/shared/{world.Acme.ShareToken}", ImageVaultApp.Json);
        var image = Assert.Single(shared!.Images);
        Assert.Equal(world.Acme.ImageId, image.Id);
        Assert.Equal("SecCam", image.Metadata!.Make);
        Assert.Null(image.Metadata.Latitude);
        Assert.Null(image.Metadata.Longitude);
        Assert.Empty(image.AlbumIds);
        Assert.All(image.Links.Thumbnails.Values.Append(image.Links.Original).Append(image.Links.Self),
            link => Assert.StartsWith($"/api/v1/shared/{world.Acme.ShareToken}/", link));
        Assert.Equal(HttpStatusCode.OK, (await Visitor.GetAsync(image.Links.Thumbnails["small"])).StatusCode);
        // The owner sees the position; the link does not.
        Assert.NotNull((await Admin.GetFromJsonAsync<ImageDto>($"/api/v1/images/{image.Id}", ImageVaultApp.Json))!.Metadata!.Latitude);
    }

    [Fact]
    public async Task A_link_cannot_be_bent_to_reach_other_images_or_the_original()
    {
        var outside = await TenantSetup.UploadAsync(Admin, TestImages.UniqueJpeg(81_001), "outside.jpg");
        await App.WaitProcessedAsync(outside, asTenantAdmin: Admin);
        var token = world.Acme.ShareToken;
        foreach (var path in new[]
                 {
                     $"/api/v1/shared/{token}/images/{outside}", $"/api/v1/shared/{token}/images/{outside}/thumbnails/small",
                     $"/api/v1/shared/{token}/images/{world.Globex.ImageId}", $"/api/v1/shared/{token}/images/{world.Globex.ImageId}/thumbnails/small",
                     $"/api/v1/shared/{world.Globex.ShareToken.Replace("globex", "acme")}", $"/api/v1/shared/{token[..^2]}00",
                 })
            Assert.Equal(HttpStatusCode.NotFound, (await Visitor.GetAsync(path)).StatusCode);
        var original = await Visitor.GetAsync($"/api/v1/shared/{token}/images/{world.Acme.ImageId}/original");
        Assert.Equal(HttpStatusCode.Forbidden, original.StatusCode);
        Assert.Contains(ErrorCodes.ShareForbidden, await original.Content.ReadAsStringAsync());
        // Search stays inside the album, and geo filters cannot probe for the hidden position.
        var all = await Visitor.GetFromJsonAsync<SearchResponseDto>($"/api/v1/shared/{token}/search", ImageVaultApp.Json);
        Assert.Equal([world.Acme.ImageId], all!.Items.Select(i => i.Id));
        var far = await Visitor.GetFromJsonAsync<SearchResponseDto>($"/api/v1/shared/{token}/search?bbox=-34,151,-33,152", ImageVaultApp.Json);
        var none = await Visitor.GetFromJsonAsync<SearchResponseDto>($"/api/v1/shared/{token}/search?hasLocation=false", ImageVaultApp.Json);
        Assert.Equal(1, far!.Total); // the image is in Paris: a filter would have dropped it
        Assert.Equal(1, none!.Total);
        Assert.All(all.Items, h => Assert.StartsWith($"/api/v1/shared/{token}/", h.Thumbnail));
        // An uploading visitor is refused unless the link allows it.
        var upload = await Visitor.PostAsync($"/api/v1/shared/{token}/images", new MultipartFormDataContent { { new ByteArrayContent(TestImages.UniqueJpeg(81_002)), "file", "x.jpg" } });
        Assert.Equal(HttpStatusCode.Forbidden, upload.StatusCode);
    }

    [Fact]
    public async Task A_downloadable_original_loses_its_gps_unless_the_owner_allows_it()
    {
        var plain = await TenantSetup.CreateShareAsync(Admin, new NewShareLinkDto(world.Acme.ImageId, null, ["downloadOriginal"], false, null, null));
        var stripped = await Visitor.GetByteArrayAsync($"/api/v1/shared/{plain.Token}/images/{world.Acme.ImageId}/original");
        var directories = MetadataExtractor.ImageMetadataReader.ReadMetadata(new MemoryStream(stripped));
        Assert.Null(directories.OfType<MetadataExtractor.Formats.Exif.GpsDirectory>().FirstOrDefault()?.GetGeoLocation());
        Assert.Equal("SecCam", directories.OfType<MetadataExtractor.Formats.Exif.ExifIfd0Directory>().Single().GetDescription(0x010F));
        using (var decoded = NetVips.Image.NewFromBuffer(stripped)) Assert.Equal(64, decoded.Width); // still a valid image

        var withGps = await TenantSetup.CreateShareAsync(Admin, new NewShareLinkDto(world.Acme.ImageId, null, ["downloadOriginal"], true, null, null));
        var full = await Visitor.GetByteArrayAsync($"/api/v1/shared/{withGps.Token}/images/{world.Acme.ImageId}/original");
        var location = MetadataExtractor.ImageMetadataReader.ReadMetadata(new MemoryStream(full)).OfType<MetadataExtractor.Formats.Exif.GpsDirectory>().Single().GetGeoLocation();
        Assert.Equal(48.8584, location!.Latitude, 3);
        var dto = await Visitor.GetFromJsonAsync<ImageDto>($"/api/v1/shared/{withGps.Token}/images/{world.Acme.ImageId}", ImageVaultApp.Json);
        Assert.Equal(48.8584, dto!.Metadata!.Latitude!.Value, 3);
    }

    [Fact]
    public async Task Revocation_holds_at_once_and_expiry_answers_gone()
    {
        var link = await TenantSetup.CreateShareAsync(Admin, new NewShareLinkDto(world.Acme.ImageId, null, null, null, DateTimeOffset.UtcNow.AddSeconds(2), null));
        var thumb = $"/api/v1/shared/{link.Token}/images/{world.Acme.ImageId}/thumbnails/small";
        Assert.Equal(HttpStatusCode.OK, (await Visitor.GetAsync(thumb)).StatusCode);
        await Task.Delay(2200);
        Assert.Equal(HttpStatusCode.Gone, (await Visitor.GetAsync(thumb)).StatusCode);

        var other = await TenantSetup.CreateShareAsync(Admin, new NewShareLinkDto(world.Acme.ImageId, null, null, null, null, null));
        Assert.Equal(HttpStatusCode.OK, (await Visitor.GetAsync($"/api/v1/shared/{other.Token}")).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await Admin.DeleteAsync($"/api/v1/shares/{other.Id}")).StatusCode);
        foreach (var path in new[] { "", $"/images/{world.Acme.ImageId}", $"/images/{world.Acme.ImageId}/thumbnails/small" })
            Assert.Equal(HttpStatusCode.NotFound, (await Visitor.GetAsync($"/api/v1/shared/{other.Token}{path}")).StatusCode);
    }

    [Fact]
    public async Task A_password_link_needs_its_password_and_stops_guessing_after_five_misses()
    {
        var link = await TenantSetup.CreateShareAsync(Admin, new NewShareLinkDto(world.Acme.ImageId, null, null, null, null, "open-sesame-42"));
        var base_ = $"/api/v1/shared/{link.Token}";
        var locked = await Visitor.GetAsync(base_);
        Assert.Equal(HttpStatusCode.Unauthorized, locked.StatusCode);
        Assert.Contains(ErrorCodes.SharePasswordRequired, await locked.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Unauthorized, (await Visitor.GetAsync($"{base_}/images/{world.Acme.ImageId}/thumbnails/small")).StatusCode);

        var unlock = await Visitor.PostAsJsonAsync($"{base_}/unlock", new ShareUnlockDto("open-sesame-42"));
        var unlocked = (await unlock.Content.ReadFromJsonAsync<ShareUnlockedDto>(ImageVaultApp.Json))!;
        using (var withToken = new HttpRequestMessage(HttpMethod.Get, base_))
        {
            withToken.Headers.Add("X-ImageVault-Share-Unlock", unlocked.UnlockToken);
            Assert.Equal(HttpStatusCode.OK, (await Visitor.SendAsync(withToken)).StatusCode);
        }

        var guessed = await TenantSetup.CreateShareAsync(Admin, new NewShareLinkDto(world.Acme.ImageId, null, null, null, null, "open-sesame-43"));
        for (var i = 0; i < 5; i++)
        {
            var wrong = await Visitor.PostAsJsonAsync($"/api/v1/shared/{guessed.Token}/unlock", new ShareUnlockDto($"guess-number-{i}"));
            Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        }
        var blocked = await Visitor.PostAsJsonAsync($"/api/v1/shared/{guessed.Token}/unlock", new ShareUnlockDto("open-sesame-43"));
        Assert.Equal(HttpStatusCode.TooManyRequests, blocked.StatusCode);
        Assert.True(blocked.Headers.RetryAfter?.Delta > TimeSpan.FromMinutes(10));
    }

    [Fact]
    public async Task An_upload_link_puts_visitors_files_into_its_album()
    {
        var album = (await (await Admin.PostAsJsonAsync("/api/v1/albums", new NewAlbumDto("drop box", null, null))).Content.ReadFromJsonAsync<AlbumDto>(ImageVaultApp.Json))!;
        var link = await TenantSetup.CreateShareAsync(Admin, new NewShareLinkDto(null, album.Id, ["upload"], null, null, null));
        var response = await Visitor.PostAsync($"/api/v1/shared/{link.Token}/images", new MultipartFormDataContent { { new ByteArrayContent(TestImages.UniqueJpeg(81_100)), "file", "guest.jpg" } });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var id = (await response.Content.ReadFromJsonAsync<UploadResponseDto>(ImageVaultApp.Json))!.Items[0].Id!;
        var image = await App.WaitProcessedAsync(id, asTenantAdmin: Admin);
        Assert.Contains(album.Id, image.AlbumIds);
        var audit = await Admin.GetFromJsonAsync<AuditPageDto>("/api/v1/tenant/audit?action=POST%20/api/v1/shared", ImageVaultApp.Json);
        Assert.Contains(audit!.Items, e => e.Actor == $"link:{link.Id}" && e.Status == 201);
    }
}
