using ImageVault.Grains;
using ImageVault.Grains.Options;
using ImageVault.Grains.Ports;
using ImageVault.Grains.Upload;
using ImageVault.Infrastructure.Blobs;
using ImageVault.Infrastructure.Sandbox;
using ImageVault.Infrastructure.Search;
using ImageVault.Infrastructure.Storage;
using Microsoft.Extensions.Options;
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
            silo.ConfigureEmbeddedSilo();
        });
        return builder;
    }

    /// <summary>Options and adapters; shared by the silo and the grain test cluster.</summary>
    public static IServiceCollection AddEmbeddedServices(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<EmbeddedOptions>().Bind(configuration.GetSection(EmbeddedOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<ImageVaultLimits>().Bind(configuration.GetSection(ImageVaultLimits.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton(sp => new SqliteGrainStorage(Paths(sp).StatePath));
        services.AddSingleton<IImageCatalog>(sp => sp.GetRequiredService<SqliteGrainStorage>());
        services.AddGrainStorage(StorageNames.Default, (sp, _) => (IGrainStorage)sp.GetRequiredService<SqliteGrainStorage>());
        services.AddSingleton<IBlobStore>(sp => new FolderBlobStore(Paths(sp).BlobPath));
        services.AddSingleton<IImageSearchIndex>(sp => new LuceneImageSearchIndex(Paths(sp).IndexPath));
        services.AddSingleton<IImageProcessor, SandboxedImageProcessor>();
        services.AddSingleton<ImageUploadService>();
        services.AddSingleton<ImageVault.Grains.Images.ImageArtefacts>();
        return services;
    }

    /// <summary>The silo half: in-memory reminders (re-registered on start) and the sweeper start-up task.</summary>
    public static ISiloBuilder ConfigureEmbeddedSilo(this ISiloBuilder silo)
    {
        // Grain calls must outlive the longest decode budget, or a slow file would surface as a call timeout.
        silo.Configure<Orleans.Configuration.SiloMessagingOptions>(o => o.ResponseTimeout = ImageVaultLimits.MaxProcessingTimeout + TimeSpan.FromSeconds(30));
        silo.UseInMemoryReminderService();
        silo.AddStartupTask(SweeperStartup.StartAsync);
        return silo;
    }

    private static EmbeddedOptions Paths(IServiceProvider sp) => sp.GetRequiredService<IOptions<EmbeddedOptions>>().Value;
}
