using ImageVault.Grains.Images;
using ImageVault.Grains.Options;
using ImageVault.Grains.Ports;
using ImageVault.Grains.Upload;
using ImageVault.Infrastructure.Blobs;
using ImageVault.Infrastructure.Sandbox;
using ImageVault.Infrastructure.Search;
using Microsoft.Extensions.Options;

namespace ImageVault.Silo.Hosting;

/// <summary>What every profile needs: validated options, the sandbox pool and the small services.</summary>
public static class CoreServices
{
    public static IServiceCollection AddImageVaultCore(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<EmbeddedOptions>().Bind(configuration.GetSection(EmbeddedOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<ImageVaultLimits>().Bind(configuration.GetSection(ImageVaultLimits.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<IImageProcessor, SandboxedImageProcessor>();
        services.AddSingleton<ImageUploadService>();
        services.AddSingleton<ImageArtefacts>();
        return services;
    }

    /// <summary>
    /// The blob folder and the in-process Lucene index under the data folder. The cluster profile uses
    /// them too until its S3 and OpenSearch adapters exist: correct for one silo only (one index writer).
    /// </summary>
    public static IServiceCollection AddLocalBlobsAndIndex(this IServiceCollection services)
    {
        services.AddSingleton<IBlobStore>(sp => new FolderBlobStore(Paths(sp).BlobPath));
        services.AddSingleton<IImageSearchIndex>(sp => new LuceneImageSearchIndex(Paths(sp).IndexPath));
        return services;
    }

    private static EmbeddedOptions Paths(IServiceProvider sp) => sp.GetRequiredService<IOptions<EmbeddedOptions>>().Value;
}
