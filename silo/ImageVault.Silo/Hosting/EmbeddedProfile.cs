using ImageVault.Grains;
using ImageVault.Grains.Options;
using ImageVault.Grains.Ports;
using ImageVault.Infrastructure.Storage;
using Microsoft.Extensions.Options;
using Orleans.Dashboard;
using Orleans.Runtime.Hosting;
using Orleans.Storage;

namespace ImageVault.Silo.Hosting;

/// <summary>The embedded profile: one silo, SQLite grain state, a blob folder, Lucene in process.</summary>
public static class EmbeddedProfile
{
    public static IHostApplicationBuilder AddImageVaultEmbedded(this IHostApplicationBuilder builder)
    {
        builder.Services.AddEmbeddedServices(builder.Configuration);
        var options = builder.Configuration.GetSection(EmbeddedOptions.Section).Get<EmbeddedOptions>() ?? new EmbeddedOptions();
        builder.UseOrleans(silo =>
        {
            silo.UseLocalhostClustering(options.SiloPort, options.GatewayPort);
            silo.UseInMemoryReminderService();
            silo.ConfigureImageVaultSilo();
        });
        return builder;
    }

    /// <summary>Options and adapters; shared by the silo and the grain test cluster.</summary>
    public static IServiceCollection AddEmbeddedServices(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddImageVaultCore(configuration).AddLocalBlobsAndIndex();
        services.AddSingleton(sp => new SqliteGrainStorage(sp.GetRequiredService<IOptions<EmbeddedOptions>>().Value.StatePath));
        services.AddSingleton<IImageCatalog>(sp => sp.GetRequiredService<SqliteGrainStorage>());
        services.AddSingleton<ITenantStateStore>(sp => sp.GetRequiredService<SqliteGrainStorage>());
        services.AddSingleton<IAuditLog>(sp => new SqliteAuditLog(sp.GetRequiredService<IOptions<EmbeddedOptions>>().Value.AuditPath));
        services.AddGrainStorage(StorageNames.Default, (sp, _) => (IGrainStorage)sp.GetRequiredService<SqliteGrainStorage>());
        return services;
    }

    /// <summary>What every profile's silo needs: call timeouts above the decode budget and the sweeper start-up task.</summary>
    public static ISiloBuilder ConfigureImageVaultSilo(this ISiloBuilder silo)
    {
        // Grain calls must outlive the longest decode budget, or a slow file would surface as a call timeout.
        silo.Configure<Orleans.Configuration.SiloMessagingOptions>(o => o.ResponseTimeout = ImageVaultLimits.MaxProcessingTimeout + TimeSpan.FromSeconds(30));
        silo.AddStartupTask(SiloStartup.StartAsync);
        silo.AddDashboard(); // served at /admin/dashboard, operators only (Program.cs)
        // Orleans refuses reminder periods under a minute unless told otherwise; the sweep period may be shorter.
        var sweep = silo.Configuration.GetSection(PipelineOptions.Section).Get<PipelineOptions>()?.SweepPeriod ?? TimeSpan.FromMinutes(1);
        silo.Configure<Orleans.Hosting.ReminderOptions>(o => o.MinimumReminderPeriod = sweep < TimeSpan.FromMinutes(1) ? sweep : TimeSpan.FromMinutes(1));
        return silo;
    }
}
