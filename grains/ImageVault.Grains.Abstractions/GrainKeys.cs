using System.Security.Cryptography;
using System.Text.RegularExpressions;

namespace ImageVault.Grains.Abstractions;

/// <summary>
/// Grain keys carry the tenant: <c>"{tenant}/{id}"</c>. Ids are validated everywhere they enter, so
/// no key, blob path or index term can be steered by a caller (no "..", no slashes, no spaces).
/// </summary>
public static partial class GrainKeys
{
    public const string DefaultTenant = "default";

    public static string For(string tenant, string id)
    {
        if (!IsValidTenant(tenant)) throw new ArgumentException($"invalid tenant id '{tenant}'", nameof(tenant));
        if (!IsValidId(id)) throw new ArgumentException($"invalid id '{id}'", nameof(id));
        return $"{tenant}/{id}";
    }

    public static (string Tenant, string Id) Split(string key)
    {
        var slash = key.IndexOf('/');
        return slash < 0 ? throw new ArgumentException($"key '{key}' has no tenant") : (key[..slash], key[(slash + 1)..]);
    }

    /// <summary>
    /// The ordinal (byte-wise) key range holding one tenant's grains after <paramref name="afterId"/>:
    /// strictly above "{tenant}/{afterId}", strictly below "{tenant}0" ('0' sorts right after '/').
    /// </summary>
    public static (string From, string To) TenantRange(string tenant, string? afterId) => ($"{tenant}/{afterId}", $"{tenant}0");

    public static bool IsValidTenant(string? tenant) => tenant is not null && TenantPattern().IsMatch(tenant);

    /// <summary>Ids are lowercase letters and digits (new ids: 26; content ids: 64 hex).</summary>
    public static bool IsValidId(string? id) => id is not null && IdPattern().IsMatch(id);

    /// <summary>A new id: 48-bit millisecond time then 80 random bits, Crockford base 32, so ids sort by creation.</summary>
    public static string NewId()
    {
        Span<byte> bytes = stackalloc byte[16];
        var ms = (ulong)DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        for (var i = 0; i < 6; i++) bytes[i] = (byte)(ms >> (8 * (5 - i)));
        RandomNumberGenerator.Fill(bytes[6..]);
        const string alphabet = "0123456789abcdefghjkmnpqrstvwxyz";
        var value = System.Buffers.Binary.BinaryPrimitives.ReadUInt128BigEndian(bytes);
        Span<char> chars = stackalloc char[26];
        for (var i = 25; i >= 0; i--) { chars[i] = alphabet[(int)(value & 31)]; value >>= 5; }
        return new string(chars);
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{0,39}$")]
    private static partial Regex TenantPattern();

    [GeneratedRegex("^[0-9a-z]{1,64}$")]
    private static partial Regex IdPattern();
}
