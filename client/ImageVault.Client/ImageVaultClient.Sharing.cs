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

    /// <summary>What a share link shows to anyone holding its token (no sign-in needed).</summary>
    public Task<SharedDto> OpenShareAsync(string token, string? cursor = null, CancellationToken ct = default) =>
        GetAsync<SharedDto>($"api/v1/shared/{Id(token)}{(cursor is null ? "" : $"?cursor={Uri.EscapeDataString(cursor)}")}", ct);
}
