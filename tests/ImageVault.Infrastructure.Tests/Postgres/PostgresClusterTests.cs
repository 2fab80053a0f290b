using ImageVault.Grains.Abstractions;
using ImageVault.Grains.Abstractions.Albums;
using ImageVault.Grains.Abstractions.Images;
using ImageVault.Grains.Abstractions.Pipeline;
using ImageVault.Testing;

namespace ImageVault.Infrastructure.Tests.Postgres;

/// <summary>Orleans' ADO.NET providers on our PostgreSQL schema, through ImageVault's own grains on two silos.</summary>
public class PostgresClusterTests(PostgresTestCluster fx) : IClassFixture<PostgresTestCluster>
{
    [Fact]
    public async Task Both_silos_register_as_active_members()
    {
        Assert.Equal(2, await fx.Database.ScalarAsync<int>("SELECT count(*) FROM OrleansMembershipTable WHERE Status = 3"));
        Assert.True(await fx.Database.ScalarAsync<int>("SELECT Version FROM OrleansMembershipVersionTable") >= 2);
    }

    [Fact]
    public async Task Grain_state_is_stored_as_json_and_claims_stay_atomic()
    {
        var key = GrainKeys.For("pg", new string('a', 64));
        var first = await fx.Grains.GetGrain<IContentGrain>(key).ClaimAsync("img1");
        var second = await fx.Grains.GetGrain<IContentGrain>(key).ClaimAsync("img2");
        Assert.Equal((true, false, "img1"), (first.IsNew, second.IsNew, second.ImageId));
        var json = await fx.Database.ScalarAsync<string>(
            $"SELECT convert_from(PayloadBinary, 'UTF8') FROM OrleansStorage WHERE GrainTypeString = 'content' AND GrainIdExtensionString = '{key}'");
        Assert.Contains("\"ImageId\":\"img1\"", json);
    }

    [Fact]
    public async Task State_survives_losing_the_silo_that_held_the_grain()
    {
        var tree = fx.Grains.GetGrain<IAlbumTreeGrain>("pgtenant");
        await tree.UpsertAsync(new AlbumNode("a1", "Holidays", null));
        foreach (var silo in fx.Cluster.GetActiveSilos().ToArray()) await fx.Cluster.RestartSiloAsync(silo);
        Assert.Equal(["Holidays"], (await fx.Grains.GetGrain<IAlbumTreeGrain>("pgtenant").ListAsync()).Select(n => n.Name));
    }

    [Fact]
    public async Task Cleared_state_deletes_its_row()
    {
        var key = GrainKeys.For("pg", new string('b', 64));
        await fx.Grains.GetGrain<IContentGrain>(key).ClaimAsync("img9");
        await fx.Grains.GetGrain<IContentGrain>(key).ReleaseAsync("img9");
        Assert.Equal(0, await fx.Database.ScalarAsync<int>($"SELECT count(*) FROM OrleansStorage WHERE GrainIdExtensionString = '{key}'"));
        Assert.True((await fx.Grains.GetGrain<IContentGrain>(key).ClaimAsync("img10")).IsNew);
    }

    [Fact]
    public async Task Reminders_are_stored_in_postgres()
    {
        await fx.Grains.GetGrain<IPipelineSweeperGrain>("pgreminders/0").StartAsync();
        Assert.Equal(1, await fx.Database.ScalarAsync<int>("SELECT count(*) FROM OrleansRemindersTable WHERE ReminderName = 'sweep' AND GrainId LIKE '%pgreminders/0%'"));
    }
}
