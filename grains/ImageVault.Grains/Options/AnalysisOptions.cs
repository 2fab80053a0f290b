using System.ComponentModel.DataAnnotations;

namespace ImageVault.Grains.Options;

/// <summary>Image analysis after upload (section <c>ImageVault:Analysis</c>).</summary>
public sealed class AnalysisOptions
{
    public const string Section = "ImageVault:Analysis";

    /// <summary>Off: images stop at "ready" with no embedding, OCR or colours (tests that are not about analysis).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Simultaneous runs per model in one silo; 0 means one per core.</summary>
    [Range(0, 64)] public int Concurrency { get; set; }

    /// <summary>Simultaneous OCR runs per silo (OCR costs about seven embeddings): the rest of the cores stay free for ingest.</summary>
    [Range(1, 64)] public int TextConcurrency { get; set; } = 1;

    /// <summary>Where the model files are; empty means <c>models/</c> beside the silo.</summary>
    public string? ModelDirectory { get; set; }
}
