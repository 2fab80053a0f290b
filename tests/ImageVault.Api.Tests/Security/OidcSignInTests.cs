using System.Net;
using System.Net.Http.Json;
using ImageVault.Contracts;
using ImageVault.Testing;
using Microsoft.AspNetCore.Mvc.Testing;

namespace ImageVault.Api.Tests.Security;

/// <summary>The whole authorization-code + PKCE flow against the suite's own OpenIddict provider, over real HTTP.</summary>
public class OidcSignInTests(SecurityWorld world) : IClassFixture<SecurityWorld>
{
    private const string Callback = "http://localhost/api/v1/auth/oidc/globex/callback";

    [Fact]
    public async Task A_user_signs_in_through_the_tenants_provider_and_gets_a_session()
    {
        await using var provider = await TestOidcProvider.StartAsync(Callback);
        await ConfigureAsync(provider);

        var (location, cookie) = await SignInAsync(provider, "/albums?view=grid");
        Assert.Equal("/albums?view=grid", location);
        var me = await Me(cookie);
        Assert.Equal("alice", me.UserName);
        Assert.Equal("editor", me.Role); // the tenant's default role for newcomers
        Assert.Equal("globex", me.Tenant);

        // The same person again is the same account; someone else is a new one.
        var again = await Me((await SignInAsync(provider, "/")).Cookie);
        Assert.Equal(me.UserId, again.UserId);
        provider.NextUser = ("sub-bob-2", "bob", "Bob");
        Assert.NotEqual(me.UserId, (await Me((await SignInAsync(provider, "/")).Cookie)).UserId);
    }

    [Fact]
    public async Task A_callback_without_its_browser_cookie_or_replayed_is_refused_and_never_redirects_off_site()
    {
        await using var provider = await TestOidcProvider.StartAsync(Callback);
        await ConfigureAsync(provider);
        var app = Client();
        var start = await app.GetAsync("/api/v1/auth/oidc/globex/start?returnUrl=//evil.example/x");
        var stateCookie = CookieOf(start, "iv_oidc_state");
        var atProvider = await new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }).GetAsync(start.Headers.Location);
        var callback = atProvider.Headers.Location!.PathAndQuery;

        var planted = await app.GetAsync(callback); // no state cookie: a sign-in planted from elsewhere
        Assert.Equal(HttpStatusCode.Unauthorized, planted.StatusCode);
        Assert.Contains(ErrorCodes.OidcFailed, await planted.Content.ReadAsStringAsync());

        var (replayState, code) = (stateCookie, callback);
        var first = await Send(app, code, $"iv_oidc_state={replayState}");
        Assert.Equal("/", first.Headers.Location!.OriginalString); // "//evil.example/x" was not a local address
        var replay = await Send(app, code, $"iv_oidc_state={replayState}");
        Assert.Equal(HttpStatusCode.Unauthorized, replay.StatusCode);
    }

    [Fact]
    public async Task A_tenant_without_a_provider_or_with_an_unreachable_one_answers_clearly()
    {
        var app = Client();
        Assert.Equal(HttpStatusCode.NotFound, (await app.GetAsync("/api/v1/auth/oidc/acme/start")).StatusCode);
        var admin = world.App.CreateClientWithToken(world.Globex.AdminToken);
        (await admin.PutAsJsonAsync("/api/v1/tenant/oidc", new OidcSettingsDto($"http://127.0.0.1:{ImageVaultApp.FreePort()}", "x", null, null, false))).EnsureSuccessStatusCode();
        var down = await app.GetAsync("/api/v1/auth/oidc/globex/start");
        Assert.Equal(HttpStatusCode.Unauthorized, down.StatusCode);
        Assert.Contains(ErrorCodes.OidcFailed, await down.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task With_a_public_base_url_the_callback_ignores_the_host_header()
    {
        await using var app = new ImageVaultApp(settings: new Dictionary<string, string?>
        {
            ["ImageVault:Analysis:Enabled"] = "false", ["ImageVault:Security:PublicBaseUrl"] = "https://images.example.test/",
        });
        await using var provider = await TestOidcProvider.StartAsync("https://images.example.test/api/v1/auth/oidc/default/callback");
        (await app.CreateClient().PutAsJsonAsync("/api/v1/tenant/oidc", new OidcSettingsDto(provider.Authority.ToString(), TestOidcProvider.ClientId, null, null, false))).EnsureSuccessStatusCode();
        var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/auth/oidc/default/start");
        request.Headers.Host = "evil.example";
        var start = await client.SendAsync(request);
        var query = System.Web.HttpUtility.ParseQueryString(start.Headers.Location!.Query);
        Assert.Equal("https://images.example.test/api/v1/auth/oidc/default/callback", query["redirect_uri"]);
    }

    private async Task ConfigureAsync(TestOidcProvider provider)
    {
        var admin = world.App.CreateClientWithToken(world.Globex.AdminToken);
        var response = await admin.PutAsJsonAsync("/api/v1/tenant/oidc", new OidcSettingsDto(provider.Authority.ToString(), TestOidcProvider.ClientId, null, "editor", false));
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
    }

    /// <summary>Browser steps by hand: start at ImageVault, follow to the provider, come back with the code and the state cookie.</summary>
    private async Task<(string Location, string Cookie)> SignInAsync(TestOidcProvider provider, string returnUrl)
    {
        var app = Client();
        var start = await app.GetAsync($"/api/v1/auth/oidc/globex/start?returnUrl={Uri.EscapeDataString(returnUrl)}");
        Assert.Equal(HttpStatusCode.Redirect, start.StatusCode);
        Assert.StartsWith(provider.Authority.ToString(), start.Headers.Location!.ToString());
        Assert.Contains("code_challenge_method=S256", start.Headers.Location.Query);
        using var browser = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false });
        var atProvider = await browser.GetAsync(start.Headers.Location);
        Assert.Equal(HttpStatusCode.Redirect, atProvider.StatusCode);
        Assert.StartsWith(Callback, atProvider.Headers.Location!.ToString());
        var back = await Send(app, atProvider.Headers.Location.PathAndQuery, $"iv_oidc_state={CookieOf(start, "iv_oidc_state")}");
        Assert.True(back.StatusCode == HttpStatusCode.Redirect, await back.Content.ReadAsStringAsync());
        return (back.Headers.Location!.OriginalString, CookieOf(back, "iv_session"));
    }

    private async Task<MeDto> Me(string sessionCookie)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/me");
        request.Headers.Add("Cookie", $"iv_session={sessionCookie}");
        var response = await Client().SendAsync(request);
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<MeDto>(ImageVaultApp.Json))!;
    }

    private static async Task<HttpResponseMessage> Send(HttpClient app, string pathAndQuery, string cookie)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, pathAndQuery);
        request.Headers.Add("Cookie", cookie);
        return await app.SendAsync(request);
    }

    private HttpClient Client()
    {
        var client = world.App.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        client.DefaultRequestHeaders.Authorization = null;
        return client;
    }

    private static string CookieOf(HttpResponseMessage response, string name) =>
        response.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0]).Single(c => c.StartsWith(name + "=", StringComparison.Ordinal))[(name.Length + 1)..];
}
