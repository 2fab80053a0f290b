using ImageVault.Contracts;
using ImageVault.Grains.Abstractions.Images;
using ImageVault.Grains.Ports;
using ImageVault.Imaging.Metadata;

namespace ImageVault.Silo.Api;

/// <summary>How a share link shows an image: its record without location (unless allowed), links inside the share, and originals stripped of location.</summary>
public static class SharedOriginals
{
    public static ImageDto ToSharedDto(this ImageState s, string token, bool includeLocation)
    {
        var dto = s.ToDto();
        var self = $"/api/v1/shared/{token}/images/{s.Id}";
        var metadata = dto.Metadata is { } m && !includeLocation
            ? m with { Latitude = null, Longitude = null, Altitude = null, City = null, State = null, Country = null, Sublocation = null }
            : dto.Metadata;
        return dto with
        {
            Metadata = metadata, AlbumIds = [], Comments = [], StackedUnder = null,
            Links = new ImageLinksDto(self, $"{self}/original", s.Thumbnails.Keys.ToDictionary(k => k, k => $"{self}/thumbnails/{k}")),
        };
    }

    /// <summary>
    /// The original with its location removed (JPEG, PNG). Other formats cannot be rewritten here, so a
    /// file of such a format that has a location is refused rather than served with it.
    /// </summary>
    public static async Task<IResult> ServeWithoutLocationAsync(HttpContext http, IBlobStore blobs, ImageState image)
    {
        if (!LocationStripper.CanStrip(image.Format))
        {
            if (image.Metadata?.Latitude is not null || image.Metadata?.City is not null)
                return Problems.Of(ErrorCodes.ShareForbidden, $"this {image.Format} original carries a location, which this link does not share");
            return await MediaEndpoints.Serve(http, blobs, image.OriginalKey, image.ContentType, image.Sha256, image.FileName, download: true);
        }
        await using var handle = await blobs.OpenReadAsync(image.OriginalKey, http.RequestAborted);
        if (handle is null) return Problems.NotFound("blob");
        using var buffer = new MemoryStream();
        await handle.Stream.CopyToAsync(buffer, http.RequestAborted);
        var stripped = LocationStripper.Strip(buffer.ToArray(), image.Format);
        if (stripped is null) return Problems.Of(ErrorCodes.ShareForbidden, "the original could not be rewritten without its location");
        http.Response.Headers.XContentTypeOptions = "nosniff";
        http.Response.Headers.ContentSecurityPolicy = "default-src 'none'; sandbox";
        http.Response.Headers.ContentDisposition = MediaEndpoints.Disposition(download: true, image.FileName);
        return Results.Bytes(stripped, image.ContentType);
    }
}
