using ImageVault.Imaging.Analysis;

namespace ImageVault.Grains.Ports;

/// <summary>
/// Runs <see cref="ImageAnalyzer"/> on untrusted bytes where a crash, hang or memory blow-up costs
/// only that job (production: a pool of sandboxed worker processes).
/// </summary>
public interface IImageProcessor
{
    /// <summary>Never throws for bad input: failures come back as <see cref="AnalysisResult.ErrorCode"/>.</summary>
    Task<AnalysisResult> AnalyzeAsync(byte[] original, AnalysisRequest request, CancellationToken ct = default);
}
