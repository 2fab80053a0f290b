using System.Buffers.Binary;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace ImageVault.Imaging.Sandbox;

/// <summary>
/// The pipe protocol between the silo and a sandboxed imaging worker: one frame per message,
/// <c>[int32 json length][json][int32 blob count]([int32 length][bytes])*</c>, little-endian.
/// </summary>
public static class FrameProtocol
{
    public const int MaxJsonBytes = 4 * 1024 * 1024;
    public const int MaxBlobs = 16;

    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
    };

    public static async Task WriteAsync<T>(Stream stream, T message, IReadOnlyList<byte[]> blobs, CancellationToken ct)
    {
        var json = JsonSerializer.SerializeToUtf8Bytes(message, Json);
        var head = new byte[4];
        BinaryPrimitives.WriteInt32LittleEndian(head, json.Length);
        await stream.WriteAsync(head, ct);
        await stream.WriteAsync(json, ct);
        BinaryPrimitives.WriteInt32LittleEndian(head, blobs.Count);
        await stream.WriteAsync(head, ct);
        foreach (var blob in blobs)
        {
            BinaryPrimitives.WriteInt32LittleEndian(head, blob.Length);
            await stream.WriteAsync(head, ct);
            await stream.WriteAsync(blob, ct);
        }
        await stream.FlushAsync(ct);
    }

    /// <summary>Reads one frame, or null at a clean end of stream.</summary>
    public static async Task<(T Message, byte[][] Blobs)?> ReadAsync<T>(Stream stream, long maxBlobBytes, CancellationToken ct)
    {
        var head = new byte[4];
        if (await stream.ReadAtLeastAsync(head, 4, throwOnEndOfStream: false, ct) < 4) return null;
        var jsonLength = Checked(BinaryPrimitives.ReadInt32LittleEndian(head), MaxJsonBytes);
        var json = new byte[jsonLength];
        await stream.ReadExactlyAsync(json, ct);
        await stream.ReadExactlyAsync(head, ct);
        var blobs = new byte[Checked(BinaryPrimitives.ReadInt32LittleEndian(head), MaxBlobs)][];
        for (var i = 0; i < blobs.Length; i++)
        {
            await stream.ReadExactlyAsync(head, ct);
            blobs[i] = new byte[Checked(BinaryPrimitives.ReadInt32LittleEndian(head), maxBlobBytes)];
            await stream.ReadExactlyAsync(blobs[i], ct);
        }
        var message = JsonSerializer.Deserialize<T>(json, Json) ?? throw new InvalidDataException("empty frame");
        return (message, blobs);
    }

    private static int Checked(int value, long max) =>
        value < 0 || value > max ? throw new InvalidDataException($"frame field {value} outside 0..{max}") : value;
}
