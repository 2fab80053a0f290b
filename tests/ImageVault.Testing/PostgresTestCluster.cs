using ImageVault.Silo.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Orleans.TestingHost;

namespace ImageVault.Testing;

/// <summary>
/// Two in-process silos using the cluster profile's PostgreSQL wiring (ADO.NET clustering, grain state,
/// reminders on our own schema). Each silo keeps its local blob folder and index in a folder of its own.
/// </summary>
public sealed class PostgresTestCluster : IAsyncLifetime
{
    public PostgresDatabase Database { get; } = new();
    public TestCluster Cluster { get; private set; } = null!;
    public IGrainFactory Grains => Cluster.GrainFactory;
    private readonly string _root = TempFolder.Create("iv-pg-cluster");

    public async Task InitializeAsync()
    {
        await Database.InitializeAsync();
        var builder = new TestClusterBuilder(2);
        builder.Options.UseTestClusterMembership = false;
        builder.ConfigureHostConfiguration(c => c.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ImageVault:DataPath"] = _root,
            ["ImageVault:Cluster:PostgresConnectionString"] = Database.ConnectionString,
            ["ImageVault:Limits:Workers"] = "1",
        }));
        builder.AddSiloBuilderConfigurator<Configurator>();
        builder.AddClientBuilderConfigurator<ClientConfigurator>();
        Cluster = builder.Build();
        await Cluster.DeployAsync();
    }

    public async Task DisposeAsync()
    {
        await Cluster.StopAllSilosAsync();
        await Cluster.DisposeAsync();
        await Database.DisposeAsync();
    }

    private sealed class ClientConfigurator : IClientBuilderConfigurator
    {
        public void Configure(IConfiguration configuration, IClientBuilder client) =>
            client.UseAdoNetClustering(o => (o.Invariant, o.ConnectionString) =
                (ClusterProfile.NpgsqlInvariant, configuration["ImageVault:Cluster:PostgresConnectionString"]));
    }

    private sealed class Configurator : ISiloConfigurator
    {
        public void Configure(ISiloBuilder silo)
        {
            // Silos in one process must not share an index writer: each gets its own local folder.
            silo.Configuration["ImageVault:DataPath"] = Path.Combine(silo.Configuration["ImageVault:DataPath"]!, Guid.NewGuid().ToString("N"));
            silo.Services.AddClusterServices(silo.Configuration);
            silo.UsePostgres(silo.Configuration["ImageVault:Cluster:PostgresConnectionString"]!);
        }
    }
}
