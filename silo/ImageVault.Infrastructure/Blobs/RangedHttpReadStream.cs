using System.Net.Http.Headers;

namespace ImageVault.Infrastructure.Blobs;

/// <summary>
/// A read-only, seekable stream over an HTTP object of known length: each read after a seek opens a
/// GET with a Range header from the current position. Serves ranges from S3 through presigned URLs,
/// whatever the S3 client library's own ranged reads do (Minio 7.0.0's are broken).
/// </summary>
internal sealed class RangedHttpReadStream(HttpClient http, Func<Task<string>> url, long length) : Stream
{
    private HttpResponseMessage? _response;
    private Stream? _body;
    private long _position;

    public override bool CanRead => true;
    public override bool CanSeek => true;
    public override bool CanWrite => false;
    public override long Length => length;

    public override long Position
    {
        get => _position;
        set => Seek(value, SeekOrigin.Begin);
    }

    public override long Seek(long offset, SeekOrigin origin)
    {
        var target = origin switch { SeekOrigin.Current => _position + offset, SeekOrigin.End => length + offset, _ => offset };
        if (target < 0) throw new IOException("seek before the start of the object");
        if (target != _position) CloseBody();
        _position = target;
        return _position;
    }

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken ct = default)
    {
        if (_position >= length || buffer.Length == 0) return 0;
        _body ??= await OpenAsync(ct);
        var read = await _body.ReadAsync(buffer, ct);
        if (read == 0 && _position < length) throw new IOException($"the object ended at {_position} of {length} bytes");
        _position += read;
        return read;
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken ct) => ReadAsync(buffer.AsMemory(offset, count), ct).AsTask();

    public override int Read(byte[] buffer, int offset, int count) => ReadAsync(buffer.AsMemory(offset, count)).AsTask().GetAwaiter().GetResult();

    private async Task<Stream> OpenAsync(CancellationToken ct)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, await url());
        if (_position > 0) request.Headers.Range = new RangeHeaderValue(_position, null);
        _response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, ct);
        if (!_response.IsSuccessStatusCode) throw new IOException($"object store answered {(int)_response.StatusCode} to a read");
        if (_position > 0 && _response.StatusCode != System.Net.HttpStatusCode.PartialContent)
            throw new IOException("object store ignored the Range header");
        return await _response.Content.ReadAsStreamAsync(ct);
    }

    private void CloseBody()
    {
        _body?.Dispose();
        _response?.Dispose();
        (_body, _response) = (null, null);
    }

    public override void Flush() { }
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing) CloseBody();
        base.Dispose(disposing);
    }
}
