using System.Runtime.CompilerServices;
using ImageVault.Contracts;

namespace ImageVault.Client;

public sealed partial class ImageVaultClient
{
    /// <summary>One page of results (and facets when asked); pass <paramref name="cursor"/> from the previous page to continue.</summary>
    public Task<SearchResponseDto> SearchPageAsync(SearchRequest request, string? cursor = null, CancellationToken ct = default) =>
        GetAsync<SearchResponseDto>($"api/v1/search{request.ToQuery(cursor)}", ct);

    /// <summary>Every hit of a search, fetching pages as you enumerate.</summary>
    public async IAsyncEnumerable<SearchHitDto> SearchAsync(SearchRequest request, [EnumeratorCancellation] CancellationToken ct = default)
    {
        string? cursor = null;
        do
        {
            var page = await SearchPageAsync(request, cursor, ct).ConfigureAwait(false);
            foreach (var hit in page.Items) yield return hit;
            cursor = page.NextCursor;
        } while (cursor is not null);
    }

    /// <summary>Images that look like the given picture (not stored).</summary>
    public async Task<SimilarResponseDto> SearchByExampleAsync(Stream picture, int limit = 20, CancellationToken ct = default)
    {
        using var content = new StreamContent(picture);
        using var response = await _http.PostAsync($"api/v1/search/similar?limit={limit}", content, ct).ConfigureAwait(false);
        return await ReadAsync<SimilarResponseDto>(response, ct).ConfigureAwait(false);
    }

    /// <summary>Groups of near-duplicates waiting for review.</summary>
    public Task<DuplicateGroupsDto> GetDuplicatesAsync(CancellationToken ct = default) => GetAsync<DuplicateGroupsDto>("api/v1/duplicates", ct);

    /// <summary>Resolves a duplicate group: <c>trash</c>, <c>stack</c> or <c>dismiss</c>.</summary>
    public Task ResolveDuplicatesAsync(string groupId, DuplicateResolutionDto resolution, CancellationToken ct = default) =>
        SendAsync(HttpMethod.Post, $"api/v1/duplicates/{Id(groupId)}/resolve", resolution, ct);
}
