using ImageVault.Contracts;
using ImageVault.Grains.Abstractions;
using ImageVault.Grains.Abstractions.Images;
using ImageVault.Grains.Abstractions.Pipeline;
using ImageVault.Grains.Upload;
using ImageVault.Testing;

namespace ImageVault.Grains.Tests;

[CollectionDefinition(Name)]
public sealed class ClusterCollection : ICollectionFixture<GrainTestCluster>
{
    public const string Name = "grain cluster";
}

/// <summary>Helpers over the shared test cluster. Each test uploads its own unique images.</summary>
public abstract class GrainTestBase(GrainTestCluster fixture)
{
    protected const string Tenant = GrainKeys.DefaultTenant;
    protected GrainTestCluster Fixture { get; } = fixture;
    private static int _seed = Environment.TickCount & 0xFFFF;

    protected IImageGrain Image(string id) => Fixture.Grains.GetGrain<IImageGrain>(GrainKeys.For(Tenant, id));

    protected async Task<UploadItemDto> UploadAsync(byte[] bytes, string name = "photo.jpg") =>
        await Fixture.Service<ImageUploadService>().UploadAsync(Tenant, name, new MemoryStream(bytes), CancellationToken.None);

    protected async Task<string> UploadNewAsync(ExifBuilder? exif = null, string name = "photo.jpg")
    {
        var item = await UploadAsync(TestImages.UniqueJpeg(Interlocked.Increment(ref _seed), exif, 320, 240), name);
        Assert.Equal(UploadOutcomes.Created, item.Outcome);
        return item.Id!;
    }

    protected async Task<ImageState> WaitUntilAsync(string id, Func<ImageState?, bool> done, int seconds = 30)
    {
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        while (true)
        {
            var state = await Image(id).GetAsync();
            if (done(state)) return state!;
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"image {id} did not reach the expected state (stage {state?.Stage})");
            await Task.Delay(50);
        }
    }

    /// <summary>Done means out of "stored" and out of the sweeper (which it leaves once its state is indexed too).</summary>
    protected async Task<ImageState> WaitProcessedAsync(string id)
    {
        var state = await WaitUntilAsync(id, s => s is { Stage: not PipelineStage.Stored });
        var sweeper = Fixture.Grains.GetGrain<IPipelineSweeperGrain>(IPipelineSweeperGrain.KeyFor(Tenant, id));
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while ((await sweeper.PendingAsync()).Contains(id))
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"image {id} processed but never indexed");
            await Task.Delay(50);
        }
        return (await Image(id).GetAsync())!;
    }
}
