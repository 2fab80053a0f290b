using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using ImageVault.Contracts;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace ImageVault.Testing;

/// <summary>
/// A real embedded ImageVault in the test process (WebApplicationFactory): real SQLite, blob
/// folder, Lucene index and sandboxed worker processes, on a private data folder and free ports.
/// Dispose and create another on the same <see cref="DataPath"/> to test a restart.
/// </summary>
public sealed class ImageVaultApp : WebApplicationFactory<Program>
{
    private readonly Dictionary<string, string?> _settings;

    public ImageVaultApp(string? dataPath = null, IDictionary<string, string?>? settings = null)
    {
        DataPath = dataPath ?? TempFolder.Create("iv-app");
        _settings = new Dictionary<string, string?>
        {
            ["ImageVault:DataPath"] = DataPath,
            ["ImageVault:SiloPort"] = FreePort().ToString(),
            ["ImageVault:GatewayPort"] = FreePort().ToString(),
            ["ImageVault:Limits:Workers"] = "2",
            ["ImageVault:Limits:ProcessingTimeout"] = "00:00:15",
            ["Logging:LogLevel:Default"] = "Warning",
            ["ImageVault:Admin:Token"] = OperatorToken,
            ["ImageVault:Security:BootstrapAdminPassword"] = AdminPassword,
            ["ImageVault:Security:SecureCookies"] = "false",
            // Tests drive many requests from one address; the limits themselves are tested with low values.
            ["ImageVault:Security:RequestsPerSecond"] = "10000",
            ["ImageVault:Security:Burst"] = "10000",
            ["ImageVault:Security:SignInsPerMinute"] = "1000",
        };
        foreach (var (k, v) in settings ?? new Dictionary<string, string?>()) _settings[k] = v;
    }

    public const string OperatorToken = "test-operator-token-1f3e";
    public const string AdminPassword = "bootstrap-admin-password-7c1";

    private string? _adminToken;

    public string DataPath { get; }

    /// <summary>A client that carries the operator token the system routes, metrics and dashboard require.</summary>
    public HttpClient CreateOperatorClient()
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", OperatorToken);
        return client;
    }

    /// <summary>A client without any credential.</summary>
    public HttpClient CreateAnonymousClient()
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Authorization = null;
        return client;
    }

    /// <summary>A client with the given bearer token (a session or an API key).</summary>
    public HttpClient CreateClientWithToken(string token)
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    /// <summary>Serves through real Kestrel on a loopback port (header limits, connection behaviour) instead of the in-memory test server.</summary>
    public ImageVaultApp WithKestrel()
    {
        // Port 0: the system picks a free port when Kestrel binds, so no other process can take it in between.
        UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
        _kestrel = true;
        return this;
    }

    private bool _kestrel;

    /// <summary>Where Kestrel listens (after the server started); null for the in-memory server.</summary>
    public Uri? KestrelAddress
    {
        get
        {
            if (!_kestrel) return null;
            StartServer();
            var addresses = Services.GetRequiredService<Microsoft.AspNetCore.Hosting.Server.IServer>()
                .Features.Get<Microsoft.AspNetCore.Hosting.Server.Features.IServerAddressesFeature>()!.Addresses;
            return new Uri(addresses.First());
        }
    }

    /// <summary>Signs in by password and returns the session token.</summary>
    public async Task<string> SignInAsync(string tenant, string userName, string password)
    {
        StartServer();
        using var raw = KestrelAddress is { } address ? new HttpClient { BaseAddress = address } : Server.CreateClient();
        var response = await raw.PostAsJsonAsync("/api/v1/auth/sign-in", new SignInDto(tenant, userName, password));
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"sign-in of {tenant}/{userName} failed: {(int)response.StatusCode} {body}");
        return System.Text.Json.JsonSerializer.Deserialize<SessionDto>(body, Json)!.Token;
    }

    /// <summary>
    /// Every client this factory makes acts as the default tenant's first admin (signed in once, by
    /// password, through the real sign-in route), so tests of other features call the API as a real user.
    /// </summary>
    protected override void ConfigureClient(HttpClient client)
    {
        base.ConfigureClient(client);
        _adminToken ??= SignInAsync(Grains.Abstractions.GrainKeys.DefaultTenant, "admin", AdminPassword).GetAwaiter().GetResult();
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", _adminToken);
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        foreach (var (k, v) in _settings) builder.UseSetting(k, v);
    }

    /// <summary>Uploads one file as multipart and returns the status and the parsed body.</summary>
    public async Task<(HttpStatusCode Status, UploadResponseDto? Body, string Raw)> UploadAsync(byte[] bytes, string fileName, string? idempotencyKey = null)
    {
        using var content = new MultipartFormDataContent { { new ByteArrayContent(bytes), "file", fileName } };
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/images") { Content = content };
        if (idempotencyKey is not null) request.Headers.Add("Idempotency-Key", idempotencyKey);
        var response = await CreateClient().SendAsync(request);
        var raw = await response.Content.ReadAsStringAsync();
        var body = response.IsSuccessStatusCode ? System.Text.Json.JsonSerializer.Deserialize<UploadResponseDto>(raw, Json) : null;
        return (response.StatusCode, body, raw);
    }

    /// <summary>Uploads and returns the new image's id, failing the test unless it was created.</summary>
    public async Task<string> UploadNewAsync(byte[] bytes, string fileName = "test.jpg")
    {
        var (status, body, raw) = await UploadAsync(bytes, fileName);
        Assert.True(status == HttpStatusCode.Created, $"expected 201, got {(int)status}: {raw}");
        return body!.Items[0].Id!;
    }

    /// <summary>
    /// Polls until the image's pipeline is done: out of the "stored" stage and out of the pipeline
    /// backlog, which it leaves only once its new state is indexed too (state is written first).
    /// </summary>
    public async Task<ImageDto> WaitProcessedAsync(string id, TimeSpan? timeout = null, HttpClient? asTenantAdmin = null)
    {
        var client = asTenantAdmin ?? CreateOperatorClient();
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(60));
        while (true)
        {
            var image = await client.GetFromJsonAsync<ImageDto>($"/api/v1/images/{id}", Json);
            var pending = await client.GetStringAsync("/api/v1/admin/pipeline");
            if (image!.Status.Stage != "stored" && !pending.Contains($"\"{id}\"", StringComparison.Ordinal)) return image;
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"image {id} still unprocessed");
            await Task.Delay(50);
        }
    }

    public static readonly System.Text.Json.JsonSerializerOptions Json = new(System.Text.Json.JsonSerializerDefaults.Web);

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

public static class TempFolder
{
    public static string Create(string prefix)
    {
        var path = Path.Combine(Path.GetTempPath(), $"{prefix}-{Guid.NewGuid():N}");
        Directory.CreateDirectory(path);
        return path;
    }
}
