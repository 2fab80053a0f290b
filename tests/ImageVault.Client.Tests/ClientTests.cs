using ImageVault.Client;
using ImageVault.Contracts;
using ImageVault.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace ImageVault.Client.Tests;

/// <summary>The SDK against a real embedded silo (in-memory server), wired the way a partner wires it: DI, resilience, a key.</summary>
public sealed class ClientTests : IAsyncLifetime
{
    private readonly ImageVaultApp _app = new(settings: new Dictionary<string, string?> { ["ImageVault:Analysis:Enabled"] = "false" });
    private ServiceProvider _services = null!;
    private ImageVaultClient _client = null!;
    private string _key = "";

    public async Task InitializeAsync()
    {
        var session = await _app.SignInAsync("default", "admin", ImageVaultApp.AdminPassword);
        _services = Services(session);
        var key = await _services.GetRequiredService<ImageVaultClient>().CreateApiKeyAsync("sdk tests", ["read", "upload", "edit", "share", "admin"]);
        await _services.DisposeAsync();
        _key = key.Secret!;
        _services = Services(_key);
        _client = _services.GetRequiredService<ImageVaultClient>();
    }

    public async Task DisposeAsync()
    {
        await _services.DisposeAsync();
        await _app.DisposeAsync();
    }

    private ServiceProvider Services(string token, Func<DelegatingHandler>? extra = null)
    {
        var services = new ServiceCollection();
        var builder = services.AddImageVaultClient(o => (o.BaseAddress, o.Token) = (new Uri("http://localhost/"), token))
            .ConfigurePrimaryHttpMessageHandler(() => _app.Server.CreateHandler());
        if (extra is not null) builder.AddHttpMessageHandler(extra);
        return services.BuildServiceProvider();
    }

    [Fact]
    public async Task A_partner_uploads_with_progress_finds_tags_and_shares()
    {
        var bytes = TestImages.UniqueJpeg(60_001, new ExifBuilder { Make = "SdkCam" }, 800, 600);
        var reported = new List<long>();
        var upload = await _client.UploadAsync(new MemoryStream(bytes), "sdk.jpg", new SyncProgress(reported.Add));
        var id = Assert.Single(upload.Items).Id!;
        Assert.Equal(bytes.Length, reported[^1]);
        await _app.WaitProcessedAsync(id);

        await _client.ChangeTagsAsync(id, ["partner"]);
        var hits = await _client.SearchAsync(new SearchRequest { Tags = ["partner"] }).ToListAsync();
        Assert.Equal(id, Assert.Single(hits).Id);
        Assert.Equal("SdkCam", (await _client.GetImageAsync(id)).Metadata!.Make);
        await using (var original = await _client.OpenOriginalAsync(id))
        {
            var copy = new MemoryStream();
            await original.CopyToAsync(copy);
            Assert.Equal(bytes, copy.ToArray());
        }

        var album = await _client.CreateAlbumAsync("from the sdk");
        await _client.ChangeAlbumImagesAsync(album.Id, [id]);
        var link = await _client.CreateShareLinkAsync(new NewShareLinkDto(null, album.Id, null, null, null, null));
        var shared = await new ImageVaultClient(new HttpClient(_app.Server.CreateHandler()) { BaseAddress = new Uri("http://localhost/") }).OpenShareAsync(link.Token!);
        Assert.Equal(id, Assert.Single(shared.Images).Id);
        Assert.Equal(id, (await _client.LookupHashesAsync([Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(bytes))])).Values.Single());
    }

    [Fact]
    public async Task A_lost_answer_is_retried_with_the_same_idempotency_key_and_stores_once()
    {
        var dropper = new DropFirstAnswer();
        await using var services = Services(_key, () => dropper);
        var client = services.GetRequiredService<ImageVaultClient>();
        var result = await client.UploadAsync(new MemoryStream(TestImages.UniqueJpeg(60_002)), "retry.jpg");
        Assert.Equal(2, dropper.Uploads);
        Assert.Single(dropper.Keys.Distinct());
        Assert.Equal("created", Assert.Single(result.Items).Outcome); // the replayed first answer
        var found = await client.SearchAsync(new SearchRequest { Text = "retry" }).ToListAsync();
        Assert.Single(found);
    }

    [Fact]
    public async Task Cursor_paging_enumerates_every_hit_once()
    {
        var ids = new List<string>();
        for (var i = 0; i < 5; i++) ids.Add((await _client.UploadAsync(new MemoryStream(TestImages.UniqueJpeg(60_100 + i)), $"page{i}.jpg")).Items[0].Id!);
        foreach (var id in ids) await _client.ChangeTagsAsync(id, ["paged"]);
        var all = await _client.SearchAsync(new SearchRequest { Tags = ["paged"], Limit = 2 }).Select(h => h.Id).ToListAsync();
        Assert.Equal(ids.Order(), all.Order());
        Assert.NotEmpty(await _client.AuditAsync("POST /api/v1/images").Take(3).ToListAsync());
    }

    [Fact]
    public async Task Refusals_become_typed_exceptions_with_the_stable_code()
    {
        var missing = await Assert.ThrowsAsync<ImageVaultNotFoundException>(() => _client.GetImageAsync("0000000000000000000000000a"));
        Assert.Equal(ErrorCodes.NotFound, missing.Code);
        await using var stranger = Services("ivk_default_0_" + new string('0', 64));
        var refused = await Assert.ThrowsAsync<ImageVaultUnauthorizedException>(() => stranger.GetRequiredService<ImageVaultClient>().GetMeAsync());
        Assert.Equal(ErrorCodes.InvalidCredentials, refused.Code);
        var readOnly = await _client.CreateApiKeyAsync("read only", ["read"]);
        await using var reader = Services(readOnly.Secret!);
        var forbidden = await Assert.ThrowsAsync<ImageVaultForbiddenException>(() => reader.GetRequiredService<ImageVaultClient>().CreateAlbumAsync("no"));
        Assert.Equal(ErrorCodes.Forbidden, forbidden.Code);
        var invalid = await Assert.ThrowsAsync<ImageVaultApiException>(() => _client.UpdateImageAsync("0000000000000000000000000a", new ImagePatchDto(null, null, 9, null)));
        Assert.Equal(System.Net.HttpStatusCode.BadRequest, invalid.Status);
    }

    [Fact]
    public async Task Bulk_changes_grants_passwords_and_locked_links_work_through_the_sdk()
    {
        var ids = new List<string>();
        for (var i = 0; i < 2; i++) ids.Add((await _client.UploadAsync(new MemoryStream(TestImages.UniqueJpeg(60_200 + i)), $"bulk{i}.jpg")).Items[0].Id!);
        Assert.Equal(2, (await _client.BulkTrashAsync(ids)).Succeeded);
        Assert.True((await _client.GetImageAsync(ids[0])).Trashed);
        Assert.Equal(2, (await _client.BulkRestoreAsync(ids)).Succeeded);

        var user = await _client.CreateUserAsync(new NewUserDto("sdk-viewer", null, "viewer", "sdk-viewer-password"));
        var album = await _client.CreateAlbumAsync("granted");
        await _client.SetAlbumGrantAsync(album.Id, user.Id, "editor");
        var viewer = new ImageVaultClient(new HttpClient(_app.Server.CreateHandler()) { BaseAddress = new Uri("http://localhost/") });
        var session = await viewer.SignInAsync("sdk-viewer", "sdk-viewer-password");
        Assert.Equal("viewer", session.Me.Role);
        await using var asViewer = Services(session.Token);
        var viewerClient = asViewer.GetRequiredService<ImageVaultClient>();
        await viewerClient.ChangeAlbumImagesAsync(album.Id, ids); // allowed by the grant, not by the role
        var other = await _client.CreateAlbumAsync("not granted");
        await Assert.ThrowsAsync<ImageVaultForbiddenException>(() => viewerClient.ChangeAlbumImagesAsync(other.Id, ids));
        await viewerClient.ChangePasswordAsync("sdk-viewer-password", "a-new-viewer-password");
        await Assert.ThrowsAsync<ImageVaultUnauthorizedException>(() => viewer.SignInAsync("sdk-viewer", "sdk-viewer-password"));

        var link = await _client.CreateShareLinkAsync(new NewShareLinkDto(null, album.Id, null, null, null, "link-password-1"));
        var visitor = new ImageVaultClient(new HttpClient(_app.Server.CreateHandler()) { BaseAddress = new Uri("http://localhost/") });
        var locked = await Assert.ThrowsAsync<ImageVaultUnauthorizedException>(() => visitor.OpenShareAsync(link.Token!));
        Assert.Equal(ErrorCodes.SharePasswordRequired, locked.Code);
        var unlock = await visitor.UnlockShareAsync(link.Token!, "link-password-1");
        Assert.Equal(2, (await visitor.OpenShareAsync(link.Token!, unlockToken: unlock.UnlockToken)).Images.Count);
    }

    /// <summary>Lets the first upload reach the server, then loses its answer, as a dropped connection would.</summary>
    private sealed class DropFirstAnswer : DelegatingHandler
    {
        public int Uploads;
        public readonly List<string> Keys = [];

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken ct)
        {
            var response = await base.SendAsync(request, ct);
            if (request.Method != HttpMethod.Post || !request.RequestUri!.AbsolutePath.EndsWith("/images", StringComparison.Ordinal)) return response;
            Keys.Add(request.Headers.GetValues("Idempotency-Key").Single());
            if (Interlocked.Increment(ref Uploads) == 1) throw new HttpRequestException("connection reset (simulated)");
            return response;
        }
    }

    /// <summary>Progress reported in line (Progress&lt;T&gt; posts to the thread pool, so its last report could come late).</summary>
    private sealed class SyncProgress(Action<long> report) : IProgress<long>
    {
        public void Report(long value) => report(value);
    }
}
