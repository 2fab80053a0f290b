using System.Net;
using System.Net.Http.Json;
using System.Text;
using ImageVault.Contracts;
using ImageVault.Testing;

namespace ImageVault.Api.Tests.Security;

/// <summary>Rate limits, headers, hostile strings shown back, and oversized requests on a real Kestrel server.</summary>
public class HardeningTests : IAsyncLifetime
{
    private readonly ImageVaultApp _app = new ImageVaultApp(settings: new Dictionary<string, string?>
    {
        ["ImageVault:Analysis:Enabled"] = "false",
        ["ImageVault:Security:RequestsPerSecond"] = "1",
        ["ImageVault:Security:Burst"] = "40",
        ["ImageVault:Security:SignInsPerMinute"] = "3",
    }).WithKestrel();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task A_caller_over_the_rate_gets_429_with_retry_after()
    {
        var client = _app.CreateClient();
        HttpResponseMessage? refused = null;
        for (var i = 0; i < 80 && refused is null; i++)
            if (await client.GetAsync("/api/v1/me") is { StatusCode: HttpStatusCode.TooManyRequests } r) refused = r;
        Assert.NotNull(refused);
        Assert.True(refused.Headers.RetryAfter?.Delta >= TimeSpan.FromSeconds(1));
        Assert.Contains(ErrorCodes.RateLimited, await refused.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Password_guessing_from_one_address_is_throttled()
    {
        var anon = _app.CreateAnonymousClient();
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 6; i++) statuses.Add((await anon.PostAsJsonAsync("/api/v1/auth/sign-in", new SignInDto("default", "admin", $"guess-{i}-xxxxxxxx"))).StatusCode);
        Assert.Contains(HttpStatusCode.TooManyRequests, statuses);
        Assert.Equal(HttpStatusCode.Unauthorized, statuses[0]);
    }

    [Fact]
    public async Task Every_answer_carries_the_security_headers()
    {
        var api = await _app.CreateAnonymousClient().GetAsync("/api/v1/search");
        Assert.Equal("default-src 'none'; frame-ancestors 'none'", api.Headers.GetValues("Content-Security-Policy").Single());
        Assert.Equal("nosniff", api.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("DENY", api.Headers.GetValues("X-Frame-Options").Single());
        Assert.Equal("no-referrer", api.Headers.GetValues("Referrer-Policy").Single());
        var page = await _app.CreateAnonymousClient().GetAsync("/healthz");
        var csp = page.Headers.GetValues("Content-Security-Policy").Single();
        Assert.Contains("script-src 'self'", csp);
        Assert.DoesNotContain("unsafe-inline", csp);
        Assert.Contains("frame-ancestors 'none'", csp);
    }

    [Fact]
    public async Task Script_in_file_names_and_exif_is_returned_as_inert_data()
    {
        const string script = "<script>alert(1)</script>";
        var client = _app.CreateClient();
        var bytes = TestImages.UniqueJpeg(90_001, new ExifBuilder { Make = script, Model = "\"><img src=x onerror=alert(1)>" });
        using var content = new MultipartFormDataContent { { new ByteArrayContent(bytes), "file", "<img src=x onerror=alert(1)>.jpg" } };
        var upload = await client.PostAsync("/api/v1/images", content);
        var id = (await upload.Content.ReadFromJsonAsync<UploadResponseDto>(ImageVaultApp.Json))!.Items[0].Id!;
        await _app.WaitProcessedAsync(id, asTenantAdmin: client);

        var record = await client.GetAsync($"/api/v1/images/{id}");
        Assert.Equal("application/json", record.Content.Headers.ContentType!.MediaType);
        var raw = await record.Content.ReadAsStringAsync();
        Assert.DoesNotContain("<", raw); // escaped by the serializer: inert even if a page pasted it as HTML
        var parsed = System.Text.Json.JsonSerializer.Deserialize<ImageDto>(raw, ImageVaultApp.Json)!;
        Assert.Equal(script, parsed.Metadata!.Make); // the data itself is kept as written

        var original = await client.GetAsync($"/api/v1/images/{id}/original");
        Assert.Equal("image/jpeg", original.Content.Headers.ContentType!.MediaType);
        Assert.Equal("default-src 'none'; sandbox", original.Headers.GetValues("Content-Security-Policy").Single());
        Assert.DoesNotContain("<", original.Content.Headers.ContentDisposition!.ToString());

        // Documents that a browser would run are refused at upload, whatever they are called.
        foreach (var (name, body) in new[] { ("x.svg", "<svg xmlns=\"http://www.w3.org/2000/svg\" onload=\"alert(1)\"/>"), ("x.jpg", "<html><script>alert(1)</script></html>") })
        {
            var refused = await client.PostAsync("/api/v1/images", new MultipartFormDataContent { { new ByteArrayContent(Encoding.UTF8.GetBytes(body)), "file", name } });
            Assert.Equal(HttpStatusCode.UnsupportedMediaType, refused.StatusCode);
        }
    }

    [Fact]
    public async Task Oversized_headers_and_bodies_are_refused_without_harm()
    {
        var client = _app.CreateClient();
        using (var huge = new HttpRequestMessage(HttpMethod.Get, "/api/v1/search"))
        {
            huge.Headers.Add("X-Padding", new string('a', 40_000));
            Assert.Equal(HttpStatusCode.RequestHeaderFieldsTooLarge, (await client.SendAsync(huge)).StatusCode);
        }
        var body = new StringContent("{\"tag\":\"" + new string('a', 2 << 20) + "\"}", Encoding.UTF8, "application/json");
        var tooBig = await client.PostAsync("/api/v1/albums", body);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, tooBig.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/me")).StatusCode);
        // The refused change is audited too, with where it came from.
        var audit = await client.GetFromJsonAsync<AuditPageDto>("/api/v1/tenant/audit?action=POST%20/api/v1/albums", ImageVaultApp.Json);
        var entry = Assert.Single(audit!.Items, e => e.Status == 413);
        Assert.Equal("127.0.0.1", entry.Address);
    }
}
