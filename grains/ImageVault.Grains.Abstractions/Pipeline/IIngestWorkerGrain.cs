using ImageVault.Grains.Abstractions.Images;

namespace ImageVault.Grains.Abstractions.Pipeline;

/// <summary>
/// Stateless worker that turns an original into metadata, thumbnails and a placeholder. Image grains
/// call it, so work spreads with the images across silos.
/// </summary>
[Alias("iv.IIngestWorkerGrain")]
public interface IIngestWorkerGrain : IGrainWithIntegerKey
{
    [Alias("Ingest")] Task<IngestOutcome> IngestAsync(IngestJob job);
}

[GenerateSerializer, Alias("iv.IngestJob")]
/// <param name="Analyse">Also make the visual analysis (features, embedding) while the pixels are decoded anyway.</param>
public sealed record IngestJob([property: Id(0)] string Tenant, [property: Id(1)] string Sha256, [property: Id(2)] string OriginalKey,
    [property: Id(3)] bool Analyse = false);

/// <summary>What ingest produced. With an error code, the other members hold what could still be read.</summary>
[GenerateSerializer, Alias("iv.IngestOutcome")]
public sealed record IngestOutcome
{
    [Id(0)] public int? Width { get; init; }
    [Id(1)] public int? Height { get; init; }
    [Id(2)] public int Pages { get; init; } = 1;
    [Id(3)] public MetadataInfo? Metadata { get; init; }
    [Id(4)] public Dictionary<string, ThumbnailInfo> Thumbnails { get; init; } = [];
    [Id(5)] public string? Placeholder { get; init; }
    [Id(6)] public string? ErrorCode { get; init; }
    [Id(7)] public string? ErrorDetail { get; init; }
    /// <summary>True when the failure may pass on a retry (a timeout or an I/O error), false for bad input.</summary>
    [Id(8)] public bool Transient { get; init; }
    /// <summary>The visual analysis, when it was asked for and succeeded.</summary>
    [Id(9)] public ImageAnalysis? Analysis { get; init; }
}
