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
        var services = builder.Services;
        services.AddOptions<EmbeddedOptions>().Bind(builder.Configuration.GetSection(EmbeddedOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<ImageVaultLimits>().Bind(builder.Configuration.GetSection(ImageVaultLimits.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton(TimeProvider.System);

        var options = builder.Configuration.GetSection(EmbeddedOptions.Section).Get<EmbeddedOptions>() ?? new EmbeddedOptions();
        services.AddSingleton(sp => new SqliteGrainStorage(sp.GetRequiredService<IOptions<EmbeddedOptions>>().Value.StatePath));
        services.AddSingleton<IImageCatalog>(sp => sp.GetRequiredService<SqliteGrainStorage>());
        services.AddGrainStorage(StorageNames.Default, (sp, _) => (IGrainStorage)sp.GetRequiredService<SqliteGrainStorage>());
        services.AddSingleton<IBlobStore>(sp => new FolderBlobStore(sp.GetRequiredService<IOptions<EmbeddedOptions>>().Value.BlobPath));
        services.AddSingleton<IImageSearchIndex>(sp => new LuceneImageSearchIndex(sp.GetRequiredService<IOptions<EmbeddedOptions>>().Value.IndexPath));
        services.AddSingleton<IImageProcessor, SandboxedImageProcessor>();
        services.AddSingleton<ImageUploadService>();

        builder.UseOrleans(silo =>
        {
            silo.UseLocalhostClustering(options.SiloPort, options.GatewayPort);
            silo.UseInMemoryReminderService();
            silo.AddStartupTask(SweeperStartup.StartAsync);
        });
        return builder;
    }
}
