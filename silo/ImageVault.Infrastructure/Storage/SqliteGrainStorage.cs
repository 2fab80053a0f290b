using System.Text.Json;
using ImageVault.Grains.Ports;
using Microsoft.Data.Sqlite;
using Orleans.Storage;

namespace ImageVault.Infrastructure.Storage;

/// <summary>
/// Grain state in one SQLite file (embedded profile): System.Text.Json payloads, optimistic
/// concurrency through an integer ETag per row, WAL journal so a killed process loses nothing
/// that was acknowledged. Writes go through one connection in turn (SQLite has one writer anyway).
/// </summary>
public sealed class SqliteGrainStorage : IGrainStorage, IImageCatalog, ITenantStateStore, IDisposable
{
    private static readonly JsonSerializerOptions Json = JsonGrainStorageSerializer.Options;

    private readonly string _connectionString;
    private readonly SqliteConnection _writer;
    private readonly SemaphoreSlim _writeGate = new(1, 1);

    public SqliteGrainStorage(string databasePath)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(databasePath))!);
        _connectionString = new SqliteConnectionStringBuilder { DataSource = databasePath, Pooling = true, DefaultTimeout = 30 }.ToString();
        _writer = new SqliteConnection(_connectionString);
        _writer.Open();
        Execute(_writer, """
            PRAGMA journal_mode = WAL;
            PRAGMA synchronous = NORMAL;
            CREATE TABLE IF NOT EXISTS grain_state (
                grain_type TEXT NOT NULL, grain_key TEXT NOT NULL, state_name TEXT NOT NULL,
                etag INTEGER NOT NULL, payload TEXT NOT NULL, updated_at TEXT NOT NULL,
                PRIMARY KEY (grain_type, grain_key, state_name)) WITHOUT ROWID;
            """);
    }

    public async Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        await using var conn = new SqliteConnection(_connectionString);
        await conn.OpenAsync();
        await using var cmd = Command(conn, "SELECT etag, payload FROM grain_state WHERE grain_type=$t AND grain_key=$k AND state_name=$s", grainId, stateName);
        await using var reader = await cmd.ExecuteReaderAsync();
        if (!await reader.ReadAsync())
        {
            (grainState.ETag, grainState.RecordExists) = (null, false);
            return;
        }
        grainState.ETag = reader.GetInt64(0).ToString(System.Globalization.CultureInfo.InvariantCulture);
        grainState.State = JsonSerializer.Deserialize<T>(reader.GetString(1), Json)!;
        grainState.RecordExists = true;
    }

    public async Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        var payload = JsonSerializer.Serialize(grainState.State, Json);
        var expected = grainState.ETag is null ? 0 : long.Parse(grainState.ETag, System.Globalization.CultureInfo.InvariantCulture);
        var sql = expected == 0
            ? "INSERT INTO grain_state VALUES ($t, $k, $s, 1, $p, $u) ON CONFLICT DO NOTHING"
            : "UPDATE grain_state SET etag = etag + 1, payload = $p, updated_at = $u WHERE grain_type=$t AND grain_key=$k AND state_name=$s AND etag=$e";
        await WriteAsync(sql, grainId, stateName, expected, payload);
        grainState.ETag = (expected + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
        grainState.RecordExists = true;
    }

    public async Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        if (grainState.ETag is { } etag)
            await WriteAsync("DELETE FROM grain_state WHERE grain_type=$t AND grain_key=$k AND state_name=$s AND etag=$e",
                grainId, stateName, long.Parse(etag, System.Globalization.CultureInfo.InvariantCulture), null);
        (grainState.ETag, grainState.RecordExists) = (null, false);
        grainState.State = Activator.CreateInstance<T>();
    }

    public async Task<IReadOnlyList<string>> ListImageIdsAsync(string tenant, string? afterId, int limit, CancellationToken ct = default)
    {
        await using var conn = new SqliteConnection(_connectionString);
        await conn.OpenAsync(ct);
        await using var cmd = conn.CreateCommand();
        cmd.CommandText = "SELECT grain_key FROM grain_state WHERE grain_type='image' AND state_name='image' AND grain_key > $from AND grain_key < $to ORDER BY grain_key LIMIT $n";
        var (from, to) = Grains.Abstractions.GrainKeys.TenantRange(tenant, afterId);
        cmd.Parameters.AddWithValue("$from", from);
        cmd.Parameters.AddWithValue("$to", to);
        cmd.Parameters.AddWithValue("$n", limit);
        var ids = new List<string>(limit);
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct)) ids.Add(reader.GetString(0)[(tenant.Length + 1)..]);
        return ids;
    }

    public async Task<long> CountTenantRowsAsync(string tenant, CancellationToken ct = default)
    {
        await using var conn = new SqliteConnection(_connectionString);
        await conn.OpenAsync(ct);
        await using var cmd = TenantRows(conn, "SELECT count(*)", tenant);
        return (long)(await cmd.ExecuteScalarAsync(ct))!;
    }

    public async Task<long> EraseTenantRowsAsync(string tenant, CancellationToken ct = default)
    {
        await _writeGate.WaitAsync(ct);
        try
        {
            await using var cmd = TenantRows(_writer, "DELETE", tenant);
            return await cmd.ExecuteNonQueryAsync(ct);
        }
        finally { _writeGate.Release(); }
    }

    /// <summary>Rows of one tenant: the grains keyed by the tenant itself and those keyed "{tenant}/…".</summary>
    private static SqliteCommand TenantRows(SqliteConnection conn, string verb, string tenant)
    {
        var cmd = conn.CreateCommand();
        cmd.CommandText = $"{verb} FROM grain_state WHERE grain_key = $t OR (grain_key > $from AND grain_key < $to)";
        var (from, to) = Grains.Abstractions.GrainKeys.TenantRange(tenant, null);
        cmd.Parameters.AddWithValue("$t", tenant);
        cmd.Parameters.AddWithValue("$from", from);
        cmd.Parameters.AddWithValue("$to", to);
        return cmd;
    }

    private async Task WriteAsync(string sql, GrainId grainId, string stateName, long expected, string? payload)
    {
        await _writeGate.WaitAsync();
        try
        {
            await using var cmd = Command(_writer, sql, grainId, stateName);
            cmd.Parameters.AddWithValue("$e", expected);
            cmd.Parameters.AddWithValue("$p", (object?)payload ?? DBNull.Value);
            cmd.Parameters.AddWithValue("$u", DateTimeOffset.UtcNow.ToString("O"));
            if (await cmd.ExecuteNonQueryAsync() == 0)
                throw new InconsistentStateException($"ETag mismatch for {grainId}/{stateName}", "unknown", expected.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }
        finally { _writeGate.Release(); }
    }

    private static SqliteCommand Command(SqliteConnection conn, string sql, GrainId grainId, string stateName)
    {
        var cmd = conn.CreateCommand();
        cmd.CommandText = sql;
        cmd.Parameters.AddWithValue("$t", grainId.Type.ToString());
        cmd.Parameters.AddWithValue("$k", grainId.Key.ToString());
        cmd.Parameters.AddWithValue("$s", stateName);
        return cmd;
    }

    private static void Execute(SqliteConnection conn, string sql)
    {
        using var cmd = conn.CreateCommand();
        cmd.CommandText = sql;
        cmd.ExecuteNonQuery();
    }

    public void Dispose()
    {
        _writer.Dispose();
        _writeGate.Dispose();
    }
}
