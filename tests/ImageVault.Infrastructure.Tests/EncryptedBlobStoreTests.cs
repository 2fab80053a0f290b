using System.Security.Cryptography;
using ImageVault.Grains.Ports;
using ImageVault.Infrastructure.Blobs;
using ImageVault.Testing;

namespace ImageVault.Infrastructure.Tests;

/// <summary>The at-rest format and the encrypting store in front of a real blob folder.</summary>
public class EncryptedBlobStoreTests
{
    private sealed class FixedKeys : ITenantKeyRing
    {
        private readonly Dictionary<string, byte[]> _keys = new();
        public Task<byte[]> DataKeyAsync(string tenant, CancellationToken ct = default)
        {
            lock (_keys) return Task.FromResult(_keys.TryGetValue(tenant, out var k) ? k : _keys[tenant] = RandomNumberGenerator.GetBytes(32));
        }
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(SegmentedAesGcm.SegmentSize - 1)]
    [InlineData(SegmentedAesGcm.SegmentSize)]
    [InlineData(SegmentedAesGcm.SegmentSize + 1)]
    [InlineData(3 * SegmentedAesGcm.SegmentSize + 5)]
    public void Round_trips_any_length_and_reports_the_plain_length(int length)
    {
        var key = RandomNumberGenerator.GetBytes(32);
        var plain = RandomNumberGenerator.GetBytes(length);
        var stored = ReadAll(SegmentedAesGcm.Encrypt(new MemoryStream(plain), key, "acme"));
        Assert.Equal(length, SegmentedAesGcm.PlainLength(stored.Length));
        Assert.Equal(plain, ReadAll(SegmentedAesGcm.Decrypt(new MemoryStream(stored), key, "acme")));
    }

    [Fact]
    public void Tampering_truncation_another_tenant_or_key_are_all_detected()
    {
        var key = RandomNumberGenerator.GetBytes(32);
        var stored = ReadAll(SegmentedAesGcm.Encrypt(new MemoryStream(new byte[200_000]), key, "acme"));
        var flipped = (byte[])stored.Clone();
        flipped[100_000] ^= 1;
        var cut = stored[..(SegmentedAesGcm.HeaderSize + 2 * (SegmentedAesGcm.SegmentSize + SegmentedAesGcm.TagSize))]; // whole segments, last one dropped
        Assert.ThrowsAny<CryptographicException>(() => ReadAll(SegmentedAesGcm.Decrypt(new MemoryStream(flipped), key, "acme")));
        Assert.ThrowsAny<CryptographicException>(() => ReadAll(SegmentedAesGcm.Decrypt(new MemoryStream(cut), key, "acme")));
        Assert.ThrowsAny<CryptographicException>(() => ReadAll(SegmentedAesGcm.Decrypt(new MemoryStream(stored), key, "globex")));
        Assert.ThrowsAny<CryptographicException>(() => ReadAll(SegmentedAesGcm.Decrypt(new MemoryStream(stored), RandomNumberGenerator.GetBytes(32), "acme")));
    }

    [Fact]
    public async Task Originals_are_ciphertext_in_the_inner_store_and_plain_through_the_port()
    {
        var inner = new FolderBlobStore(TempFolder.Create("iv-enc"));
        var store = new EncryptedBlobStore(inner, new FixedKeys());
        var jpeg = TestImages.UniqueJpeg(4242, new ExifBuilder { Make = "SecretCam" });
        var sha = Convert.ToHexStringLower(SHA256.HashData(jpeg));
        var temp = BlobKeys.Temp("acme", "upload1");
        await store.PutAsync(temp, new MemoryStream(jpeg), "image/jpeg");
        var original = BlobKeys.Original("acme", sha);
        await store.MoveAsync(temp, original);

        await using (var raw = await inner.OpenReadAsync(original))
        {
            var bytes = ReadAll(raw!.Stream);
            Assert.NotEqual(jpeg.Length, bytes.Length);
            Assert.False(bytes.AsSpan().IndexOf("SecretCam"u8) >= 0);
            Assert.False(bytes[0] == 0xFF && bytes[1] == 0xD8);
        }
        await using (var through = await store.OpenReadAsync(original))
        {
            Assert.Equal(jpeg.Length, through!.Info.Length);
            Assert.Equal(jpeg, ReadAll(through.Stream));
        }
        Assert.Equal(jpeg.Length, (await store.StatAsync(original))!.Length);
        // Derived data is not encrypted; nothing can be moved across tenants.
        var thumb = BlobKeys.Thumbnail("acme", sha, "small", "webp");
        await store.PutAsync(thumb, new MemoryStream([1, 2, 3]), "image/webp");
        await using (var t = await inner.OpenReadAsync(thumb)) Assert.Equal([1, 2, 3], ReadAll(t!.Stream));
        await Assert.ThrowsAsync<InvalidOperationException>(() => store.MoveAsync(original, BlobKeys.Original("globex", sha)));
    }

    private static byte[] ReadAll(Stream s)
    {
        using var m = new MemoryStream();
        s.CopyTo(m);
        s.Dispose();
        return m.ToArray();
    }
}
