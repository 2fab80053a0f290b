using ImageVault.Infrastructure.Postgres;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace ImageVault.Testing;

/// <summary>
/// A fresh PostgreSQL database with ImageVault's schema, on the server named by
/// <c>IMAGEVAULT_TEST_POSTGRES</c> (deploy/ci/postgres.sh starts one and prints the string). Without a
/// server the tests fail with that message: they never pass silently. Dropped on dispose.
/// </summary>
public sealed class PostgresDatabase : IAsyncLifetime
{
    public const string Variable = "IMAGEVAULT_TEST_POSTGRES";
    private readonly string _server = Environment.GetEnvironmentVariable(Variable)
        ?? throw new InvalidOperationException($"{Variable} is not set: start PostgreSQL with deploy/ci/postgres.sh (the README's test command does).");
    private readonly string _name = $"iv_test_{Guid.NewGuid():N}";

    public string ConnectionString => new NpgsqlConnectionStringBuilder(_server) { Database = _name, MaxPoolSize = 20 }.ConnectionString;

    public async Task InitializeAsync()
    {
        await using (var admin = new NpgsqlConnection(_server))
        {
            await admin.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE {_name}", admin);
            await create.ExecuteNonQueryAsync();
        }
        await new PostgresSchemaMigrator(NullLogger<PostgresSchemaMigrator>.Instance).ApplyAsync(ConnectionString);
    }

    public async Task DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        await using var admin = new NpgsqlConnection(_server);
        await admin.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {_name} WITH (FORCE)", admin);
        await drop.ExecuteNonQueryAsync();
    }

    public async Task<T?> ScalarAsync<T>(string sql)
    {
        await using var conn = new NpgsqlConnection(ConnectionString);
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand(sql, conn);
        var value = await cmd.ExecuteScalarAsync();
        return value is null or DBNull ? default : (T)Convert.ChangeType(value, typeof(T), System.Globalization.CultureInfo.InvariantCulture);
    }
}
