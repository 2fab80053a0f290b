using ImageVault.Grains.Abstractions;
using ImageVault.Grains.Abstractions.Pipeline;

namespace ImageVault.Silo.Hosting;

/// <summary>
/// Activates the pipeline sweepers when the silo starts: reminders are in memory in this profile, and
/// whatever was tracked when the last process died must be re-driven now.
/// </summary>
public static class SweeperStartup
{
    public static async Task StartAsync(IServiceProvider services, CancellationToken ct)
    {
        var grains = services.GetRequiredService<IGrainFactory>();
        foreach (var shard in IPipelineSweeperGrain.ShardKeys(GrainKeys.DefaultTenant))
            await grains.GetGrain<IPipelineSweeperGrain>(shard).StartAsync();
    }
}
