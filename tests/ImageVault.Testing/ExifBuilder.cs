using System.Buffers.Binary;
using System.Text;

namespace ImageVault.Testing;

/// <summary>
/// Builds a small, valid EXIF APP1 segment (big-endian TIFF: IFD0 → ExifIFD, GPS IFD) for test
/// fixtures, so tests control exactly which metadata a file carries.
/// </summary>
public sealed class ExifBuilder
{
    public string? Make { get; init; }
    public string? Model { get; init; }
    public int? Orientation { get; init; }
    public string? DateTimeOriginal { get; init; }
    public string? OffsetTimeOriginal { get; init; }
    public (double Lat, double Lon)? Gps { get; init; }

    private sealed record Entry(ushort Tag, ushort Type, uint Count, byte[] Data);

    /// <summary>Returns JPEG bytes with this EXIF inserted right after SOI.</summary>
    public byte[] InsertInto(byte[] jpeg)
    {
        var app1 = Segment();
        return [.. jpeg.AsSpan(0, 2), .. app1, .. jpeg.AsSpan(2)];
    }

    public byte[] Segment()
    {
        var tiff = Tiff();
        var payload = Encoding.ASCII.GetBytes("Exif\0\0").Concat(tiff).ToArray();
        var segment = new byte[4 + payload.Length];
        segment[0] = 0xFF; segment[1] = 0xE1;
        BinaryPrimitives.WriteUInt16BigEndian(segment.AsSpan(2), (ushort)(payload.Length + 2));
        payload.CopyTo(segment, 4);
        return segment;
    }

    private byte[] Tiff()
    {
        var ifd0 = new List<Entry>();
        if (Make is not null) ifd0.Add(Ascii(0x010F, Make));
        if (Model is not null) ifd0.Add(Ascii(0x0110, Model));
        if (Orientation is { } o) ifd0.Add(new Entry(0x0112, 3, 1, [(byte)(o >> 8), (byte)o, 0, 0]));
        var exif = new List<Entry>();
        if (DateTimeOriginal is not null) exif.Add(Ascii(0x9003, DateTimeOriginal));
        if (OffsetTimeOriginal is not null) exif.Add(Ascii(0x9011, OffsetTimeOriginal));
        var gps = new List<Entry>();
        if (Gps is { } g)
        {
            gps.Add(Ascii(0x0001, g.Lat >= 0 ? "N" : "S"));
            gps.Add(Rationals(0x0002, Dms(Math.Abs(g.Lat))));
            gps.Add(Ascii(0x0003, g.Lon >= 0 ? "E" : "W"));
            gps.Add(Rationals(0x0004, Dms(Math.Abs(g.Lon))));
        }

        // Layout: header(8) | IFD0 | ExifIFD | GPS IFD | data area. Pointers are patched once sizes are known.
        var ifd0Count = ifd0.Count + (exif.Count > 0 ? 1 : 0) + (gps.Count > 0 ? 1 : 0);
        var ifd0Size = IfdSize(ifd0Count);
        var exifOffset = 8 + ifd0Size;
        var gpsOffset = exifOffset + (exif.Count > 0 ? IfdSize(exif.Count) : 0);
        var dataOffset = gpsOffset + (gps.Count > 0 ? IfdSize(gps.Count) : 0);
        if (exif.Count > 0) ifd0.Add(Long(0x8769, (uint)exifOffset));
        if (gps.Count > 0) ifd0.Add(Long(0x8825, (uint)gpsOffset));

        var data = new List<byte>();
        var output = new List<byte> { (byte)'M', (byte)'M', 0, 42, 0, 0, 0, 8 };
        output.AddRange(Ifd(ifd0, dataOffset, data));
        if (exif.Count > 0) output.AddRange(Ifd(exif, dataOffset, data));
        if (gps.Count > 0) output.AddRange(Ifd(gps, dataOffset, data));
        output.AddRange(data);
        return [.. output];
    }

    private static int IfdSize(int entries) => 2 + entries * 12 + 4;

    private static byte[] Ifd(List<Entry> entries, int dataOffset, List<byte> data)
    {
        var bytes = new byte[IfdSize(entries.Count)];
        BinaryPrimitives.WriteUInt16BigEndian(bytes, (ushort)entries.Count);
        var at = 2;
        foreach (var e in entries.OrderBy(e => e.Tag))
        {
            BinaryPrimitives.WriteUInt16BigEndian(bytes.AsSpan(at), e.Tag);
            BinaryPrimitives.WriteUInt16BigEndian(bytes.AsSpan(at + 2), e.Type);
            BinaryPrimitives.WriteUInt32BigEndian(bytes.AsSpan(at + 4), e.Count);
            if (e.Data.Length <= 4) e.Data.CopyTo(bytes, at + 8);
            else
            {
                BinaryPrimitives.WriteUInt32BigEndian(bytes.AsSpan(at + 8), (uint)(dataOffset + data.Count));
                data.AddRange(e.Data);
                if (data.Count % 2 == 1) data.Add(0);
            }
            at += 12;
        }
        return bytes; // next-IFD pointer stays 0
    }

    private static Entry Ascii(ushort tag, string value)
    {
        var bytes = Encoding.ASCII.GetBytes(value + "\0");
        return new Entry(tag, 2, (uint)bytes.Length, bytes.Length < 4 ? [.. bytes, .. new byte[4 - bytes.Length]] : bytes);
    }

    private static Entry Long(ushort tag, uint value)
    {
        var bytes = new byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(bytes, value);
        return new Entry(tag, 4, 1, bytes);
    }

    private static Entry Rationals(ushort tag, (uint Num, uint Den)[] values)
    {
        var bytes = new byte[values.Length * 8];
        for (var i = 0; i < values.Length; i++)
        {
            BinaryPrimitives.WriteUInt32BigEndian(bytes.AsSpan(i * 8), values[i].Num);
            BinaryPrimitives.WriteUInt32BigEndian(bytes.AsSpan(i * 8 + 4), values[i].Den);
        }
        return new Entry(tag, 5, (uint)values.Length, bytes);
    }

    private static (uint, uint)[] Dms(double degrees)
    {
        var d = Math.Floor(degrees);
        var m = Math.Floor((degrees - d) * 60);
        var s = (degrees - d - m / 60) * 3600;
        return [((uint)d, 1), ((uint)m, 1), ((uint)Math.Round(s * 10000), 10000)];
    }
}
