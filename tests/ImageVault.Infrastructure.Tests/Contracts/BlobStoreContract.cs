using System.Security.Cryptography;
using ImageVault.Grains.Ports;

namespace ImageVault.Infrastructure.Tests.Contracts;

/// <summary>What every <see cref="IBlobStore"/> adapter must do. Each adapter's test class derives from this.</summary>
public abstract class BlobStoreContract
{
    protected abstract IBlobStore Store { get; }

    private static string Key(string name) => $"t/contract/{Guid.NewGuid():N}/{name}";

    [Fact]
    public async Task Put_then_read_round_trips_bytes_and_length()
    {
        var bytes = RandomNumberGenerator.GetBytes(3 * 1024 * 1024 + 17);
        var key = Key("a.bin");
        var info = await Store.PutAsync(key, new MemoryStream(bytes), "application/octet-stream");
        Assert.Equal(bytes.Length, info.Length);
        await using var handle = await Store.OpenReadAsync(key);
        Assert.NotNull(handle);
        var read = new MemoryStream();
        await handle.Stream.CopyToAsync(read);
        Assert.Equal(SHA256.HashData(bytes), SHA256.HashData(read.ToArray()));
    }

    [Fact]
    public async Task Missing_blobs_read_as_null_and_delete_quietly()
    {
        var key = Key("missing");
        Assert.Null(await Store.OpenReadAsync(key));
        Assert.Null(await Store.StatAsync(key));
        await Store.DeleteAsync(key);
    }

    [Fact]
    public async Task Move_replaces_target_and_removes_source()
    {
        var (from, to) = (Key("from"), Key("to"));
        await Store.PutAsync(to, new MemoryStream([1]), "x/y");
        await Store.PutAsync(from, new MemoryStream([2, 3]), "x/y");
        await Store.MoveAsync(from, to);
        Assert.Null(await Store.StatAsync(from));
        Assert.Equal(2, (await Store.StatAsync(to))!.Length);
    }

    [Fact]
    public async Task List_returns_keys_under_prefix_in_order()
    {
        var prefix = $"t/contract/{Guid.NewGuid():N}/";
        foreach (var name in new[] { "b", "a", "c/d" }) await Store.PutAsync(prefix + name, new MemoryStream([0]), "x/y");
        await Store.PutAsync($"t/contract/{Guid.NewGuid():N}/other", new MemoryStream([0]), "x/y");
        var keys = new List<string>();
        await foreach (var b in Store.ListAsync(prefix)) keys.Add(b.Key);
        Assert.Equal([prefix + "a", prefix + "b", prefix + "c/d"], keys);
    }

    [Fact]
    public async Task A_failed_put_leaves_nothing_behind()
    {
        var key = Key("broken");
        await Assert.ThrowsAnyAsync<IOException>(() => Store.PutAsync(key, new FailingStream(), "x/y"));
        Assert.Null(await Store.StatAsync(key));
    }

    [Theory]
    [InlineData("../escape")]
    [InlineData("t/../../etc/passwd")]
    [InlineData("/absolute")]
    [InlineData("t//double")]
    [InlineData("UPPER")]
    public async Task Keys_that_could_escape_are_refused(string key) =>
        await Assert.ThrowsAsync<ArgumentException>(() => Store.PutAsync(key, new MemoryStream([0]), "x/y"));

    private sealed class FailingStream : MemoryStream
    {
        private int _reads;
        public FailingStream() : base(new byte[1 << 20]) { }
        public override int Read(byte[] buffer, int offset, int count) => ++_reads > 2 ? throw new IOException("client went away") : base.Read(buffer, offset, Math.Min(count, 1000));
        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken ct = default) =>
            ++_reads > 2 ? throw new IOException("client went away") : base.ReadAsync(buffer[..Math.Min(buffer.Length, 1000)], ct);
    }
}
