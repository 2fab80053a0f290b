using ImageVault.Grains.Ports;
using Npgsql;

namespace ImageVault.Infrastructure.Postgres;

/// <summary>
/// Lists a tenant's images straight from Orleans' storage table (cluster profile). Image grains have
/// string keys "{tenant}/{id}", which the ADO.NET provider keeps in GrainIdExtensionString; rows whose
/// payload was cleared are not images any more. Keys compare byte-wise (COLLATE "C"), as the index does.
/// </summary>
public sealed class PostgresImageCatalog(NpgsqlDataSource db, string serviceId) : IImageCatalog
{
    public async Task<IReadOnlyList<string>> ListImageIdsAsync(string tenant, string? afterId, int limit, CancellationToken ct = default)
    {
        await using var cmd = db.CreateCommand("""
            SELECT GrainIdExtensionString FROM OrleansStorage
             WHERE ServiceId = $1 AND GrainTypeString = 'image' AND PayloadBinary IS NOT NULL
               AND GrainIdExtensionString COLLATE "C" > $2 AND GrainIdExtensionString COLLATE "C" < $3
             ORDER BY GrainIdExtensionString COLLATE "C" LIMIT $4
            """);
        cmd.Parameters.AddWithValue(serviceId);
        var (from, to) = Grains.Abstractions.GrainKeys.TenantRange(tenant, afterId);
        cmd.Parameters.AddWithValue(from);
        cmd.Parameters.AddWithValue(to);
        cmd.Parameters.AddWithValue(limit);
        var ids = new List<string>(limit);
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct)) ids.Add(reader.GetString(0)[(tenant.Length + 1)..]);
        return ids;
    }
}
