using ImageVault.Contracts;

namespace ImageVault.Client;

public sealed partial class ImageVaultClient
{
    /// <summary>
    /// Uploads one file, streamed, reporting bytes sent. Every upload carries an idempotency key, so a
    /// retry after a lost answer never stores twice; a seekable stream is retried on transient failures.
    /// </summary>
    /// <param name="content">The file's bytes; seekable streams can be retried.</param>
    /// <param name="fileName">The name to keep with the image.</param>
    /// <param name="progress">Receives the number of bytes sent so far.</param>
    /// <param name="idempotencyKey">Your own key for this upload (default: a new one).</param>
    /// <param name="ct">Cancels the upload.</param>
    public Task<UploadResponseDto> UploadAsync(Stream content, string fileName, IProgress<long>? progress = null, string? idempotencyKey = null, CancellationToken ct = default) =>
        UploadCoreAsync(() => content, rewind: content.CanSeek, fileName, progress, idempotencyKey ?? Guid.NewGuid().ToString("N"), ct);

    /// <summary>Uploads a file from disk (reopened for each attempt, so every transient failure is retried safely).</summary>
    /// <param name="path">The file to upload; its name is kept.</param>
    /// <param name="progress">Receives the number of bytes sent so far.</param>
    /// <param name="ct">Cancels the upload.</param>
    public Task<UploadResponseDto> UploadFileAsync(string path, IProgress<long>? progress = null, CancellationToken ct = default) =>
        UploadCoreAsync(() => File.OpenRead(path), rewind: false, Path.GetFileName(path), progress, Guid.NewGuid().ToString("N"), ct, disposeEach: true);

    /// <summary>Which of these SHA-256 hashes (lowercase hex) the tenant already holds, and as which image.</summary>
    public async Task<IReadOnlyDictionary<string, string>> LookupHashesAsync(IReadOnlyList<string> sha256, CancellationToken ct = default) =>
        (await SendJsonAsync<HashLookupResultDto>(HttpMethod.Post, "api/v1/images/lookup", new HashLookupDto(sha256), ct).ConfigureAwait(false)).Found;

    /// <summary>Imports every image of a ZIP file; entry names are used as file names only.</summary>
    public async Task<UploadResponseDto> ImportZipAsync(Stream zip, CancellationToken ct = default)
    {
        using var content = new StreamContent(zip);
        using var response = await _http.PostAsync("api/v1/imports/zip", content, ct).ConfigureAwait(false);
        return await ReadAsync<UploadResponseDto>(response, ct).ConfigureAwait(false);
    }

    /// <summary>One image's record: metadata, tags, albums, pipeline status, analysis, links.</summary>
    public Task<ImageDto> GetImageAsync(string id, CancellationToken ct = default) => GetAsync<ImageDto>($"api/v1/images/{Id(id)}", ct);

    /// <summary>Changes title, description, rating or favourite (null members stay).</summary>
    public Task<ImageDto> UpdateImageAsync(string id, ImagePatchDto patch, CancellationToken ct = default) =>
        SendJsonAsync<ImageDto>(HttpMethod.Patch, $"api/v1/images/{Id(id)}", patch, ct);

    /// <summary>Adds and removes tags.</summary>
    public Task<ImageDto> ChangeTagsAsync(string id, IReadOnlyList<string>? add, IReadOnlyList<string>? remove = null, CancellationToken ct = default) =>
        SendJsonAsync<ImageDto>(HttpMethod.Post, $"api/v1/images/{Id(id)}/tags", new TagChangeDto(add, remove), ct);

    /// <summary>Adds a comment as the signed-in user.</summary>
    public Task<CommentDto> AddCommentAsync(string id, string text, CancellationToken ct = default) =>
        SendJsonAsync<CommentDto>(HttpMethod.Post, $"api/v1/images/{Id(id)}/comments", new NewCommentDto(text, null), ct);

    /// <summary>Moves an image to the trash.</summary>
    public Task<ImageDto> TrashAsync(string id, CancellationToken ct = default) => SendJsonAsync<ImageDto>(HttpMethod.Delete, $"api/v1/images/{Id(id)}", null, ct);

    /// <summary>Brings an image back from the trash.</summary>
    public Task<ImageDto> RestoreAsync(string id, CancellationToken ct = default) => SendJsonAsync<ImageDto>(HttpMethod.Post, $"api/v1/images/{Id(id)}/restore", null, ct);

    /// <summary>Deletes a trashed image for good, with its files.</summary>
    public Task PurgeAsync(string id, CancellationToken ct = default) => SendAsync(HttpMethod.Post, $"api/v1/images/{Id(id)}/purge", null, ct);

    /// <summary>Adds and removes tags on many images at once.</summary>
    public Task<BulkResultDto> BulkTagAsync(IReadOnlyList<string> imageIds, IReadOnlyList<string>? add, IReadOnlyList<string>? remove = null, CancellationToken ct = default) =>
        SendJsonAsync<BulkResultDto>(HttpMethod.Post, "api/v1/images/bulk/tags", new BulkTagChangeDto(imageIds, add, remove), ct);

    /// <summary>The original file, streamed.</summary>
    public Task<Stream> OpenOriginalAsync(string id, CancellationToken ct = default) => OpenAsync($"api/v1/images/{Id(id)}/original", ct);

    /// <summary>A thumbnail (<c>small</c>, <c>large</c>), streamed.</summary>
    public Task<Stream> OpenThumbnailAsync(string id, string size = "small", CancellationToken ct = default) => OpenAsync($"api/v1/images/{Id(id)}/thumbnails/{Id(size)}", ct);

    /// <summary>Images that look like this one, most similar first.</summary>
    public Task<SimilarResponseDto> SimilarAsync(string id, int limit = 20, CancellationToken ct = default) =>
        GetAsync<SimilarResponseDto>($"api/v1/images/{Id(id)}/similar?limit={limit}", ct);

    /// <summary>Text read from the image, with word positions.</summary>
    public Task<ImageTextDto> GetTextAsync(string id, CancellationToken ct = default) => GetAsync<ImageTextDto>($"api/v1/images/{Id(id)}/text", ct);

    private async Task<UploadResponseDto> UploadCoreAsync(Func<Stream> open, bool rewind, string fileName, IProgress<long>? progress, string key, CancellationToken ct, bool disposeEach = false)
    {
        for (var attempt = 1; ; attempt++)
        {
            var stream = open();
            var start = rewind ? stream.Position : 0;
            try
            {
                using var content = new MultipartFormDataContent { { new ProgressContent(stream, progress), "file", fileName } };
                using var request = new HttpRequestMessage(HttpMethod.Post, "api/v1/images") { Content = content };
                request.Headers.Add("Idempotency-Key", key);
                using var response = await _http.SendAsync(request, ct).ConfigureAwait(false);
                if (IsTransient(response) && attempt < MaxUploadAttempts && (rewind || disposeEach))
                {
                    await Task.Delay(Backoff(attempt, response), ct).ConfigureAwait(false);
                    if (rewind) stream.Position = start;
                    continue;
                }
                return await ReadAsync<UploadResponseDto>(response, ct).ConfigureAwait(false);
            }
            catch (HttpRequestException) when (attempt < MaxUploadAttempts && (rewind || disposeEach))
            {
                await Task.Delay(Backoff(attempt, null), ct).ConfigureAwait(false);
                if (rewind) stream.Position = start;
            }
            finally
            {
                if (disposeEach) await stream.DisposeAsync().ConfigureAwait(false);
            }
        }
    }

    private const int MaxUploadAttempts = 4;

    private static bool IsTransient(HttpResponseMessage r) => (int)r.StatusCode is 408 or 429 or 502 or 503 or 504;

    private static TimeSpan Backoff(int attempt, HttpResponseMessage? r) =>
        r?.Headers.RetryAfter?.Delta ?? TimeSpan.FromMilliseconds(200 * Math.Pow(2, attempt - 1));
}
