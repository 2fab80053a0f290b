using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace ImageVault.Client;

/// <summary>
/// Typed access to every public route of the ImageVault API. Thread-safe; create it through
/// <see cref="Microsoft.Extensions.DependencyInjection.ImageVaultServiceCollectionExtensions.AddImageVaultClient"/> (resilience, authentication) or
/// around an <see cref="HttpClient"/> whose base address and bearer token you set yourself.
/// Refusals surface as <see cref="ImageVaultApiException"/> and its subclasses.
/// </summary>
public sealed partial class ImageVaultClient
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private readonly HttpClient _http;

    /// <summary>Wraps an HTTP client that already carries the base address (and, usually, the bearer token).</summary>
    public ImageVaultClient(HttpClient http) => _http = http ?? throw new ArgumentNullException(nameof(http));

    private async Task<T> GetAsync<T>(string path, CancellationToken ct)
    {
        using var response = await _http.GetAsync(path, ct).ConfigureAwait(false);
        return await ReadAsync<T>(response, ct).ConfigureAwait(false);
    }

    private async Task<T> SendJsonAsync<T>(HttpMethod method, string path, object? body, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(method, path) { Content = body is null ? null : JsonContent.Create(body, body.GetType(), options: Json) };
        using var response = await _http.SendAsync(request, ct).ConfigureAwait(false);
        return await ReadAsync<T>(response, ct).ConfigureAwait(false);
    }

    private async Task SendAsync(HttpMethod method, string path, object? body, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(method, path) { Content = body is null ? null : JsonContent.Create(body, body.GetType(), options: Json) };
        using var response = await _http.SendAsync(request, ct).ConfigureAwait(false);
        await EnsureSuccessAsync(response, ct).ConfigureAwait(false);
    }

    private async Task<Stream> OpenAsync(string path, CancellationToken ct)
    {
        var response = await _http.GetAsync(path, HttpCompletionOption.ResponseHeadersRead, ct).ConfigureAwait(false);
        await EnsureSuccessAsync(response, ct).ConfigureAwait(false);
        return await response.Content.ReadAsStreamAsync(ct).ConfigureAwait(false);
    }

    private static async Task<T> ReadAsync<T>(HttpResponseMessage response, CancellationToken ct)
    {
        await EnsureSuccessAsync(response, ct).ConfigureAwait(false);
        return (await response.Content.ReadFromJsonAsync<T>(Json, ct).ConfigureAwait(false))!;
    }

    /// <summary>Turns a refusal into the matching typed exception, reading the problem document's <c>code</c> and <c>detail</c>.</summary>
    internal static async Task EnsureSuccessAsync(HttpResponseMessage response, CancellationToken ct)
    {
        if (response.IsSuccessStatusCode) return;
        string? code = null, detail = null;
        try
        {
            using var doc = JsonDocument.Parse(await response.Content.ReadAsStringAsync(ct).ConfigureAwait(false));
            if (doc.RootElement.ValueKind == JsonValueKind.Object)
            {
                code = doc.RootElement.TryGetProperty("code", out var c) ? c.GetString() : null;
                detail = doc.RootElement.TryGetProperty("detail", out var d) ? d.GetString() : null;
            }
        }
        catch (JsonException) { detail = response.ReasonPhrase; }
        throw response.StatusCode switch
        {
            HttpStatusCode.NotFound => new ImageVaultNotFoundException(code, detail),
            HttpStatusCode.Unauthorized => new ImageVaultUnauthorizedException(code, detail),
            HttpStatusCode.Forbidden => new ImageVaultForbiddenException(code, detail),
            HttpStatusCode.TooManyRequests => new ImageVaultRateLimitedException(code, detail, response.Headers.RetryAfter?.Delta),
            _ => new ImageVaultApiException(response.StatusCode, code, detail),
        };
    }

    private static string Id(string id) => Uri.EscapeDataString(id ?? throw new ArgumentNullException(nameof(id)));
}
