using Microsoft.Extensions.Logging;
using Npgsql;

namespace ImageVault.Infrastructure.Postgres;

/// <summary>
/// Applies the PostgreSQL schema (deploy/sql/postgresql, embedded in this assembly) in file order, in
/// one transaction, under an advisory lock so silos starting together apply it once at a time. The
/// scripts are idempotent, so every start applies them: an upgraded silo brings its query texts along.
/// </summary>
public sealed partial class PostgresSchemaMigrator(ILogger<PostgresSchemaMigrator> log)
{
    private const long LockId = 0x1_6A6E_7661_756C; // "ImageVault schema"

    public static IReadOnlyList<(string Name, string Sql)> Scripts { get; } = LoadScripts();

    public async Task ApplyAsync(string connectionString, CancellationToken ct = default)
    {
        await using var conn = new NpgsqlConnection(connectionString);
        await conn.OpenAsync(ct);
        await using var tx = await conn.BeginTransactionAsync(ct);
        await Execute(conn, tx, $"SELECT pg_advisory_xact_lock({LockId})", ct);
        foreach (var (name, sql) in Scripts)
        {
            await Execute(conn, tx, sql, ct);
            LogApplied(name);
        }
        await tx.CommitAsync(ct);
    }

    private static async Task Execute(NpgsqlConnection conn, NpgsqlTransaction tx, string sql, CancellationToken ct)
    {
        await using var cmd = new NpgsqlCommand(sql, conn, tx);
        await cmd.ExecuteNonQueryAsync(ct);
    }

    private static IReadOnlyList<(string, string)> LoadScripts()
    {
        var assembly = typeof(PostgresSchemaMigrator).Assembly;
        return assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith("postgresql/", StringComparison.Ordinal) && n.EndsWith(".sql", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .Select(n =>
            {
                using var reader = new StreamReader(assembly.GetManifestResourceStream(n)!);
                return (n["postgresql/".Length..], reader.ReadToEnd());
            })
            .ToArray();
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Applied PostgreSQL schema script {Script}")]
    private partial void LogApplied(string script);
}
