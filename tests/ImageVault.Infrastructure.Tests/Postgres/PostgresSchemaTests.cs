using ImageVault.Infrastructure.Postgres;
using ImageVault.Testing;
using Microsoft.Extensions.Logging.Abstractions;

namespace ImageVault.Infrastructure.Tests.Postgres;

public class PostgresSchemaTests : IAsyncLifetime
{
    private readonly PostgresDatabase _db = new();
    public Task InitializeAsync() => _db.InitializeAsync();
    public Task DisposeAsync() => _db.DisposeAsync();

    /// <summary>Every query key the 10.4 ADO.NET clustering, persistence and reminder providers load.</summary>
    public static readonly string[] ProviderQueryKeys =
    [
        "InsertMembershipVersionKey", "InsertMembershipKey", "UpdateMembershipKey", "UpdateIAmAlivetimeKey", "MembershipReadRowKey",
        "MembershipReadAllKey", "DeleteMembershipTableEntriesKey", "GatewaysQueryKey", "CleanupDefunctSiloEntriesKey", "CleanupDefunctSiloEntryKey",
        "WriteToStorageKey", "ReadFromStorageKey", "ClearStorageKey", "DeleteStorageKey",
        "UpsertReminderRowKey", "ReadReminderRowsKey", "ReadReminderRowKey", "ReadRangeRows1Key", "ReadRangeRows2Key", "DeleteReminderRowKey", "DeleteReminderRowsKey",
    ];

    [Fact]
    public async Task Schema_applies_twice_and_holds_every_provider_query()
    {
        await new PostgresSchemaMigrator(NullLogger<PostgresSchemaMigrator>.Instance).ApplyAsync(_db.ConnectionString);
        foreach (var key in ProviderQueryKeys)
            Assert.Equal(1, await _db.ScalarAsync<int>($"SELECT count(*) FROM OrleansQuery WHERE QueryKey = '{key}'"));
        Assert.Equal(ProviderQueryKeys.Length, await _db.ScalarAsync<int>("SELECT count(*) FROM OrleansQuery"));
    }

    [Fact]
    public async Task Concurrent_migrations_serialise_on_the_advisory_lock()
    {
        var migrator = new PostgresSchemaMigrator(NullLogger<PostgresSchemaMigrator>.Instance);
        await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => migrator.ApplyAsync(_db.ConnectionString)));
        Assert.Equal(ProviderQueryKeys.Length, await _db.ScalarAsync<int>("SELECT count(*) FROM OrleansQuery"));
    }

    [Fact]
    public async Task Scripts_are_embedded_in_file_order() =>
        Assert.Equal(["001-query-table.sql", "010-clustering.sql", "020-persistence.sql", "030-reminders.sql", "100-imagevault.sql", "110-audit.sql"],
            PostgresSchemaMigrator.Scripts.Select(s => s.Name));
}

public class PostgresImageCatalogTests : IAsyncLifetime
{
    private readonly PostgresDatabase _db = new();
    public Task InitializeAsync() => _db.InitializeAsync();
    public Task DisposeAsync() => _db.DisposeAsync();

    [Fact]
    public async Task Lists_one_tenants_live_images_in_byte_order()
    {
        // Rows as the ADO.NET provider writes them: state name in GrainTypeString, string key in the extension.
        foreach (var (type, key, payload) in new[] { ("image", "t/b", "x"), ("image", "t/a", "x"), ("image", "t/c", null), ("image", "t0", "x"),
                     ("image", "t-other/a", "x"), ("image", "u/a", "x"), ("album", "t/z", "x") })
            await _db.ScalarAsync<int>($"SELECT NewGrainStateVersion FROM iv_storage_write(1, 0, 0, 2, '{type}', '{key}', 'svc', NULL, {(payload is null ? "NULL" : "'x'::bytea")})");
        await using var source = Npgsql.NpgsqlDataSource.Create(_db.ConnectionString);
        var catalog = new PostgresImageCatalog(source, "svc");
        Assert.Equal(["a"], await catalog.ListImageIdsAsync("t", null, 1));
        Assert.Equal(["b"], await catalog.ListImageIdsAsync("t", "a", 10)); // t/c was cleared; t0, t-other/… are other tenants
        Assert.Empty(await new PostgresImageCatalog(source, "other-service").ListImageIdsAsync("t", null, 10));
    }
}
