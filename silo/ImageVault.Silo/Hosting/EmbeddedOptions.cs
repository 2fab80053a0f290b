using System.ComponentModel.DataAnnotations;

namespace ImageVault.Silo.Hosting;

/// <summary>Settings of the embedded profile (section <c>ImageVault</c>; env <c>ImageVault__DataPath</c> etc.).</summary>
public sealed class EmbeddedOptions
{
    public const string Section = "ImageVault";

    /// <summary>Where grain state, blobs and the index live. Default: ~/.local/share/imagevault.</summary>
    [Required] public string DataPath { get; set; } =
        Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.Create), "imagevault");

    /// <summary>Orleans silo-to-silo port (loopback only in this profile).</summary>
    [Range(1, 65535)] public int SiloPort { get; set; } = 11111;

    /// <summary>Orleans client gateway port (loopback only in this profile).</summary>
    [Range(1, 65535)] public int GatewayPort { get; set; } = 30000;

    public string StatePath => Path.Combine(DataPath, "state", "grains.db");
    public string AuditPath => Path.Combine(DataPath, "state", "audit.db");
    public string BlobPath => Path.Combine(DataPath, "blobs");
    public string IndexPath => Path.Combine(DataPath, "index");
}
