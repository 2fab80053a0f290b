using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using ImageVault.Contracts;
using ImageVault.Testing;

namespace ImageVault.Api.Tests.Cluster;

/// <summary>
/// Revocation and suspension "everywhere": two real silo processes on PostgreSQL; a key revoked or a
/// tenant suspended through one silo is refused by the other on the very next request.
/// </summary>
public class ClusterSecurityTests(ClusterHarness cluster) : IClassFixture<ClusterHarness>
{
    [Fact]
    public async Task A_key_revoked_on_one_silo_is_refused_by_the_other_at_once()
    {
        var (a, b) = (await cluster.StartSiloAsync(), await cluster.StartSiloAsync());
        (await a.Http.PostAsJsonAsync("/api/v1/system/tenants", new NewTenantDto("spread", null, null, "boss", "spread-password-1"))).EnsureSuccessStatusCode();
        var signIn = await b.Http.PostAsJsonAsync("/api/v1/auth/sign-in", new SignInDto("spread", "boss", "spread-password-1"));
        var session = (await signIn.Content.ReadFromJsonAsync<SessionDto>(ImageVaultApp.Json))!.Token;

        var keyAnswer = await Send(a, HttpMethod.Post, "/api/v1/me/keys", session, JsonContent.Create(new NewApiKeyDto("k", ["read"], null)));
        var key = (await keyAnswer.Content.ReadFromJsonAsync<ApiKeyDto>(ImageVaultApp.Json))!;
        Assert.Equal(HttpStatusCode.OK, (await Send(b, HttpMethod.Get, "/api/v1/search", key.Secret!)).StatusCode);

        Assert.Equal(HttpStatusCode.NoContent, (await Send(a, HttpMethod.Delete, $"/api/v1/me/keys/{key.Id}", session)).StatusCode);
        var started = DateTime.UtcNow;
        var refused = await Send(b, HttpMethod.Get, "/api/v1/search", key.Secret!);
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        Assert.True(DateTime.UtcNow - started < TimeSpan.FromSeconds(1));

        (await b.Http.PatchAsJsonAsync("/api/v1/system/tenants/spread", new TenantPatchDto(null, true))).EnsureSuccessStatusCode();
        Assert.Equal(HttpStatusCode.Forbidden, (await Send(a, HttpMethod.Get, "/api/v1/search", session)).StatusCode);
    }

    private static async Task<HttpResponseMessage> Send(SiloProcess silo, HttpMethod method, string path, string token, HttpContent? content = null)
    {
        using var request = new HttpRequestMessage(method, path) { Content = content };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return await silo.Http.SendAsync(request);
    }
}
