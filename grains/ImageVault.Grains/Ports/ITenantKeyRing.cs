namespace ImageVault.Grains.Ports;

/// <summary>
/// Per-tenant data keys for encryption at rest: 256-bit keys, created on first use, kept wrapped by
/// the installation's master key. Deleting a tenant deletes its key with it.
/// </summary>
public interface ITenantKeyRing
{
    Task<byte[]> DataKeyAsync(string tenant, CancellationToken ct = default);
}
