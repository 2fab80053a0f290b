using System.Net;
using System.Net.Http.Json;
using ImageVault.Contracts;
using ImageVault.Testing;
using Microsoft.Data.Sqlite;

namespace ImageVault.Api.Tests.Security;

/// <summary>Sign-in, sessions (bearer and cookie), API keys through their whole life, roles, suspension and quotas.</summary>
public class IdentityTests(SecurityWorld world) : IClassFixture<SecurityWorld>
{
    private ImageVaultApp App => world.App;

    [Fact]
    public async Task Wrong_passwords_unknown_users_and_other_tenants_get_the_same_refusal()
    {
        var anon = App.CreateAnonymousClient();
        foreach (var attempt in new[] { new SignInDto("acme", "vi", "wrong-password-123"), new SignInDto("acme", "nobody", SecurityWorld.Password), new SignInDto("nosuchtenant", "vi", SecurityWorld.Password), new SignInDto("../x", "vi", "") })
        {
            var response = await anon.PostAsJsonAsync("/api/v1/auth/sign-in", attempt);
            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
            Assert.Contains(ErrorCodes.InvalidCredentials, await response.Content.ReadAsStringAsync());
        }
    }

    [Fact]
    public async Task A_session_cookie_is_http_only_strict_and_needs_the_csrf_header_for_changes()
    {
        var anon = App.CreateAnonymousClient();
        var response = await anon.PostAsJsonAsync("/api/v1/auth/sign-in", new SignInDto("acme", "ed", SecurityWorld.Password));
        var cookie = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("iv_session=", StringComparison.Ordinal));
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=strict", cookie, StringComparison.OrdinalIgnoreCase);
        var token = cookie.Split(';')[0]["iv_session=".Length..];

        using var read = new HttpRequestMessage(HttpMethod.Get, "/api/v1/me");
        read.Headers.Add("Cookie", $"iv_session={token}");
        Assert.Equal(HttpStatusCode.OK, (await anon.SendAsync(read)).StatusCode);

        HttpRequestMessage Change(bool withCsrf)
        {
            var r = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/images/{world.Acme.ImageId}/tags") { Content = JsonContent.Create(new TagChangeDto(["cookie"], null)) };
            r.Headers.Add("Cookie", $"iv_session={token}");
            if (withCsrf) r.Headers.Add("X-ImageVault-Csrf", "1");
            return r;
        }
        var forged = await anon.SendAsync(Change(withCsrf: false));
        Assert.Equal(HttpStatusCode.Forbidden, forged.StatusCode);
        Assert.Contains(ErrorCodes.CsrfHeaderMissing, await forged.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, (await anon.SendAsync(Change(withCsrf: true))).StatusCode);
    }

    [Fact]
    public async Task Signing_out_ends_the_session_at_once()
    {
        var token = await App.SignInAsync("acme", "vi", SecurityWorld.Password);
        var client = App.CreateClientWithToken(token);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/me")).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await client.PostAsync("/api/v1/auth/sign-out", null)).StatusCode);
        var after = await client.GetAsync("/api/v1/me");
        Assert.Equal(HttpStatusCode.Unauthorized, after.StatusCode);
    }

    [Fact]
    public async Task An_api_key_is_shown_once_stored_as_a_hash_limited_to_its_scopes_and_revoked_within_a_second()
    {
        var editor = App.CreateClientWithToken(world.Acme.EditorToken);
        var key = await TenantSetup.CreateKeyAsync(editor, "read", "edit");
        Assert.StartsWith("ivk_acme_", key.Secret);
        var listed = await editor.GetFromJsonAsync<List<ApiKeyDto>>("/api/v1/me/keys", ImageVaultApp.Json);
        Assert.All(listed!, k => Assert.Null(k.Secret));
        Assert.Contains(listed!, k => k.Id == key.Id && k.Scopes.SequenceEqual(["read", "edit"]));

        // An editor cannot mint what an editor may not do.
        var tooMuch = await editor.PostAsJsonAsync("/api/v1/me/keys", new NewApiKeyDto("x", ["admin"], null));
        Assert.Equal(HttpStatusCode.Forbidden, tooMuch.StatusCode);

        var viaKey = App.CreateClientWithToken(key.Secret!);
        Assert.Equal(HttpStatusCode.OK, (await viaKey.GetAsync($"/api/v1/images/{world.Acme.ImageId}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await viaKey.PostAsync("/api/v1/images", new ByteArrayContent(TestImages.Jpeg()))).StatusCode);
        Assert.DoesNotContain(key.Secret!, await StateDumpAsync());

        Assert.Equal(HttpStatusCode.NoContent, (await editor.DeleteAsync($"/api/v1/me/keys/{key.Id}")).StatusCode);
        var revoked = await viaKey.GetAsync($"/api/v1/images/{world.Acme.ImageId}");
        Assert.Equal(HttpStatusCode.Unauthorized, revoked.StatusCode);
        Assert.Contains(ErrorCodes.CredentialsRevoked, await revoked.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task An_expired_key_is_refused_as_expired()
    {
        var admin = App.CreateClientWithToken(world.Acme.AdminToken);
        var response = await admin.PostAsJsonAsync("/api/v1/me/keys", new NewApiKeyDto("short", ["read"], DateTimeOffset.UtcNow.AddSeconds(1)));
        var key = (await response.Content.ReadFromJsonAsync<ApiKeyDto>(ImageVaultApp.Json))!;
        await Task.Delay(1500);
        var expired = await App.CreateClientWithToken(key.Secret!).GetAsync("/api/v1/search");
        Assert.Equal(HttpStatusCode.Unauthorized, expired.StatusCode);
        Assert.Contains(ErrorCodes.CredentialsExpired, await expired.Content.ReadAsStringAsync());
        // Made-up and tampered keys are unknown, never a crash.
        foreach (var fake in new[] { key.Secret![..^1] + (key.Secret[^1] == 'a' ? 'b' : 'a'), "ivk_acme_0_" + new string('0', 64), "ivk_x", new string('k', 5000) })
            Assert.Equal(HttpStatusCode.Unauthorized, (await App.CreateClientWithToken(fake).GetAsync("/api/v1/search")).StatusCode);
    }

    [Fact]
    public async Task Passwords_are_stored_as_argon2id_and_never_in_clear()
    {
        var dump = await StateDumpAsync();
        Assert.Contains("$argon2id$v=19$m=19456,t=2,p=1$", dump);
        Assert.DoesNotContain(SecurityWorld.Password, dump);
        Assert.DoesNotContain(world.Acme.AdminToken, dump);
    }

    [Fact]
    public async Task A_disabled_user_and_a_suspended_tenant_are_locked_out_until_restored()
    {
        var admin = App.CreateClientWithToken(world.Globex.AdminToken);
        var user = await TenantSetup.CreateUserAsync(admin, "temp", "viewer");
        var token = await App.SignInAsync("globex", "temp", SecurityWorld.Password);
        var client = App.CreateClientWithToken(token);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/search")).StatusCode);
        (await admin.PatchAsJsonAsync($"/api/v1/tenant/users/{user.Id}", new UserPatchDto(null, true, null, null))).EnsureSuccessStatusCode();
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/v1/search")).StatusCode);

        var op = App.CreateOperatorClient();
        (await op.PatchAsJsonAsync("/api/v1/system/tenants/globex", new TenantPatchDto(null, true))).EnsureSuccessStatusCode();
        var suspended = await admin.GetAsync("/api/v1/search");
        Assert.Equal(HttpStatusCode.Forbidden, suspended.StatusCode);
        Assert.Contains(ErrorCodes.TenantSuspended, await suspended.Content.ReadAsStringAsync());
        (await op.PatchAsJsonAsync("/api/v1/system/tenants/globex", new TenantPatchDto(null, false))).EnsureSuccessStatusCode();
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync("/api/v1/search")).StatusCode);
    }

    [Fact]
    public async Task A_user_name_is_unique_per_tenant_and_roles_are_checked()
    {
        var admin = App.CreateClientWithToken(world.Acme.AdminToken);
        Assert.Equal(HttpStatusCode.Conflict, (await admin.PostAsJsonAsync("/api/v1/tenant/users", new NewUserDto("vi", null, "viewer", SecurityWorld.Password))).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await admin.PostAsJsonAsync("/api/v1/tenant/users", new NewUserDto("new1", null, "owner", SecurityWorld.Password))).StatusCode);
        var weak = await admin.PostAsJsonAsync("/api/v1/tenant/users", new NewUserDto("new2", null, "viewer", "short"));
        Assert.Contains(ErrorCodes.WeakPassword, await weak.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Album_grants_let_a_viewer_edit_that_album_only()
    {
        var admin = App.CreateClientWithToken(world.Acme.AdminToken);
        var viewer = App.CreateClientWithToken(world.Acme.ViewerToken);
        var other = (await (await admin.PostAsJsonAsync("/api/v1/albums", new NewAlbumDto("not granted", null, null))).Content.ReadFromJsonAsync<AlbumDto>(ImageVaultApp.Json))!;
        var granted = (await (await admin.PostAsJsonAsync("/api/v1/albums", new NewAlbumDto("granted", null, null))).Content.ReadFromJsonAsync<AlbumDto>(ImageVaultApp.Json))!;
        Assert.Equal(HttpStatusCode.Forbidden, (await viewer.PatchAsJsonAsync($"/api/v1/albums/{granted.Id}", new AlbumPatchDto("renamed", null, null, null, null))).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await admin.PutAsJsonAsync($"/api/v1/albums/{granted.Id}/grants", new AlbumGrantDto(world.Acme.ViewerUserId, "editor"))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await viewer.PatchAsJsonAsync($"/api/v1/albums/{granted.Id}", new AlbumPatchDto("renamed", null, null, null, null))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await viewer.PatchAsJsonAsync($"/api/v1/albums/{other.Id}", new AlbumPatchDto("renamed", null, null, null, null))).StatusCode);
    }

    [Fact]
    public async Task Quotas_refuse_uploads_with_clear_errors()
    {
        var op = App.CreateOperatorClient();
        (await op.PostAsJsonAsync("/api/v1/system/tenants", new NewTenantDto("quota", null, new QuotasDto(2, null, null), "boss", SecurityWorld.Password))).EnsureSuccessStatusCode();
        var admin = App.CreateClientWithToken(await App.SignInAsync("quota", "boss", SecurityWorld.Password));
        await TenantSetup.UploadAsync(admin, TestImages.UniqueJpeg(70_001), "a.jpg");
        await TenantSetup.UploadAsync(admin, TestImages.UniqueJpeg(70_002), "b.jpg");
        var third = await admin.PostAsync("/api/v1/images", new MultipartFormDataContent { { new ByteArrayContent(TestImages.UniqueJpeg(70_003)), "file", "c.jpg" } });
        Assert.Equal(HttpStatusCode.Forbidden, third.StatusCode);
        Assert.Contains(ErrorCodes.QuotaImages, await third.Content.ReadAsStringAsync());
        var usage = await admin.GetFromJsonAsync<TenantDto>("/api/v1/tenant", ImageVaultApp.Json);
        Assert.Equal(2, usage!.Images);

        (await op.PatchAsJsonAsync("/api/v1/system/tenants/quota", new TenantPatchDto(new QuotasDto(0, usage.Bytes + 10, null), null))).EnsureSuccessStatusCode();
        var bytes = await admin.PostAsync("/api/v1/images", new MultipartFormDataContent { { new ByteArrayContent(TestImages.UniqueJpeg(70_004)), "file", "d.jpg" } });
        Assert.Contains(ErrorCodes.QuotaBytes, await bytes.Content.ReadAsStringAsync());

        // Two uploads were admitted within the last minute; a limit of three lets one more through.
        (await op.PatchAsJsonAsync("/api/v1/system/tenants/quota", new TenantPatchDto(new QuotasDto(0, 0, 3), null))).EnsureSuccessStatusCode();
        await TenantSetup.UploadAsync(admin, TestImages.UniqueJpeg(70_005), "e.jpg");
        var rate = await admin.PostAsync("/api/v1/images", new MultipartFormDataContent { { new ByteArrayContent(TestImages.UniqueJpeg(70_006)), "file", "f.jpg" } });
        Assert.Equal(HttpStatusCode.TooManyRequests, rate.StatusCode);
        Assert.True(rate.Headers.RetryAfter?.Delta > TimeSpan.Zero);
    }

    private async Task<string> StateDumpAsync()
    {
        await using var conn = new SqliteConnection($"Data Source={Path.Combine(App.DataPath, "state", "grains.db")};Mode=ReadOnly");
        await conn.OpenAsync();
        await using var cmd = conn.CreateCommand();
        cmd.CommandText = "SELECT group_concat(payload, char(10)) FROM grain_state";
        return (string)(await cmd.ExecuteScalarAsync())!;
    }
}
