using System.ComponentModel.DataAnnotations;
using ImageVault.Imaging.Thumbnails;

namespace ImageVault.Grains.Options;

/// <summary>Upload and decode budgets (configuration section <c>ImageVault:Limits</c>), validated on start.</summary>
public sealed class ImageVaultLimits
{
    public const string Section = "ImageVault:Limits";

    /// <summary>Largest accepted original in bytes (default 200 MiB).</summary>
    [Range(1, 4L << 30)] public long MaxUploadBytes { get; set; } = 200L << 20;

    /// <summary>Largest accepted pixel count, checked from the header before any decode (default 200 MP).</summary>
    [Range(1, 2_000_000_000)] public long MaxPixels { get; set; } = 200_000_000;

    /// <summary>How many files one upload request may carry.</summary>
    [Range(1, 10_000)] public int MaxFilesPerRequest { get; set; } = 1_000;

    /// <summary>The longest decode budget allowed; grain call timeouts are set above it.</summary>
    public static readonly TimeSpan MaxProcessingTimeout = TimeSpan.FromMinutes(2);

    /// <summary>Time one original may take in the sandboxed decoder before its worker is killed.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:02:00")] public TimeSpan ProcessingTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Resident memory a sandboxed worker may reach before it is killed (MiB).</summary>
    [Range(64, 64_000)] public int WorkerMemoryMiB { get; set; } = 1_536;

    /// <summary>How many sandboxed worker processes run at once (0: one per core).</summary>
    [Range(0, 256)] public int Workers { get; set; }

    public ThumbnailEncoding ThumbnailEncoding { get; set; } = ThumbnailEncoding.Jpeg;
}
