using ImageVault.Grains.Ports;
using ImageVault.Infrastructure.Blobs;
using ImageVault.Testing;

namespace ImageVault.Infrastructure.Tests.Contracts;

public sealed class FolderBlobStoreTests : BlobStoreContract
{
    private readonly string _root = TempFolder.Create("iv-blobs");
    protected override IBlobStore Store => new FolderBlobStore(_root);

    [Fact]
    public async Task Reads_are_seekable_for_range_requests()
    {
        await Store.PutAsync("t/x/seek", new MemoryStream([1, 2, 3, 4]), "x/y");
        await using var handle = await Store.OpenReadAsync("t/x/seek");
        Assert.True(handle!.Stream.CanSeek);
        handle.Stream.Position = 2;
        Assert.Equal(3, handle.Stream.ReadByte());
    }
}
