namespace ImageVault.Imaging.Formats;

/// <summary>What the header of a file says, read without decoding any pixel.</summary>
/// <param name="Format">The sniffed format.</param>
/// <param name="Width">Stored width in pixels, when the header states it.</param>
/// <param name="Height">Stored height in pixels, when the header states it.</param>
/// <param name="Frames">Frame or page count when cheaply known (GIF is not scanned: 1).</param>
public sealed record ImageHeader(ImageFormat Format, int? Width, int? Height, int Frames = 1)
{
    public long? Pixels => Width is { } w && Height is { } h ? (long)w * h : null;
}
