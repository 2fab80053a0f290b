using ImageVault.Grains.Ports;
using Npgsql;

namespace ImageVault.Infrastructure.Postgres;

/// <summary>A tenant's rows in Orleans' storage table: key <c>"{tenant}"</c> or in the byte-wise range <c>"{tenant}/" .. "{tenant}0"</c>.</summary>
public sealed class PostgresTenantStateStore(NpgsqlDataSource db, string serviceId) : ITenantStateStore
{
    private const string Where = """
        WHERE ServiceId = $1 AND (GrainIdExtensionString = $2
           OR (GrainIdExtensionString COLLATE "C" > $3 AND GrainIdExtensionString COLLATE "C" < $4))
        """;

    public Task<long> CountTenantRowsAsync(string tenant, CancellationToken ct = default) => RunAsync($"SELECT count(*) FROM OrleansStorage {Where}", tenant, ct);

    public Task<long> EraseTenantRowsAsync(string tenant, CancellationToken ct = default) =>
        RunAsync($"WITH gone AS (DELETE FROM OrleansStorage {Where} RETURNING 1) SELECT count(*) FROM gone", tenant, ct);

    private async Task<long> RunAsync(string sql, string tenant, CancellationToken ct)
    {
        await using var cmd = db.CreateCommand(sql);
        var (from, to) = Grains.Abstractions.GrainKeys.TenantRange(tenant, null);
        cmd.Parameters.AddWithValue(serviceId);
        cmd.Parameters.AddWithValue(tenant);
        cmd.Parameters.AddWithValue(from);
        cmd.Parameters.AddWithValue(to);
        return (long)(await cmd.ExecuteScalarAsync(ct))!;
    }
}
