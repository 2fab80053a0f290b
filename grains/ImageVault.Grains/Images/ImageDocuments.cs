using System.Globalization;
using ImageVault.Grains.Abstractions.Images;
using ImageVault.Grains.Ports;

namespace ImageVault.Grains.Images;

/// <summary>Derives the search document from image state: the one place that decides what is searchable.</summary>
public static class ImageDocuments
{
    public static ImageSearchDocument From(ImageState s)
    {
        var m = s.Metadata;
        var (w, h) = s.Display;
        return new ImageSearchDocument
        {
            Tenant = s.Tenant,
            Id = s.Id,
            Version = s.Version,
            FileName = s.FileName,
            Title = s.Title ?? m?.Title,
            Description = s.Description ?? m?.Description,
            Tags = s.Tags.Select(t => t.Name).ToArray(),
            AlbumIds = s.AlbumIds.ToArray(),
            Make = m?.Make,
            Model = m?.Model,
            Lens = m?.Lens,
            Places = new[] { m?.City, m?.State, m?.Country, m?.Sublocation }.OfType<string>().ToArray(),
            CapturedAt = ParseLocal(m?.CapturedAt),
            UploadedAt = s.UploadedAt,
            Rating = s.Rating,
            Favourite = s.Favourite,
            Latitude = m?.Latitude,
            Longitude = m?.Longitude,
            Width = w,
            Height = h,
            Format = s.Format,
            Trashed = s.Trashed,
            Placeholder = s.Placeholder,
            Stage = s.Stage.ToString().ToLowerInvariant(),
            Analysis = s.Analysis?.Summary ?? "none",
            Embedding = Intelligence.EmbeddingCodec.Decode(s.Analysis?.Embedding),
            PHashes = s.Analysis?.PHashes ?? [],
            Colours = s.Analysis?.Colours ?? [],
            ColourCells = s.Analysis is { } a ? Imaging.Features.ColourAnalysis.Cells(a.Palette.Select(p => new Imaging.Features.PaletteColour(p.Hex, p.Weight))) : [],
            Text = s.Analysis?.Text,
            Stacked = s.StackedUnder is not null,
        };
    }

    /// <summary>Floating local time as written by the camera (kind Unspecified, never shifted).</summary>
    public static DateTime? ParseLocal(string? value) =>
        DateTime.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.None, out var dt)
            ? DateTime.SpecifyKind(dt, DateTimeKind.Unspecified)
            : null;
}
