using ImageVault.Contracts;
using ImageVault.Grains.Abstractions.Images;
using ImageVault.Grains.Ports;

namespace ImageVault.Silo.Api;

/// <summary>Maps grain state and index documents to the wire DTOs, with links.</summary>
public static class ImageDtoMapper
{
    public static string SelfLink(string id) => $"/api/v1/images/{id}";
    public static string ThumbnailLink(string id, string size) => $"/api/v1/images/{id}/thumbnails/{size}";

    public static ImageDto ToDto(this ImageState s)
    {
        var (dw, dh) = s.Display;
        return new ImageDto
        {
            Id = s.Id, FileName = s.FileName, Format = s.Format, ContentType = s.ContentType, SizeBytes = s.SizeBytes,
            Sha256 = s.Sha256, Width = s.Width, Height = s.Height, DisplayWidth = dw, DisplayHeight = dh,
            UploadedAt = s.UploadedAt, Metadata = s.Metadata?.ToDto(), Title = s.Title, Description = s.Description,
            Tags = s.Tags.Select(t => new TagDto(t.Name, t.Source)).ToArray(),
            Rating = s.Rating, Favourite = s.Favourite,
            Comments = s.Comments.Select(c => new CommentDto(c.Id, c.Author, c.Text, c.CreatedAt)).ToArray(),
            AlbumIds = s.AlbumIds.ToArray(),
            Status = new PipelineStatusDto(s.Stage.ToString().ToLowerInvariant(), s.ErrorCode, s.ErrorDetail),
            Placeholder = s.Placeholder, Trashed = s.Trashed, TrashedAt = s.TrashedAt, Version = s.Version,
            Analysis = s.Analysis is { } a ? new AnalysisDto(a.Status.ToString().ToLowerInvariant(), a.Model, a.Colours,
                a.Palette.Select(p => new PaletteColourDto(p.Hex, p.Weight)).ToArray(), a.Text, a.TextBoxes, a.Sharpness, a.Brightness,
                a.AnalysedAt, a.ErrorCode) : null,
            StackedUnder = s.StackedUnder,
            Links = new ImageLinksDto(SelfLink(s.Id), $"{SelfLink(s.Id)}/original",
                s.Thumbnails.Keys.ToDictionary(k => k, k => ThumbnailLink(s.Id, k))),
        };
    }

    public static ImageMetadataDto ToDto(this MetadataInfo m) => new()
    {
        CapturedAt = m.CapturedAt, CapturedOffset = m.CapturedOffset, Latitude = m.Latitude, Longitude = m.Longitude,
        Altitude = m.Altitude, Make = m.Make, Model = m.Model, Lens = m.Lens, ExposureTime = m.ExposureTime,
        FNumber = m.FNumber, Iso = m.Iso, FocalLength = m.FocalLength, Orientation = m.Orientation, Title = m.Title,
        Description = m.Description, Creator = m.Creator, Copyright = m.Copyright, Keywords = m.Keywords,
        City = m.City, State = m.State, Country = m.Country, Sublocation = m.Sublocation,
    };

    public static SearchHitDto ToHit(this ImageSearchDocument d) => new(
        d.Id, d.FileName, d.Title, d.CapturedAt?.ToString("yyyy-MM-ddTHH:mm:ss", System.Globalization.CultureInfo.InvariantCulture),
        d.UploadedAt, d.Width, d.Height, d.Placeholder, d.Rating, d.Favourite, d.Tags, ThumbnailLink(d.Id, "small"), d.Colours);
}
