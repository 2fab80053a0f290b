using ImageVault.Grains.Abstractions.Images;

namespace ImageVault.Grains.Abstractions.Intelligence;

/// <summary>
/// Stateless worker that analyses one image from its large thumbnail: the visual part (pixel features
/// in the sandbox, then the embedding) when ingest did not, and the text part (OCR). Called by image
/// grains, so inference spreads across silos.
/// </summary>
[Alias("iv.IAnalysisWorkerGrain")]
public interface IAnalysisWorkerGrain : IGrainWithIntegerKey
{
    [Alias("Analyse")] Task<AnalysisOutcome> AnalyseAsync(AnalysisJob job);
}

[GenerateSerializer, Alias("iv.AnalysisJob")]
public sealed record AnalysisJob(
    [property: Id(0)] string Tenant, [property: Id(1)] string Sha256, [property: Id(2)] string ThumbnailKey,
    [property: Id(3)] bool Visual, [property: Id(4)] bool Text);

/// <summary>The parts asked for (the others left at their defaults), or why there are none (error codes), and whether trying again may help.</summary>
[GenerateSerializer, Alias("iv.AnalysisOutcome")]
public sealed record AnalysisOutcome([property: Id(0)] ImageAnalysis Analysis, [property: Id(1)] bool Transient);
