using ImageVault.Grains.Abstractions;
using ImageVault.Grains.Abstractions.Albums;
using ImageVault.Grains.Abstractions.Identity;
using ImageVault.Grains.Abstractions.Images;
using ImageVault.Grains.Ports;
using Microsoft.Extensions.Logging;

namespace ImageVault.Grains.Identity;

/// <inheritdoc cref="ITenantEraserGrain"/>
/// <remarks>
/// Runs from a timer so the caller gets its answer at once. Every step is idempotent: after a crash
/// the silo start-up finds the tenant still marked <see cref="TenantStatus.Deleting"/> and starts
/// again from the top. Order: images (blobs, index documents, state) through their own grains,
/// albums, users (keys revoked), then whatever blobs and state rows are left, then the tenant itself.
/// </remarks>
[GrainType("tenant-eraser")]
public sealed partial class TenantEraserGrain(
    IImageCatalog catalog, IBlobStore blobs, ITenantStateStore rows, ILogger<TenantEraserGrain> log) : Grain, ITenantEraserGrain
{
    private IGrainTimer? _timer;
    private bool _done;
    private string Tenant => this.GetPrimaryKeyString();

    public Task StartAsync()
    {
        if (_timer is null && !_done)
            _timer = this.RegisterGrainTimer(RunAsync, new GrainTimerCreationOptions(TimeSpan.Zero, Timeout.InfiniteTimeSpan) { Interleave = true, KeepAlive = true });
        return Task.CompletedTask;
    }

    public Task<bool> IsDoneAsync() => Task.FromResult(_done);

    private async Task RunAsync(CancellationToken ct)
    {
        try
        {
            var images = 0;
            while (await catalog.ListImageIdsAsync(Tenant, null, 200, ct) is { Count: > 0 } page)
            {
                await Task.WhenAll(page.Select(id => GrainFactory.GetGrain<IImageGrain>(GrainKeys.For(Tenant, id)).PurgeAsync()));
                images += page.Count;
            }
            foreach (var album in await GrainFactory.GetGrain<IAlbumTreeGrain>(Tenant).ListAsync())
                await GrainFactory.GetGrain<IAlbumGrain>(GrainKeys.For(Tenant, album.Id)).DeleteAsync();
            var tenant = GrainFactory.GetGrain<ITenantGrain>(Tenant);
            foreach (var user in await tenant.ListUserIdsAsync()) await GrainFactory.GetGrain<IUserGrain>(GrainKeys.For(Tenant, user)).DeleteAsync();
            foreach (var link in await tenant.ListShareLinkIdsAsync()) await GrainFactory.GetGrain<IShareLinkGrain>(GrainKeys.For(Tenant, link)).RevokeAsync();
            var blobCount = 0;
            await foreach (var blob in blobs.ListAsync($"t/{Tenant}/", ct))
            {
                await blobs.DeleteAsync(blob.Key, ct);
                blobCount++;
            }
            await tenant.ForgetAsync();
            var erased = await rows.EraseTenantRowsAsync(Tenant, ct);
            await GrainFactory.GetGrain<ITenantRegistryGrain>(TenantRegistryGrain.Key).RemoveAsync(Tenant);
            _done = true;
            LogErased(Tenant, images, blobCount, erased);
        }
        catch (Exception e)
        {
            LogEraseFailed(Tenant, e); // the next silo start, or the next delete request, starts again
        }
        finally
        {
            _timer?.Dispose();
            _timer = null;
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Tenant {Tenant} erased: {Images} images purged, {Blobs} leftover blobs and {Rows} state rows removed")]
    private partial void LogErased(string tenant, int images, int blobs, long rows);

    [LoggerMessage(Level = LogLevel.Error, Message = "Erasing tenant {Tenant} failed; it is retried on the next start or delete request")]
    private partial void LogEraseFailed(string tenant, Exception e);
}
