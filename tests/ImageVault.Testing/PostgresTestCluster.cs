using ImageVault.Silo.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Orleans.TestingHost;

namespace ImageVault.Testing;

/// <summary>
/// Two in-process silos using the cluster profile's PostgreSQL wiring (ADO.NET clustering, grain state,
/// reminders on our own schema). Each silo keeps its local blob folder and index in a folder of its own.
/// </summary>
public class PostgresTestCluster : IAsyncLifetime
{
    public PostgresDatabase Database { get; } = new();
    public TestCluster Cluster { get; private set; } = null!;
    public IGrainFactory Grains => Cluster.GrainFactory;
    private readonly string _root = TempFolder.Create("iv-pg-cluster");

    /// <summary>Extra configuration for every silo and the client (e.g. TLS).</summary>
    protected virtual IDictionary<string, string?> ExtraSettings => new Dictionary<string, string?>();

    public async Task InitializeAsync()
    {
        await Database.InitializeAsync();
        var builder = new TestClusterBuilder(2);
        builder.Options.UseTestClusterMembership = false;
        builder.Options.ConnectionTransport = ConnectionTransportType.TcpSocket; // real sockets, as in production (and for TLS)
        builder.ConfigureHostConfiguration(c => c.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ImageVault:DataPath"] = _root,
            ["ImageVault:Cluster:PostgresConnectionString"] = Database.ConnectionString,
            ["ImageVault:Limits:Workers"] = "1",
        }.Concat(ExtraSettings)));
        builder.AddSiloBuilderConfigurator<Configurator>();
        builder.AddClientBuilderConfigurator<ClientConfigurator>();
        Cluster = builder.Build();
        await Cluster.DeployAsync();
    }

    public virtual async Task DisposeAsync()
    {
        await Cluster.StopAllSilosAsync();
        await Cluster.DisposeAsync();
        await Database.DisposeAsync();
    }

    private sealed class ClientConfigurator : IClientBuilderConfigurator
    {
        public void Configure(IConfiguration configuration, IClientBuilder client)
        {
            client.UseAdoNetClustering(o => (o.Invariant, o.ConnectionString) =
                (ClusterProfile.NpgsqlInvariant, configuration["ImageVault:Cluster:PostgresConnectionString"]));
            client.UseSiloTls(configuration.GetSection(SiloTlsOptions.Section).Get<SiloTlsOptions>() ?? new SiloTlsOptions());
        }
    }

    private sealed class Configurator : ISiloConfigurator
    {
        public void Configure(ISiloBuilder silo)
        {
            // Silos in one process must not share an index writer: each gets its own local folder.
            silo.Configuration["ImageVault:DataPath"] = Path.Combine(silo.Configuration["ImageVault:DataPath"]!, Guid.NewGuid().ToString("N"));
            silo.Services.AddClusterServices(silo.Configuration);
            silo.UsePostgres(silo.Configuration["ImageVault:Cluster:PostgresConnectionString"]!);
            silo.UseSiloTls(silo.Configuration.GetSection(SiloTlsOptions.Section).Get<SiloTlsOptions>() ?? new SiloTlsOptions());
        }
    }
}
