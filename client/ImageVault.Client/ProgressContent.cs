using System.Net;

namespace ImageVault.Client;

/// <summary>Streams a body in 64 KiB pieces and reports the bytes sent after each.</summary>
internal sealed class ProgressContent(Stream source, IProgress<long>? progress) : HttpContent
{
    protected override async Task SerializeToStreamAsync(Stream target, TransportContext? context) => await CopyAsync(target, CancellationToken.None).ConfigureAwait(false);

    protected override Task SerializeToStreamAsync(Stream target, TransportContext? context, CancellationToken ct) => CopyAsync(target, ct);

    protected override bool TryComputeLength(out long length)
    {
        length = source.CanSeek ? source.Length - source.Position : 0;
        return source.CanSeek;
    }

    private async Task CopyAsync(Stream target, CancellationToken ct)
    {
        var buffer = new byte[64 * 1024];
        long sent = 0;
        int read;
        while ((read = await source.ReadAsync(buffer, ct).ConfigureAwait(false)) > 0)
        {
            await target.WriteAsync(buffer.AsMemory(0, read), ct).ConfigureAwait(false);
            sent += read;
            progress?.Report(sent);
        }
    }
}
