using ImageVault.Grains.Abstractions.Identity;
using ImageVault.Silo.Security;
using ImageVault.Contracts;
using ImageVault.Grains.Abstractions.Images;
using ImageVault.Grains.Intelligence;
using ImageVault.Grains.Ports;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;

namespace ImageVault.Silo.Api;

/// <summary>Similar images, comparison, OCR text and suggested tags. Translation only: <see cref="ImageIntelligence"/> decides.</summary>
public static class IntelligenceEndpoints
{
    private const int DefaultLimit = 24;
    private const long MaxExampleBytes = 50L << 20;

    public static void MapIntelligenceEndpoints(this IEndpointRouteBuilder app)
    {
        var images = app.MapGroup("/api/v1/images");
        images.MapGet("/{id}/similar", async (HttpContext h, ImageIntelligence ai, string id, int? limit) =>
        {
            if (!RequestTenant.TryKey(h, id, out _)) return Problems.NotFound();
            var hits = await ai.SimilarToAsync(RequestTenant.Of(h), id, Limit(limit), h.RequestAborted);
            return hits is null ? Problems.NotFound() : Results.Ok(Similar(hits));
        }).RequireAccess(Permission.Read);
        images.MapGet("/compare", async (HttpContext h, IGrainFactory g, ImageIntelligence ai, string? a, string? b) =>
        {
            if (a is null || b is null || !RequestTenant.TryKey(h, a, out var keyA) || !RequestTenant.TryKey(h, b, out var keyB)
                || await g.GetGrain<IImageGrain>(keyA).GetAsync() is null || await g.GetGrain<IImageGrain>(keyB).GetAsync() is null) return Problems.NotFound();
            var c = await ai.CompareAsync(RequestTenant.Of(h), a, b, h.RequestAborted);
            return c is null ? Problems.Of(ErrorCodes.NotAnalysed, "both images must exist and be analysed")
                : Results.Ok(new ComparisonDto(a, b, c.Cosine, c.Euclidean, c.Ssim));
        }).RequireAccess(Permission.Read);
        images.MapGet("/{id}/text", async (HttpContext h, IGrainFactory g, ImageIntelligence ai, string id) =>
        {
            if (!RequestTenant.TryKey(h, id, out var key)) return Problems.NotFound();
            if (await g.GetGrain<IImageGrain>(key).GetAsync() is null) return Problems.NotFound();
            var artefact = await ai.TextOfAsync(RequestTenant.Of(h), id, h.RequestAborted);
            return artefact is null ? Problems.Of(ErrorCodes.NotAnalysed, "the image has not been analysed yet")
                : Results.Ok(new ImageTextDto(artefact.Text, artefact.Width, artefact.Height,
                    artefact.Words.Select(w => new OcrWordDto(w.Text, w.Confidence, w.Quad)).ToArray()));
        }).RequireAccess(Permission.Read);
        images.MapGet("/{id}/suggested-tags", async (HttpContext h, ImageIntelligence ai, string id) =>
        {
            if (!RequestTenant.TryKey(h, id, out _)) return Problems.NotFound();
            var suggestions = await ai.SuggestTagsAsync(RequestTenant.Of(h), id, h.RequestAborted);
            return suggestions is null ? Problems.NotFound()
                : Results.Ok(new TagSuggestionsDto(suggestions.Select(s => new TagSuggestionDto(s.Tag, s.Confidence, s.Neighbours)).ToArray()));
        }).RequireAccess(Permission.Read);
        images.MapPost("/{id}/suggested-tags", async (HttpContext h, IGrainFactory g, string id, SuggestionDecisionDto d) =>
        {
            if (!RequestTenant.TryKey(h, id, out var key)) return Problems.NotFound();
            var image = g.GetGrain<IImageGrain>(key);
            var state = d.Accept is { Count: > 0 } accept ? await image.ChangeTagsAsync(new SetChange(accept, [])) : await image.GetAsync();
            if (state is not null && d.Reject is { Count: > 0 } reject) state = await image.RejectSuggestionsAsync(reject);
            return state is null ? Problems.NotFound() : Results.Ok(state.ToDto());
        }).RequireAccess(Permission.Edit);
        images.MapPost("/{id}/similar/tags", async (HttpContext h, ImageIntelligence ai, string id, TagSimilarDto d) =>
        {
            if (!RequestTenant.TryKey(h, id, out _)) return Problems.NotFound();
            if (string.IsNullOrWhiteSpace(d.Tag) || d.MinSimilarity is < 0 or > 1) return Problems.Invalid("tag is required; minSimilarity is 0–1");
            var tagged = await ai.TagSimilarAsync(RequestTenant.Of(h), id, d.Tag, d.MinSimilarity ?? 0.8, Math.Clamp(d.Limit ?? 100, 1, ImageIntelligence.MaxSimilar), h.RequestAborted);
            return tagged is null ? Problems.NotFound() : Results.Ok(new TagSimilarResultDto(tagged));
        }).RequireAccess(Permission.Edit);

        app.MapPost("/api/v1/search/similar", async (HttpContext h, ImageIntelligence ai, int? limit) =>
        {
            var example = await ReadExampleAsync(h);
            if (example is null) return Problems.Of(ErrorCodes.TooLarge, $"the example image may be at most {MaxExampleBytes >> 20} MiB");
            if (example.Length == 0) return Problems.Of(ErrorCodes.EmptyUpload, "send the example image as the body or a multipart file");
            var (hits, code, detail) = await ai.SimilarToExampleAsync(RequestTenant.Of(h), example, Limit(limit), h.RequestAborted);
            return code is not null ? Problems.Of(code, detail ?? "the example could not be read") : Results.Ok(Similar(hits));
        }).RequireAccess(Permission.Read);
    }

    private static int Limit(int? limit) => Math.Clamp(limit ?? DefaultLimit, 1, ImageIntelligence.MaxSimilar);

    private static SimilarResponseDto Similar(IEnumerable<SimilarHit> hits) =>
        new(hits.Select(x => new SimilarHitDto(x.Document.ToHit(), Math.Round(x.Similarity, 4))).ToArray());

    /// <summary>The example image: the first file part of a multipart body, or the raw body. Null when too large, empty when missing.</summary>
    private static async Task<byte[]?> ReadExampleAsync(HttpContext h)
    {
        // The example is bounded below; lift the server's small default for other bodies (Program.cs).
        if (h.Features.Get<Microsoft.AspNetCore.Http.Features.IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size) size.MaxRequestBodySize = MaxExampleBytes + (1 << 20);
        var body = h.Request.Body;
        if (MediaTypeHeaderValue.TryParse(h.Request.ContentType, out var type) && type.MediaType.StartsWith("multipart/", StringComparison.OrdinalIgnoreCase))
        {
            var boundary = HeaderUtilities.RemoveQuotes(type.Boundary).Value;
            if (string.IsNullOrEmpty(boundary)) return [];
            MultipartSection? section;
            try { section = await new MultipartReader(boundary, body).ReadNextSectionAsync(h.RequestAborted); }
            catch (Exception e) when (e is IOException or InvalidDataException) { return []; } // malformed multipart: no example in it
            if (section is null) return [];
            body = section.Body;
        }
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await body.ReadAsync(chunk, h.RequestAborted)) > 0)
        {
            if (buffer.Length + read > MaxExampleBytes) return null;
            buffer.Write(chunk, 0, read);
        }
        return buffer.ToArray();
    }
}
