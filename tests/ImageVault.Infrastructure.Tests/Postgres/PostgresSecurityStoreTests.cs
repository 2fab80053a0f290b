using ImageVault.Grains.Ports;
using ImageVault.Infrastructure.Postgres;
using ImageVault.Testing;
using Npgsql;

namespace ImageVault.Infrastructure.Tests.Postgres;

/// <summary>The cluster profile's audit log and per-tenant state rows on real PostgreSQL.</summary>
public class PostgresSecurityStoreTests : IAsyncLifetime
{
    private readonly PostgresDatabase _db = new();
    public Task InitializeAsync() => _db.InitializeAsync();
    public Task DisposeAsync() => _db.DisposeAsync();

    [Fact]
    public async Task The_audit_log_appends_queries_newest_first_per_tenant_and_refuses_changes()
    {
        await using var source = NpgsqlDataSource.Create(_db.ConnectionString);
        var audit = new PostgresAuditLog(source);
        var at = DateTimeOffset.UtcNow;
        for (var i = 0; i < 5; i++) await audit.AppendAsync(new AuditEntry(0, at.AddSeconds(i), "acme", $"user:{i % 2}", $"POST /api/v1/x{i}", $"id={i}", 200, "10.0.0.1", "curl"));
        await audit.AppendAsync(new AuditEntry(0, at, "globex", "user:9", "DELETE /api/v1/y", null, 204, null, null));

        var page = await audit.QueryAsync("acme", new AuditQuery(Limit: 3));
        Assert.Equal(["POST /api/v1/x4", "POST /api/v1/x3", "POST /api/v1/x2"], page.Select(e => e.Action));
        var next = await audit.QueryAsync("acme", new AuditQuery(BeforeId: page[^1].Id, Limit: 10));
        Assert.Equal(2, next.Count);
        Assert.All(await audit.QueryAsync("acme", new AuditQuery(Actor: "user:1")), e => Assert.Equal("user:1", e.Actor));
        Assert.Single(await audit.QueryAsync("globex", new AuditQuery(Action: "DELETE")));

        foreach (var sql in new[] { "UPDATE imagevault_audit SET actor = 'x'", "DELETE FROM imagevault_audit" })
        {
            var e = await Assert.ThrowsAsync<PostgresException>(() => _db.ScalarAsync<int>(sql));
            Assert.Contains("append-only", e.MessageText);
        }
    }

    [Fact]
    public async Task A_tenants_rows_are_counted_and_erased_without_touching_a_neighbour_with_a_similar_name()
    {
        foreach (var key in new[] { "t", "t/a", "t/b", "t-x/a", "t0", "tt/a", "u/a" })
            await _db.ScalarAsync<int>($"SELECT NewGrainStateVersion FROM iv_storage_write(1, 0, 0, 2, 'image', '{key}', 'svc', NULL, 'x'::bytea)");
        await using var source = NpgsqlDataSource.Create(_db.ConnectionString);
        var rows = new PostgresTenantStateStore(source, "svc");
        Assert.Equal(3, await rows.CountTenantRowsAsync("t"));
        Assert.Equal(3, await rows.EraseTenantRowsAsync("t"));
        Assert.Equal(0, await rows.CountTenantRowsAsync("t"));
        Assert.Equal(1, await rows.CountTenantRowsAsync("t-x"));
        Assert.Equal(1, await rows.CountTenantRowsAsync("tt"));
    }
}
