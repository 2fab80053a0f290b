using ImageVault.Grains.Abstractions.Images;
using ImageVault.Imaging.Metadata;

namespace ImageVault.Grains.Pipeline;

internal static class MetadataMapping
{
    public static MetadataInfo ToInfo(this ImageMetadata m) => new()
    {
        CapturedAt = m.CapturedAt, CapturedOffset = m.CapturedOffset,
        Latitude = m.Latitude, Longitude = m.Longitude, Altitude = m.Altitude,
        Make = m.Make, Model = m.Model, Lens = m.Lens,
        ExposureTime = m.ExposureTime, FNumber = m.FNumber, Iso = m.Iso, FocalLength = m.FocalLength,
        Orientation = m.Orientation, Title = m.Title, Description = m.Description,
        Creator = m.Creator, Copyright = m.Copyright, Keywords = [.. m.Keywords],
        City = m.City, State = m.State, Country = m.Country, Sublocation = m.Sublocation,
    };
}
