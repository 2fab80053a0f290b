using ImageVault.Grains.Abstractions.Images;

namespace ImageVault.Grains.Abstractions.Intelligence;

/// <summary>
/// Stateless worker that analyses one image from its large thumbnail: pixel features in the sandbox,
/// then the embedding and OCR models. Called by image grains, so inference spreads across silos.
/// </summary>
[Alias("iv.IAnalysisWorkerGrain")]
public interface IAnalysisWorkerGrain : IGrainWithIntegerKey
{
    [Alias("Analyse")] Task<AnalysisOutcome> AnalyseAsync(AnalysisJob job);
}

[GenerateSerializer, Alias("iv.AnalysisJob")]
public sealed record AnalysisJob([property: Id(0)] string Tenant, [property: Id(1)] string Sha256, [property: Id(2)] string ThumbnailKey);

/// <summary>The analysis, or why there is none (<see cref="ImageAnalysis.ErrorCode"/>), and whether trying again may help.</summary>
[GenerateSerializer, Alias("iv.AnalysisOutcome")]
public sealed record AnalysisOutcome([property: Id(0)] ImageAnalysis Analysis, [property: Id(1)] bool Transient);
