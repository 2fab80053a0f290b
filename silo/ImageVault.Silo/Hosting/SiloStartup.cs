using ImageVault.Grains.Abstractions;
using ImageVault.Grains.Abstractions.Intelligence;
using ImageVault.Grains.Abstractions.Pipeline;
using ImageVault.Grains.Options;
using ImageVault.Grains.Ports;
using Microsoft.Extensions.Options;

namespace ImageVault.Silo.Hosting;

/// <summary>
/// Activates the pipeline sweepers and checks the analysis model when the silo starts: reminders are in memory in this profile, and
/// whatever was tracked when the last process died must be re-driven now.
/// </summary>
public static class SiloStartup
{
    public static async Task StartAsync(IServiceProvider services, CancellationToken ct)
    {
        var grains = services.GetRequiredService<IGrainFactory>();
        foreach (var shard in IPipelineSweeperGrain.ShardKeys(GrainKeys.DefaultTenant))
            await grains.GetGrain<IPipelineSweeperGrain>(shard).StartAsync();
        // A model change (a new package version) re-analyses the tenant's images in the background.
        if (services.GetRequiredService<IOptions<AnalysisOptions>>().Value.Enabled)
            await grains.GetGrain<IAnalysisJobGrain>(GrainKeys.DefaultTenant).EnsureModelAsync(services.GetRequiredService<IImageModels>().ModelVersion);
    }
}
