using ImageVault.Grains.Images;
using ImageVault.Grains.Intelligence;
using ImageVault.Infrastructure.Models;
using ImageVault.Grains.Options;
using ImageVault.Grains.Ports;
using ImageVault.Grains.Upload;
using ImageVault.Infrastructure.Blobs;
using ImageVault.Infrastructure.OpenSearch;
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
        services.AddOptions<PipelineOptions>().Bind(configuration.GetSection(PipelineOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<AnalysisOptions>().Bind(configuration.GetSection(AnalysisOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<IImageProcessor, SandboxedImageProcessor>();
        services.AddSingleton<ImageUploadService>();
        services.AddSingleton<ImageArtefacts>();
        services.AddSingleton<IImageModels, OnnxImageModels>();
        services.AddSingleton<AnalysisPriority>();
        services.AddSingleton<AnalysisSteps>();
        services.AddSingleton<ImageIntelligence>();
        services.AddSingleton<DuplicateReview>();
        services.AddHttpClient<IExternalIdentityProvider, Infrastructure.Identity.OpenIdConnectProvider>();
        return services;
    }

    /// <summary>The blob folder and the in-process Lucene index under the data folder (embedded profile).</summary>
    public static IServiceCollection AddLocalBlobsAndIndex(this IServiceCollection services)
    {
        services.AddSingleton<IBlobStore>(sp => new FolderBlobStore(Paths(sp).BlobPath));
        return services.AddLuceneIndex();
    }

    /// <summary>
    /// Cluster profile: S3 when <c>ImageVault:S3</c> is configured, else the local folder; OpenSearch when
    /// <c>ImageVault:OpenSearch</c> is (Elasticsearch for <c>ImageVault:Elasticsearch</c>), else the local
    /// Lucene index (correct for one silo only: one writer).
    /// </summary>
    public static IServiceCollection AddClusterBlobsAndIndex(this IServiceCollection services, IConfiguration configuration)
    {
        var s3 = configuration.GetSection(S3Options.Section);
        if (s3.Exists())
        {
            services.AddOptions<S3Options>().Bind(s3).ValidateDataAnnotations().ValidateOnStart();
            services.AddSingleton<IBlobStore>(sp => new S3BlobStore(sp.GetRequiredService<IOptions<S3Options>>().Value));
        }
        else services.AddSingleton<IBlobStore>(sp => new FolderBlobStore(Paths(sp).BlobPath));

        var openSearch = configuration.GetSection(OpenSearchOptions.Section);
        var elastic = configuration.GetSection(OpenSearchOptions.ElasticsearchSection);
        if (!openSearch.Exists() && !elastic.Exists()) return services.AddLuceneIndex();
        services.AddOptions<OpenSearchOptions>().Bind(openSearch.Exists() ? openSearch : elastic)
            .Configure(o => o.Engine = openSearch.Exists() ? SearchEngine.OpenSearch : SearchEngine.Elasticsearch)
            .ValidateDataAnnotations().ValidateOnStart();
        return services.AddSingleton<IImageSearchIndex>(sp => new OpenSearchImageSearchIndex(sp.GetRequiredService<IOptions<OpenSearchOptions>>().Value));
    }

    private static IServiceCollection AddLuceneIndex(this IServiceCollection services) =>
        services.AddSingleton<IImageSearchIndex>(sp => new LuceneImageSearchIndex(Paths(sp).IndexPath));

    private static EmbeddedOptions Paths(IServiceProvider sp) => sp.GetRequiredService<IOptions<EmbeddedOptions>>().Value;
}
