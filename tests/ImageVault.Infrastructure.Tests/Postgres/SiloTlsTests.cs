using System.Net.Security;
using System.Net.Sockets;
using System.Security.Cryptography.X509Certificates;
using ImageVault.Grains.Abstractions.Albums;
using ImageVault.Testing;

namespace ImageVault.Infrastructure.Tests.Postgres;

/// <summary>Two silos and a client with mutual TLS, sharing one pinned cluster certificate.</summary>
public sealed class TlsPostgresTestCluster : PostgresTestCluster
{
    public (string Path, X509Certificate2 Certificate) ClusterCertificate { get; } = TestCertificates.Create("imagevault-cluster");

    protected override IDictionary<string, string?> ExtraSettings => new Dictionary<string, string?>
    {
        ["ImageVault:Cluster:Tls:CertificatePath"] = ClusterCertificate.Path,
        ["ImageVault:Cluster:Tls:CertificatePassword"] = TestCertificates.Password,
    };
}

public class SiloTlsTests(TlsPostgresTestCluster fx) : IClassFixture<TlsPostgresTestCluster>
{
    [Fact]
    public async Task Silos_and_client_work_over_mutual_tls()
    {
        Assert.Equal(2, fx.Cluster.GetActiveSilos().Count());
        var tree = fx.Grains.GetGrain<IAlbumTreeGrain>("tls-tenant");
        await tree.UpsertAsync(new AlbumNode("a", "Over TLS", null));
        Assert.Equal(["Over TLS"], (await tree.ListAsync()).Select(n => n.Name));
    }

    [Fact]
    public async Task A_peer_without_the_cluster_certificate_is_turned_away()
    {
        Assert.True(await StaysOpenAsync(fx.ClusterCertificate.Certificate), "the cluster's own certificate should be accepted");
        Assert.False(await StaysOpenAsync(null), "a peer without a certificate got in");
        Assert.False(await StaysOpenAsync(TestCertificates.Create("intruder").Certificate), "a peer with an unpinned certificate got in");
    }

    /// <summary>Opens a TLS connection to a silo port; true if the silo keeps it open (it waits for our preamble).</summary>
    private async Task<bool> StaysOpenAsync(X509Certificate2? clientCertificate)
    {
        var endpoint = fx.Cluster.GetActiveSilos().First().SiloAddress.Endpoint;
        using var tcp = new TcpClient();
        await tcp.ConnectAsync(endpoint.Address, endpoint.Port);
        await using var tls = new SslStream(tcp.GetStream());
        try
        {
            await tls.AuthenticateAsClientAsync(new SslClientAuthenticationOptions
            {
                TargetHost = "imagevault-cluster",
                RemoteCertificateValidationCallback = (_, _, _, _) => true, // we test the silo's check, not ours
                ClientCertificates = clientCertificate is null ? null : new X509CertificateCollection { clientCertificate },
            });
            using var wait = new CancellationTokenSource(TimeSpan.FromSeconds(2));
            return await tls.ReadAsync(new byte[1], wait.Token) > 0;
        }
        catch (OperationCanceledException) { return true; } // still open, waiting for us
        catch (Exception e) when (e is IOException or System.Security.Authentication.AuthenticationException) { return false; }
    }
}
