using System.Security.Cryptography;
using ImageVault.Grains.Ports;
using ImageVault.Infrastructure.Blobs;
using ImageVault.Testing;

namespace ImageVault.Infrastructure.Tests.Contracts;

/// <summary>The blob contract against a real S3 server (Ceph RADOS Gateway in CI), plus what only S3 needs.</summary>
public sealed class S3BlobStoreTests : BlobStoreContract, IDisposable
{
    private readonly S3BlobStore _store = new(S3TestServer.Options());
    protected override IBlobStore Store => _store;

    [Fact]
    public async Task Ranges_are_served_by_seeking_the_read_stream()
    {
        var bytes = RandomNumberGenerator.GetBytes(300_000);
        await _store.PutAsync("t/s3/range", new MemoryStream(bytes), "image/jpeg");
        await using var handle = await _store.OpenReadAsync("t/s3/range");
        Assert.True(handle!.Stream.CanSeek);
        Assert.Equal(bytes.Length, handle.Stream.Length);
        foreach (var offset in new[] { 250_000, 10, 299_990 })
        {
            handle.Stream.Position = offset;
            var chunk = new byte[10];
            await handle.Stream.ReadExactlyAsync(chunk);
            Assert.Equal(bytes[offset..(offset + 10)], chunk);
        }
    }

    [Fact]
    public async Task Large_uploads_stream_as_multipart_and_round_trip()
    {
        var bytes = RandomNumberGenerator.GetBytes(20 * 1024 * 1024 + 123);
        var info = await _store.PutAsync("t/s3/large", new NonSeekable(bytes), "application/octet-stream");
        Assert.Equal(bytes.Length, info.Length);
        await using var handle = await _store.OpenReadAsync("t/s3/large");
        Assert.Equal(SHA256.HashData(bytes), await SHA256.HashDataAsync(handle!.Stream));
    }

    [Fact]
    public async Task A_wrong_secret_is_a_clear_error_not_a_missing_blob()
    {
        var options = S3TestServer.Options();
        options.SecretKey += "x";
        using var wrong = new S3BlobStore(options);
        await Assert.ThrowsAsync<BlobStoreException>(() => wrong.PutAsync("t/s3/denied", new MemoryStream([1]), "x/y"));
    }

    public void Dispose() => _store.Dispose();

    private sealed class NonSeekable(byte[] bytes) : MemoryStream(bytes)
    {
        public override bool CanSeek => false;
    }
}
