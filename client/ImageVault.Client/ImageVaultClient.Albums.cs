using System.Text.Json;
using ImageVault.Contracts;

namespace ImageVault.Client;

public sealed partial class ImageVaultClient
{
    /// <summary>Creates an album (nested under <paramref name="parentId"/> when given).</summary>
    public Task<AlbumDto> CreateAlbumAsync(string name, string? description = null, string? parentId = null, CancellationToken ct = default) =>
        SendJsonAsync<AlbumDto>(HttpMethod.Post, "api/v1/albums", new NewAlbumDto(name, description, parentId), ct);

    /// <summary>Every album of the tenant: id, name and parent.</summary>
    public async Task<IReadOnlyList<AlbumSummary>> ListAlbumsAsync(CancellationToken ct = default) =>
        await GetAsync<List<AlbumSummary>>("api/v1/albums", ct).ConfigureAwait(false);

    /// <summary>One album.</summary>
    public Task<AlbumDto> GetAlbumAsync(string id, CancellationToken ct = default) => GetAsync<AlbumDto>($"api/v1/albums/{Id(id)}", ct);

    /// <summary>Renames, describes, moves or sets the cover of an album (null members stay).</summary>
    public Task<AlbumDto> UpdateAlbumAsync(string id, AlbumPatchDto patch, CancellationToken ct = default) =>
        SendJsonAsync<AlbumDto>(HttpMethod.Patch, $"api/v1/albums/{Id(id)}", patch, ct);

    /// <summary>Deletes an album; its images stay.</summary>
    public Task DeleteAlbumAsync(string id, CancellationToken ct = default) => SendAsync(HttpMethod.Delete, $"api/v1/albums/{Id(id)}", null, ct);

    /// <summary>Adds images to and removes images from an album.</summary>
    public Task<BulkResultDto> ChangeAlbumImagesAsync(string id, IReadOnlyList<string>? add, IReadOnlyList<string>? remove = null, CancellationToken ct = default) =>
        SendJsonAsync<BulkResultDto>(HttpMethod.Post, $"api/v1/albums/{Id(id)}/images", new AlbumMembershipDto(add, remove), ct);

    /// <summary>The album as a ZIP file (originals and a JSON record beside each), streamed.</summary>
    public Task<Stream> ExportAlbumAsync(string id, CancellationToken ct = default) => OpenAsync($"api/v1/albums/{Id(id)}/export.zip", ct);
}

/// <summary>An album as the album list shows it.</summary>
/// <param name="Id">The album's id.</param>
/// <param name="Name">Its name.</param>
/// <param name="ParentId">The album it is nested in, if any.</param>
public sealed record AlbumSummary(string Id, string Name, string? ParentId);
