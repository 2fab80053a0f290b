using ImageVault.Grains.Identity;
using Microsoft.Extensions.Options;

namespace ImageVault.Silo.Security;

/// <summary>Registers sign-in, the policy's helpers, share access and rate limits, with validated options.</summary>
public static class SecurityServices
{
    /// <summary>Bodies other than images (JSON) are small; upload and search-by-example routes lift this for themselves.</summary>
    public const long MaxBodyBytes = 1 << 20;

    /// <summary>All request headers together; Kestrel answers 431 above it.</summary>
    public const int MaxHeaderBytes = 32 << 10;

    public static IServiceCollection AddImageVaultSecurity(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<SecurityOptions>().Bind(configuration.GetSection(SecurityOptions.Section)).ValidateDataAnnotations()
            .Validate(o => o.MasterKey is null || IsKey(o.MasterKey), "ImageVault:Security:MasterKey must be 32 bytes in base64")
            .Validate(o => o.PublicBaseUrl is null || o.PublicBaseUrl.IsAbsoluteUri, "ImageVault:Security:PublicBaseUrl must be an absolute URL").ValidateOnStart();
        services.AddSingleton(sp =>
        {
            var o = sp.GetRequiredService<IOptions<SecurityOptions>>().Value;
            return new PasswordHasher(o.Argon2MemoryKib, o.Argon2Iterations);
        });
        services.AddSingleton<IdentityService>();
        services.AddSingleton<ShareAccess>();
        services.AddImageVaultRateLimits();
        if (!string.IsNullOrEmpty(configuration[$"{SecurityOptions.Section}:MasterKey"])) services.EncryptOriginalsAtRest();
        return services;
    }

    /// <summary>Puts <see cref="Infrastructure.Blobs.EncryptedBlobStore"/> in front of whichever blob store the profile chose.</summary>
    private static void EncryptOriginalsAtRest(this IServiceCollection services)
    {
        var plain = services.Last(d => d.ServiceType == typeof(Grains.Ports.IBlobStore));
        services.Remove(plain);
        services.AddSingleton<Grains.Ports.ITenantKeyRing, TenantKeyRing>();
        services.AddSingleton<Grains.Ports.IBlobStore>(sp => new Infrastructure.Blobs.EncryptedBlobStore(
            (Grains.Ports.IBlobStore)plain.ImplementationFactory!(sp), sp.GetRequiredService<Grains.Ports.ITenantKeyRing>()));
    }

    private static bool IsKey(string base64)
    {
        Span<byte> key = stackalloc byte[33];
        return Convert.TryFromBase64String(base64, key, out var n) && n == 32;
    }
}

public static class JsonSafety
{
    /// <summary>
    /// Enums as names, and HTML-sensitive characters (&lt; &gt; &amp; quotes) always escaped, so text taken from
    /// files (names, EXIF, OCR) stays inert even where a page pastes JSON into HTML. Other scripts (Chinese) stay readable.
    /// </summary>
    public static void ConfigureImageVaultJson(this System.Text.Json.JsonSerializerOptions options)
    {
        options.Converters.Add(new System.Text.Json.Serialization.JsonStringEnumConverter());
        options.Encoder = System.Text.Encodings.Web.JavaScriptEncoder.Create(System.Text.Unicode.UnicodeRanges.All);
    }
}
