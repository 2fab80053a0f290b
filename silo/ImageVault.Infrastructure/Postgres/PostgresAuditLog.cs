using ImageVault.Grains.Ports;
using Npgsql;

namespace ImageVault.Infrastructure.Postgres;

/// <summary>The audit log of the cluster profile: table <c>imagevault_audit</c> (deploy/sql/postgresql/110-audit.sql), whose trigger refuses UPDATE and DELETE.</summary>
public sealed class PostgresAuditLog(NpgsqlDataSource db) : IAuditLog
{
    public async Task AppendAsync(AuditEntry e, CancellationToken ct = default)
    {
        await using var cmd = db.CreateCommand(
            "INSERT INTO imagevault_audit (at, tenant, actor, action, target, status, address, user_agent) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)");
        cmd.Parameters.AddWithValue(e.At.UtcDateTime);
        cmd.Parameters.AddWithValue(e.Tenant);
        cmd.Parameters.AddWithValue(e.Actor);
        cmd.Parameters.AddWithValue(e.Action);
        cmd.Parameters.AddWithValue((object?)e.Target ?? DBNull.Value);
        cmd.Parameters.AddWithValue(e.Status);
        cmd.Parameters.AddWithValue((object?)e.Address ?? DBNull.Value);
        cmd.Parameters.AddWithValue((object?)e.UserAgent ?? DBNull.Value);
        await cmd.ExecuteNonQueryAsync(ct);
    }

    public async Task<IReadOnlyList<AuditEntry>> QueryAsync(string tenant, AuditQuery q, CancellationToken ct = default)
    {
        await using var cmd = db.CreateCommand("""
            SELECT id, at, tenant, actor, action, target, status, address, user_agent FROM imagevault_audit
             WHERE tenant = $1 AND ($2::bigint IS NULL OR id < $2) AND ($3::timestamptz IS NULL OR at >= $3) AND ($4::timestamptz IS NULL OR at < $4)
               AND ($5::text IS NULL OR actor = $5) AND ($6::text IS NULL OR starts_with(action, $6))
             ORDER BY id DESC LIMIT $7
            """);
        cmd.Parameters.AddWithValue(tenant);
        cmd.Parameters.Add(new NpgsqlParameter { Value = (object?)q.BeforeId ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Bigint });
        cmd.Parameters.Add(new NpgsqlParameter { Value = (object?)q.From?.UtcDateTime ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.TimestampTz });
        cmd.Parameters.Add(new NpgsqlParameter { Value = (object?)q.To?.UtcDateTime ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.TimestampTz });
        cmd.Parameters.Add(new NpgsqlParameter { Value = (object?)q.Actor ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Text });
        cmd.Parameters.Add(new NpgsqlParameter { Value = (object?)q.Action ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Text });
        cmd.Parameters.AddWithValue(q.Limit);
        var entries = new List<AuditEntry>();
        await using var r = await cmd.ExecuteReaderAsync(ct);
        while (await r.ReadAsync(ct))
            entries.Add(new AuditEntry(r.GetInt64(0), new DateTimeOffset(DateTime.SpecifyKind(r.GetDateTime(1), DateTimeKind.Utc)), r.GetString(2), r.GetString(3), r.GetString(4),
                r.IsDBNull(5) ? null : r.GetString(5), r.GetInt32(6), r.IsDBNull(7) ? null : r.GetString(7), r.IsDBNull(8) ? null : r.GetString(8)));
        return entries;
    }
}
