using ImageVault.Contracts;

namespace ImageVault.Client;

public sealed partial class ImageVaultClient
{
    /// <summary>Creates a share link; the answer carries the token, shown only this once.</summary>
    public Task<ShareLinkDto> CreateShareLinkAsync(NewShareLinkDto link, CancellationToken ct = default) =>
        SendJsonAsync<ShareLinkDto>(HttpMethod.Post, "api/v1/shares", link, ct);

    /// <summary>The tenant's share links.</summary>
    public Task<List<ShareLinkDto>> ListShareLinksAsync(CancellationToken ct = default) => GetAsync<List<ShareLinkDto>>("api/v1/shares", ct);

    /// <summary>Revokes a share link; it stops working with the next request.</summary>
    public Task RevokeShareLinkAsync(string id, CancellationToken ct = default) => SendAsync(HttpMethod.Delete, $"api/v1/shares/{Id(id)}", null, ct);

    /// <summary>What a share link shows to anyone holding its token (no sign-in needed); pass the unlock token of a password link.</summary>
    public async Task<SharedDto> OpenShareAsync(string token, string? cursor = null, string? unlockToken = null, CancellationToken ct = default)
    {
        var page = cursor is null ? "" : "?cursor=" + Uri.EscapeDataString(cursor);
        using var response = await SendSharedAsync(HttpMethod.Get, $"api/v1/shared/{Id(token)}{page}", unlockToken, null, ct).ConfigureAwait(false);
        return await ReadAsync<SharedDto>(response, ct).ConfigureAwait(false);
    }

    /// <summary>One image of a share, as the link shows it (location removed unless the owner allowed it).</summary>
    public async Task<ImageDto> GetSharedImageAsync(string token, string imageId, string? unlockToken = null, CancellationToken ct = default)
    {
        using var response = await SendSharedAsync(HttpMethod.Get, $"api/v1/shared/{Id(token)}/images/{Id(imageId)}", unlockToken, null, ct).ConfigureAwait(false);
        return await ReadAsync<ImageDto>(response, ct).ConfigureAwait(false);
    }

    /// <summary>A thumbnail of a shared image, streamed.</summary>
    public Task<Stream> OpenSharedThumbnailAsync(string token, string imageId, string size = "small", CancellationToken ct = default) =>
        OpenAsync($"api/v1/shared/{Id(token)}/images/{Id(imageId)}/thumbnails/{Id(size)}", ct);

    /// <summary>The original of a shared image (when the link allows downloads), streamed.</summary>
    public Task<Stream> OpenSharedOriginalAsync(string token, string imageId, CancellationToken ct = default) =>
        OpenAsync($"api/v1/shared/{Id(token)}/images/{Id(imageId)}/original", ct);

    /// <summary>Searches inside a shared album.</summary>
    public async Task<SearchResponseDto> SearchShareAsync(string token, string text, string? unlockToken = null, CancellationToken ct = default)
    {
        using var response = await SendSharedAsync(HttpMethod.Get, $"api/v1/shared/{Id(token)}/search?q={Uri.EscapeDataString(text)}", unlockToken, null, ct).ConfigureAwait(false);
        return await ReadAsync<SearchResponseDto>(response, ct).ConfigureAwait(false);
    }

    /// <summary>Uploads a file into a shared album whose link allows uploads.</summary>
    public async Task<UploadResponseDto> UploadToShareAsync(string token, Stream content, string fileName, string? unlockToken = null, CancellationToken ct = default)
    {
        using var form = new MultipartFormDataContent { { new StreamContent(content), "file", fileName } };
        using var response = await SendSharedAsync(HttpMethod.Post, $"api/v1/shared/{Id(token)}/images", unlockToken, form, ct).ConfigureAwait(false);
        return await ReadAsync<UploadResponseDto>(response, ct).ConfigureAwait(false);
    }

    private async Task<HttpResponseMessage> SendSharedAsync(HttpMethod method, string path, string? unlockToken, HttpContent? content, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(method, path) { Content = content };
        if (unlockToken is not null) request.Headers.Add("X-ImageVault-Share-Unlock", unlockToken);
        return await _http.SendAsync(request, ct).ConfigureAwait(false);
    }
}
