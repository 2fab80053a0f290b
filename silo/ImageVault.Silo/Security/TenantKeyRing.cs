using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using ImageVault.Grains.Abstractions.Identity;
using ImageVault.Grains.Ports;
using Microsoft.Extensions.Options;

namespace ImageVault.Silo.Security;

/// <summary>
/// Per-tenant data keys, wrapped with AES-256-GCM by the master key from configuration
/// (<c>ImageVault:Security:MasterKey</c>) and kept in the tenant grain; unwrapped keys are cached in
/// memory only. Rotating the master key means unwrapping with the old one and wrapping with the new.
/// </summary>
public sealed class TenantKeyRing(IGrainFactory grains, IOptions<SecurityOptions> options) : ITenantKeyRing
{
    private const int NonceSize = 12, TagSize = 16, KeySize = 32;
    private readonly ConcurrentDictionary<string, Task<byte[]>> _keys = new();

    public Task<byte[]> DataKeyAsync(string tenant, CancellationToken ct = default) => _keys.GetOrAdd(tenant, LoadAsync);

    private async Task<byte[]> LoadAsync(string tenant)
    {
        var master = Convert.FromBase64String(options.Value.MasterKey ?? throw new InvalidOperationException("no master key configured"));
        var wrapped = await grains.GetGrain<ITenantGrain>(tenant).GetOrCreateWrappedKeyAsync(Wrap(master, RandomNumberGenerator.GetBytes(KeySize), tenant));
        return Unwrap(master, wrapped, tenant);
    }

    private static byte[] Wrap(byte[] master, byte[] key, string tenant)
    {
        var result = new byte[NonceSize + KeySize + TagSize];
        RandomNumberGenerator.Fill(result.AsSpan(0, NonceSize));
        using var aes = new AesGcm(master, TagSize);
        aes.Encrypt(result.AsSpan(0, NonceSize), key, result.AsSpan(NonceSize, KeySize), result.AsSpan(NonceSize + KeySize), Aad(tenant));
        return result;
    }

    private static byte[] Unwrap(byte[] master, byte[] wrapped, string tenant)
    {
        var key = new byte[KeySize];
        using var aes = new AesGcm(master, TagSize);
        aes.Decrypt(wrapped.AsSpan(0, NonceSize), wrapped.AsSpan(NonceSize, KeySize), wrapped.AsSpan(NonceSize + KeySize), key, Aad(tenant));
        return key;
    }

    private static byte[] Aad(string tenant) => Encoding.UTF8.GetBytes($"imagevault-tenant-key|{tenant}");
}
