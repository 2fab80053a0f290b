using System.Security.Cryptography;
using System.Text;
using ImageVault.Grains.Abstractions;

namespace ImageVault.Grains.Identity;

/// <summary>
/// Bearer secrets: <c>{kind}_{tenant}_{id}_{secret}</c>, where the kind says which grain checks it
/// (<c>ivk</c> API key, <c>ivs</c> session, <c>ivl</c> share link, <c>ivu</c> share unlock). The tenant
/// and id route the check to one grain; only the SHA-256 of the whole token is stored (the 256-bit
/// random secret makes a slow hash pointless, and a fast one keeps every request cheap).
/// </summary>
public static class Credentials
{
    public const string ApiKey = "ivk", Session = "ivs", ShareLink = "ivl", ShareUnlock = "ivu";
    private const int MaxTokenLength = 200;

    public sealed record Parsed(string Kind, string Tenant, string Id, byte[] Hash);

    public static (string Token, byte[] Hash) Issue(string kind, string tenant, string id)
    {
        var token = $"{kind}_{tenant}_{id}_{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32))}";
        return (token, Hash(token));
    }

    public static Parsed? Parse(string? token)
    {
        if (string.IsNullOrEmpty(token) || token.Length > MaxTokenLength) return null;
        var parts = token.Split('_');
        if (parts.Length != 4 || parts[0] is not (ApiKey or Session or ShareLink or ShareUnlock)) return null;
        if (!GrainKeys.IsValidTenant(parts[1]) || !GrainKeys.IsValidId(parts[2]) || parts[3].Length != 64) return null;
        return new Parsed(parts[0], parts[1], parts[2], Hash(token));
    }

    public static byte[] Hash(string token) => SHA256.HashData(Encoding.UTF8.GetBytes(token));
}
