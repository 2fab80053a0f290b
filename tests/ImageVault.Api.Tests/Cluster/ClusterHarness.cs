using ImageVault.Testing;

namespace ImageVault.Api.Tests.Cluster;

/// <summary>Real silo processes on the cluster profile, sharing one PostgreSQL database, S3 bucket and OpenSearch index.</summary>
public sealed class ClusterHarness : IAsyncLifetime
{
    public PostgresDatabase Database { get; } = new();
    private readonly string _clusterId = $"c{Guid.NewGuid():N}"[..12];
    private readonly string _bucket = $"iv-failover-{Guid.NewGuid():N}"[..30];
    private readonly string _index = $"iv-failover-{Guid.NewGuid():N}";
    private readonly List<SiloProcess> _silos = [];

    public Task InitializeAsync() => Database.InitializeAsync();

    public async Task<SiloProcess> StartSiloAsync()
    {
        var s3 = S3TestServer.Options(_bucket);
        var silo = SiloProcess.Start(new Dictionary<string, string>
        {
            ["ImageVault:Profile"] = "Cluster",
            ["ImageVault:DataPath"] = TempFolder.Create("iv-silo"),
            ["ImageVault:Cluster:PostgresConnectionString"] = Database.ConnectionString,
            ["ImageVault:Cluster:ClusterId"] = _clusterId,
            ["ImageVault:Cluster:ServiceId"] = _clusterId,
            ["ImageVault:Cluster:SiloPort"] = ImageVaultApp.FreePort().ToString(),
            ["ImageVault:Cluster:GatewayPort"] = ImageVaultApp.FreePort().ToString(),
            ["ImageVault:S3:Endpoint"] = s3.Endpoint, ["ImageVault:S3:AccessKey"] = s3.AccessKey,
            ["ImageVault:S3:SecretKey"] = s3.SecretKey, ["ImageVault:S3:Bucket"] = s3.Bucket,
            ["ImageVault:OpenSearch:Endpoint"] = Environment.GetEnvironmentVariable("IMAGEVAULT_TEST_OPENSEARCH")
                ?? throw new InvalidOperationException("IMAGEVAULT_TEST_OPENSEARCH is not set: start OpenSearch with deploy/ci/opensearch.sh"),
            ["ImageVault:OpenSearch:Index"] = _index,
            ["ImageVault:Pipeline:SweepPeriod"] = "00:00:05",
            ["ImageVault:Pipeline:StuckAfter"] = "00:00:05",
            ["ImageVault:Limits:Workers"] = "1",
            // These runs measure recovery of the storage path on 2 cores; model inference beside them would
            // only add noise to the timings. Analysis on the cluster profile is covered by ClusterProfileTests.
            ["ImageVault:Analysis:Enabled"] = "false",
        });
        _silos.Add(silo);
        await silo.WaitReadyAsync(TimeSpan.FromSeconds(90));
        return silo;
    }

    public async Task DisposeAsync()
    {
        foreach (var silo in _silos) await silo.DisposeAsync();
        await Database.DisposeAsync();
    }
}
