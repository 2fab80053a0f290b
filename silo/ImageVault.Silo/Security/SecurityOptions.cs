using System.ComponentModel.DataAnnotations;

namespace ImageVault.Silo.Security;

/// <summary>Sign-in, sessions, rate limits and encryption at rest (section <c>ImageVault:Security</c>).</summary>
public sealed class SecurityOptions
{
    public const string Section = "ImageVault:Security";

    [Range(typeof(TimeSpan), "00:05:00", "90.00:00:00")] public TimeSpan SessionLifetime { get; set; } = TimeSpan.FromDays(14);

    /// <summary>Requests per second per caller (user, key, or address when anonymous) before 429.</summary>
    [Range(1, 100_000)] public int RequestsPerSecond { get; set; } = 50;

    /// <summary>How many requests above the rate a caller may burst.</summary>
    [Range(1, 100_000)] public int Burst { get; set; } = 200;

    /// <summary>Password sign-ins and share-link unlocks per minute from one address.</summary>
    [Range(1, 10_000)] public int SignInsPerMinute { get; set; } = 10;

    /// <summary>Argon2id memory in KiB (OWASP minimum 19 MiB) and passes.</summary>
    [Range(1_024, 1_048_576)] public int Argon2MemoryKib { get; set; } = 19_456;
    [Range(1, 10)] public int Argon2Iterations { get; set; } = 2;

    /// <summary>Session cookies only over HTTPS. Off only for a plain-HTTP development silo on loopback.</summary>
    public bool SecureCookies { get; set; } = true;

    /// <summary>The password of the first tenant admin ("admin" in the default tenant) when the silo creates it; else a random one is written to the data folder.</summary>
    public string? BootstrapAdminPassword { get; set; }

    /// <summary>
    /// The silo's public address (https://images.example.com). When set, OpenID Connect callbacks are built
    /// from it instead of the request's Host header, which a proxy or a client could otherwise steer.
    /// </summary>
    public Uri? PublicBaseUrl { get; set; }

    /// <summary>The base64 256-bit master key that wraps per-tenant keys; set it to encrypt originals at rest.</summary>
    public string? MasterKey { get; set; }
}
