using ImageVault.Grains.Abstractions;
using ImageVault.Grains.Abstractions.Identity;
using ImageVault.Grains.Abstractions.Intelligence;
using ImageVault.Grains.Abstractions.Pipeline;
using ImageVault.Grains.Identity;
using ImageVault.Grains.Options;
using ImageVault.Grains.Ports;
using ImageVault.Silo.Security;
using Microsoft.Extensions.Options;

namespace ImageVault.Silo.Hosting;

/// <summary>
/// When the silo starts: the default tenant and its first admin on a fresh installation; then, per
/// tenant, the pipeline sweepers (reminders are in memory in the embedded profile, and whatever was
/// tracked when the last process died must be re-driven now), the analysis model check, and any
/// tenant erasure that a stop interrupted.
/// </summary>
public static class SiloStartup
{
    public static async Task StartAsync(IServiceProvider services, CancellationToken ct)
    {
        var grains = services.GetRequiredService<IGrainFactory>();
        if (services.GetService<IdentityService>() is not null) await Bootstrap.EnsureDefaultTenantAsync(services);
        var analysis = services.GetRequiredService<IOptions<AnalysisOptions>>().Value.Enabled;
        var tenants = (await grains.GetGrain<ITenantRegistryGrain>(TenantRegistryGrain.Key).ListAsync()).Union([GrainKeys.DefaultTenant]);
        foreach (var tenant in tenants)
        {
            if (await grains.GetGrain<ITenantGrain>(tenant).GetAsync() is not { Status: not TenantStatus.Deleting } && tenant != GrainKeys.DefaultTenant)
            {
                await grains.GetGrain<ITenantEraserGrain>(tenant).StartAsync();
                continue;
            }
            foreach (var shard in IPipelineSweeperGrain.ShardKeys(tenant))
                await grains.GetGrain<IPipelineSweeperGrain>(shard).StartAsync();
            // A model change (a new package version) re-analyses the tenant's images in the background.
            if (analysis) await grains.GetGrain<IAnalysisJobGrain>(tenant).EnsureModelAsync(services.GetRequiredService<IImageModels>().ModelVersion);
        }
    }
}
