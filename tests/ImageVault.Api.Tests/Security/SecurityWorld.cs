using System.Net.Http.Json;
using ImageVault.Contracts;
using ImageVault.Testing;

namespace ImageVault.Api.Tests.Security;

/// <summary>
/// Two tenants side by side on one real silo, each with a tenant admin, an editor, a viewer, scoped
/// API keys, an image with a GPS position in an album, and a share link to the album.
/// </summary>
public sealed class SecurityWorld : IAsyncLifetime
{
    public const string Password = "correct-horse-battery-9";

    public ImageVaultApp App { get; } = new(settings: new Dictionary<string, string?> { ["ImageVault:Analysis:Enabled"] = "false" });
    public TenantSetup Acme { get; private set; } = null!;
    public TenantSetup Globex { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Acme = await TenantSetup.CreateAsync(App, "acme", 11);
        Globex = await TenantSetup.CreateAsync(App, "globex", 12);
    }

    public async Task DisposeAsync() => await App.DisposeAsync();
}

public sealed class TenantSetup
{
    public required string Tenant { get; init; }
    public required string AdminToken { get; init; }
    public required string EditorToken { get; init; }
    public required string ViewerToken { get; init; }
    public required string ViewerUserId { get; init; }
    public required string EditorUserId { get; init; }
    /// <summary>The admin's keys: one with only the read scope, one with only upload.</summary>
    public required string ReadKey { get; init; }
    public required string ReadKeyId { get; init; }
    public required string UploadKey { get; init; }
    public required string ImageId { get; init; }
    public required string AlbumId { get; init; }
    public required string ShareId { get; init; }
    public required string ShareToken { get; init; }

    public static async Task<TenantSetup> CreateAsync(ImageVaultApp app, string tenant, int seed)
    {
        var op = app.CreateOperatorClient();
        (await op.PostAsJsonAsync("/api/v1/system/tenants", new NewTenantDto(tenant, tenant.ToUpperInvariant(), null, "boss", SecurityWorld.Password))).EnsureSuccessStatusCode();
        var adminToken = await app.SignInAsync(tenant, "boss", SecurityWorld.Password);
        var admin = app.CreateClientWithToken(adminToken);
        var editor = await CreateUserAsync(admin, "ed", "editor");
        var viewer = await CreateUserAsync(admin, "vi", "viewer");
        var readKey = await CreateKeyAsync(admin, "read");
        var uploadKey = await CreateKeyAsync(admin, "upload");

        var image = await UploadAsync(admin, TestImages.UniqueJpeg(seed * 1000, new ExifBuilder { Make = "SecCam", Gps = (48.8584, 2.2945) }), $"{tenant}.jpg");
        await app.WaitProcessedAsync(image, asTenantAdmin: admin);
        var album = (await (await admin.PostAsJsonAsync("/api/v1/albums", new NewAlbumDto($"{tenant} album", null, null))).Content.ReadFromJsonAsync<AlbumDto>(ImageVaultApp.Json))!;
        (await admin.PostAsJsonAsync($"/api/v1/albums/{album.Id}/images", new AlbumMembershipDto([image], null))).EnsureSuccessStatusCode();
        var share = await CreateShareAsync(admin, new NewShareLinkDto(null, album.Id, null, null, null, null));
        return new TenantSetup
        {
            Tenant = tenant, AdminToken = adminToken, EditorToken = await app.SignInAsync(tenant, "ed", SecurityWorld.Password),
            ViewerToken = await app.SignInAsync(tenant, "vi", SecurityWorld.Password), ViewerUserId = viewer.Id, EditorUserId = editor.Id,
            ReadKey = readKey.Secret!, ReadKeyId = readKey.Id, UploadKey = uploadKey.Secret!, ImageId = image, AlbumId = album.Id,
            ShareId = share.Id, ShareToken = share.Token!,
        };
    }

    public static async Task<UserDto> CreateUserAsync(HttpClient admin, string name, string role)
    {
        var response = await admin.PostAsJsonAsync("/api/v1/tenant/users", new NewUserDto(name, null, role, SecurityWorld.Password));
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<UserDto>(ImageVaultApp.Json))!;
    }

    public static async Task<ApiKeyDto> CreateKeyAsync(HttpClient owner, params string[] scopes)
    {
        var response = await owner.PostAsJsonAsync("/api/v1/me/keys", new NewApiKeyDto("test", scopes, null));
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<ApiKeyDto>(ImageVaultApp.Json))!;
    }

    public static async Task<ShareLinkDto> CreateShareAsync(HttpClient owner, NewShareLinkDto link)
    {
        var response = await owner.PostAsJsonAsync("/api/v1/shares", link);
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<ShareLinkDto>(ImageVaultApp.Json))!;
    }

    public static async Task<string> UploadAsync(HttpClient client, byte[] bytes, string name)
    {
        using var content = new MultipartFormDataContent { { new ByteArrayContent(bytes), "file", name } };
        var response = await client.PostAsync("/api/v1/images", content);
        var raw = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, raw);
        return System.Text.Json.JsonSerializer.Deserialize<UploadResponseDto>(raw, ImageVaultApp.Json)!.Items[0].Id!;
    }
}
