using System.ComponentModel.DataAnnotations;

namespace ImageVault.Infrastructure.Blobs;

/// <summary>An S3 endpoint for <see cref="S3BlobStore"/> (section <c>ImageVault:S3</c>). Secrets never reach a log.</summary>
public sealed class S3Options
{
    public const string Section = "ImageVault:S3";

    /// <summary>Base URL, e.g. http://127.0.0.1:7480 (Ceph RGW) or https://minio.example:9000.</summary>
    [Required, Url] public string Endpoint { get; set; } = "";
    [Required] public string AccessKey { get; set; } = "";
    [Required] public string SecretKey { get; set; } = "";
    [Required, RegularExpression("^[a-z0-9][a-z0-9.-]{2,62}$")] public string Bucket { get; set; } = "imagevault";
    public string Region { get; set; } = "us-east-1";

    /// <summary>How long the presigned URLs used for reads stay valid.</summary>
    [Range(typeof(TimeSpan), "00:00:10", "01:00:00")] public TimeSpan PresignedUrlLifetime { get; set; } = TimeSpan.FromMinutes(5);
}
