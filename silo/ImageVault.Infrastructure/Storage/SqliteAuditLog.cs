using ImageVault.Grains.Ports;
using Microsoft.Data.Sqlite;

namespace ImageVault.Infrastructure.Storage;

/// <summary>
/// The audit log of the embedded profile: its own SQLite file beside the grain state, with triggers
/// that abort any UPDATE or DELETE, so the log is append-only even for code that tries.
/// </summary>
public sealed class SqliteAuditLog : IAuditLog, IDisposable
{
    private readonly string _connectionString;
    private readonly SqliteConnection _writer;
    private readonly SemaphoreSlim _writeGate = new(1, 1);

    public SqliteAuditLog(string databasePath)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(databasePath))!);
        _connectionString = new SqliteConnectionStringBuilder { DataSource = databasePath, Pooling = true, DefaultTimeout = 30 }.ToString();
        _writer = new SqliteConnection(_connectionString);
        _writer.Open();
        using var cmd = _writer.CreateCommand();
        cmd.CommandText = """
            PRAGMA journal_mode = WAL;
            CREATE TABLE IF NOT EXISTS audit (
                id INTEGER PRIMARY KEY AUTOINCREMENT, at TEXT NOT NULL, tenant TEXT NOT NULL, actor TEXT NOT NULL,
                action TEXT NOT NULL, target TEXT, status INTEGER NOT NULL, address TEXT, user_agent TEXT);
            CREATE INDEX IF NOT EXISTS audit_by_tenant ON audit (tenant, id);
            CREATE TRIGGER IF NOT EXISTS audit_no_update BEFORE UPDATE ON audit BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
            CREATE TRIGGER IF NOT EXISTS audit_no_delete BEFORE DELETE ON audit BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
            """;
        cmd.ExecuteNonQuery();
    }

    public async Task AppendAsync(AuditEntry e, CancellationToken ct = default)
    {
        await _writeGate.WaitAsync(ct);
        try
        {
            await using var cmd = _writer.CreateCommand();
            cmd.CommandText = "INSERT INTO audit (at, tenant, actor, action, target, status, address, user_agent) VALUES ($at, $t, $a, $x, $g, $s, $ip, $ua)";
            cmd.Parameters.AddWithValue("$at", e.At.UtcDateTime.ToString("O"));
            cmd.Parameters.AddWithValue("$t", e.Tenant);
            cmd.Parameters.AddWithValue("$a", e.Actor);
            cmd.Parameters.AddWithValue("$x", e.Action);
            cmd.Parameters.AddWithValue("$g", (object?)e.Target ?? DBNull.Value);
            cmd.Parameters.AddWithValue("$s", e.Status);
            cmd.Parameters.AddWithValue("$ip", (object?)e.Address ?? DBNull.Value);
            cmd.Parameters.AddWithValue("$ua", (object?)e.UserAgent ?? DBNull.Value);
            await cmd.ExecuteNonQueryAsync(ct);
        }
        finally { _writeGate.Release(); }
    }

    public async Task<IReadOnlyList<AuditEntry>> QueryAsync(string tenant, AuditQuery q, CancellationToken ct = default)
    {
        await using var conn = new SqliteConnection(_connectionString);
        await conn.OpenAsync(ct);
        await using var cmd = conn.CreateCommand();
        cmd.CommandText = """
            SELECT id, at, tenant, actor, action, target, status, address, user_agent FROM audit
             WHERE tenant = $t AND ($before IS NULL OR id < $before) AND ($from IS NULL OR at >= $from) AND ($to IS NULL OR at < $to)
               AND ($actor IS NULL OR actor = $actor) AND ($action IS NULL OR action LIKE $action || '%')
             ORDER BY id DESC LIMIT $n
            """;
        cmd.Parameters.AddWithValue("$t", tenant);
        cmd.Parameters.AddWithValue("$before", (object?)q.BeforeId ?? DBNull.Value);
        cmd.Parameters.AddWithValue("$from", (object?)q.From?.UtcDateTime.ToString("O") ?? DBNull.Value);
        cmd.Parameters.AddWithValue("$to", (object?)q.To?.UtcDateTime.ToString("O") ?? DBNull.Value);
        cmd.Parameters.AddWithValue("$actor", (object?)q.Actor ?? DBNull.Value);
        cmd.Parameters.AddWithValue("$action", (object?)q.Action ?? DBNull.Value);
        cmd.Parameters.AddWithValue("$n", q.Limit);
        var entries = new List<AuditEntry>();
        await using var r = await cmd.ExecuteReaderAsync(ct);
        while (await r.ReadAsync(ct))
            entries.Add(new AuditEntry(r.GetInt64(0), DateTimeOffset.Parse(r.GetString(1), System.Globalization.CultureInfo.InvariantCulture), r.GetString(2),
                r.GetString(3), r.GetString(4), r.IsDBNull(5) ? null : r.GetString(5), r.GetInt32(6), r.IsDBNull(7) ? null : r.GetString(7), r.IsDBNull(8) ? null : r.GetString(8)));
        return entries;
    }

    public void Dispose()
    {
        _writer.Dispose();
        _writeGate.Dispose();
    }
}
