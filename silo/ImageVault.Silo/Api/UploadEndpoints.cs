using ImageVault.Grains.Abstractions.Identity;
using ImageVault.Silo.Security;
using ImageVault.Contracts;
using ImageVault.Grains.Options;
using ImageVault.Grains.Upload;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace ImageVault.Silo.Api;

/// <summary>
/// <c>POST /api/v1/images</c>: multipart with any number of file parts (any part name), or a raw
/// body with the name in <c>X-File-Name</c> or <c>?fileName=</c>. Files stream straight through to
/// the blob store; nothing is buffered whole.
/// </summary>
public static class UploadEndpoints
{
    public static void MapUploadEndpoints(this IEndpointRouteBuilder app) =>
        app.MapPost("/api/v1/images", (HttpContext http, ImageUploadService uploads, IOptions<ImageVaultLimits> limits, IGrainFactory grains) =>
            Idempotency.RunAsync(http, grains, () => UploadAsync(http, uploads, limits.Value, grains, RequestTenant.Of(http))))
            .DisableAntiforgery().RequireAccess(Permission.Upload);

    /// <summary>Reads every file of the request into <paramref name="tenant"/> (also used by share links that allow uploads).</summary>
    public static async Task<(int Status, object Body)> UploadAsync(HttpContext http, ImageUploadService uploads, ImageVaultLimits limits, IGrainFactory grains, string tenant)
    {
        // Each file is bounded on its own while it streams; the request as a whole is bounded by the file count.
        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size) size.MaxRequestBodySize = null;
        var quotas = grains.GetGrain<ITenantGrain>(tenant);
        var items = new List<UploadItemDto>();
        var ct = http.RequestAborted;

        if (MediaTypeHeaderValue.TryParse(http.Request.ContentType, out var type) && type.MediaType.StartsWith("multipart/", StringComparison.OrdinalIgnoreCase))
        {
            var boundary = HeaderUtilities.RemoveQuotes(type.Boundary).Value;
            if (string.IsNullOrEmpty(boundary)) return Refusal(ErrorCodes.BadMultipart, "multipart body without a boundary");
            var reader = new MultipartReader(boundary, http.Request.Body);
            try
            {
                while (await reader.ReadNextSectionAsync(ct) is { } section)
                {
                    if (!ContentDispositionHeaderValue.TryParse(section.ContentDisposition, out var cd) || !cd.IsFileDisposition()) continue;
                    if (items.Count >= limits.MaxFilesPerRequest)
                        return Refusal(ErrorCodes.TooManyFiles, $"at most {limits.MaxFilesPerRequest} files per request");
                    var name = HeaderUtilities.RemoveQuotes(cd.FileNameStar.HasValue ? cd.FileNameStar : cd.FileName).Value;
                    if (await AdmitAsync(http, quotas, items.Count == 0 ? http.Request.ContentLength ?? 0 : 0) is { } refused) return items.Count == 0 ? refused : Summarise(items);
                    items.Add(await uploads.UploadAsync(tenant, name, section.Body, ct));
                    if (items[^1].ErrorCode == ErrorCodes.TooLarge) break; // don't read on through an oversized body
                }
            }
            catch (Exception e) when (e is InvalidDataException or IOException && e is not UploadTooLargeException)
            {
                if (items.Count == 0) return Refusal(ErrorCodes.BadMultipart, "the multipart body is malformed or ended early");
            }
        }
        else
        {
            var name = http.Request.Headers["X-File-Name"].FirstOrDefault() is { } header ? Uri.UnescapeDataString(header) : http.Request.Query["fileName"].FirstOrDefault();
            if (await AdmitAsync(http, quotas, http.Request.ContentLength ?? 0) is { } refused) return refused;
            items.Add(await uploads.UploadAsync(tenant, name, http.Request.Body, ct));
        }

        return Summarise(items);
    }

    /// <summary>The tenant's quotas (images, bytes, uploads per minute) admit each file before a byte of it is stored; null when admitted.</summary>
    private static async Task<(int, object)?> AdmitAsync(HttpContext http, ITenantGrain quotas, long bytes)
    {
        var verdict = await quotas.AdmitUploadAsync(bytes);
        switch (verdict.Breach)
        {
            case QuotaBreach.None: return null;
            case QuotaBreach.Rate:
                Problems.SetRetryAfter(http, verdict.RetryAfter);
                return Refusal(ErrorCodes.RateLimited, verdict.Detail);
            case QuotaBreach.Images: return Refusal(ErrorCodes.QuotaImages, verdict.Detail);
            case QuotaBreach.Bytes: return Refusal(ErrorCodes.QuotaBytes, verdict.Detail);
            default: return Refusal(ErrorCodes.TenantSuspended, verdict.Detail);
        }
    }

    /// <summary>201 when something new was stored, 200 when all were duplicates, the refusal itself for a lone refused file.</summary>
    private static (int, object) Summarise(List<UploadItemDto> items)
    {
        if (items.Count == 0) return Refusal(ErrorCodes.NoFiles, "the request carried no file");
        if (items.All(i => i.Outcome == UploadOutcomes.Refused))
        {
            var first = items[0];
            return (Problems.StatusOf(first.ErrorCode!), ProblemBody(first.ErrorCode!, first.ErrorDetail!, items));
        }
        var status = items.Any(i => i.Outcome == UploadOutcomes.Created) ? StatusCodes.Status201Created : StatusCodes.Status200OK;
        return (status, new UploadResponseDto(items));
    }

    private static (int, object) Refusal(string code, string detail) => (Problems.StatusOf(code), ProblemBody(code, detail, []));

    private static Microsoft.AspNetCore.Mvc.ProblemDetails ProblemBody(string code, string detail, IReadOnlyList<UploadItemDto> items)
    {
        var problem = new Microsoft.AspNetCore.Mvc.ProblemDetails { Status = Problems.StatusOf(code), Title = "Upload refused", Detail = detail };
        problem.Extensions["code"] = code;
        problem.Extensions["items"] = items;
        return problem;
    }
}
