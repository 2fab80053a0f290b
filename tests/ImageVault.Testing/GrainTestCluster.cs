using ImageVault.Grains.Ports;
using ImageVault.Silo.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Orleans.TestingHost;

namespace ImageVault.Testing;

/// <summary>
/// An Orleans in-process test cluster composed like the embedded silo (real SQLite, blob folder,
/// Lucene, sandboxed workers) on a private folder, with the blob store wrapped in a
/// <see cref="FaultyBlobStore"/> so tests can make a step fail as a crash would.
/// </summary>
public sealed class GrainTestCluster : IAsyncLifetime
{
    public string DataPath { get; } = TempFolder.Create("iv-cluster");
    public TestCluster Cluster { get; private set; } = null!;
    public IGrainFactory Grains => Cluster.GrainFactory;

    public T Service<T>() where T : notnull =>
        Cluster.GetSiloServiceProvider(Cluster.Primary!.SiloAddress).GetRequiredService<T>();

    public FaultyBlobStore Blobs => (FaultyBlobStore)Service<IBlobStore>();

    public async Task InitializeAsync()
    {
        var builder = new TestClusterBuilder(1);
        builder.ConfigureHostConfiguration(c => c.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ImageVault:DataPath"] = DataPath,
            ["ImageVault:Limits:Workers"] = "2",
        }));
        builder.AddSiloBuilderConfigurator<Configurator>();
        Cluster = builder.Build();
        await Cluster.DeployAsync();
    }

    public async Task DisposeAsync()
    {
        await Cluster.StopAllSilosAsync();
        await Cluster.DisposeAsync();
    }

    private sealed class Configurator : ISiloConfigurator
    {
        public void Configure(ISiloBuilder silo)
        {
            silo.Services.AddEmbeddedServices(silo.Configuration);
            var real = silo.Services.Last(d => d.ServiceType == typeof(IBlobStore));
            silo.Services.Remove(real);
            silo.Services.AddSingleton<IBlobStore>(sp => new FaultyBlobStore((IBlobStore)real.ImplementationFactory!(sp)));
            silo.UseInMemoryReminderService();
            silo.ConfigureImageVaultSilo();
        }
    }
}
