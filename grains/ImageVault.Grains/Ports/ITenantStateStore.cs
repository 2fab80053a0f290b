namespace ImageVault.Grains.Ports;

/// <summary>
/// Grain state as rows, per tenant: what erasing a tenant removes last and what the test of an
/// erasure counts. Keys of a tenant's grains are <c>"{tenant}"</c> or start with <c>"{tenant}/"</c>.
/// </summary>
public interface ITenantStateStore
{
    Task<long> CountTenantRowsAsync(string tenant, CancellationToken ct = default);
    Task<long> EraseTenantRowsAsync(string tenant, CancellationToken ct = default);
}
