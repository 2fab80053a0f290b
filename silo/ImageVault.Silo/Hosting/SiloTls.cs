using System.Security.Cryptography.X509Certificates;
using Orleans.Connections.Security;

namespace ImageVault.Silo.Hosting;

/// <summary>
/// Optional mutual TLS between silos (and for Orleans clients), section <c>ImageVault:Cluster:Tls</c>.
/// Both ends present a certificate; a peer is trusted when its certificate's thumbprint is pinned
/// (default: the silo's own, i.e. every silo shares one cluster certificate).
/// </summary>
public sealed class SiloTlsOptions
{
    public const string Section = "ImageVault:Cluster:Tls";

    /// <summary>PKCS#12 file with the certificate and its private key; unset means no TLS.</summary>
    public string? CertificatePath { get; set; }
    public string? CertificatePassword { get; set; }

    /// <summary>Thumbprints of the certificates peers may present; empty means "the same as mine".</summary>
    public List<string> TrustedThumbprints { get; set; } = [];

    public bool Enabled => !string.IsNullOrEmpty(CertificatePath);

    public X509Certificate2 LoadCertificate() => X509CertificateLoader.LoadPkcs12FromFile(CertificatePath!, CertificatePassword);

    /// <summary>Applies the options to a silo or client's TLS settings.</summary>
    public void Configure(TlsOptions tls, X509Certificate2 certificate)
    {
        var trusted = new HashSet<string>(TrustedThumbprints.Count > 0 ? TrustedThumbprints : [certificate.Thumbprint], StringComparer.OrdinalIgnoreCase);
        tls.LocalCertificate = certificate;
        tls.RemoteCertificateMode = RemoteCertificateMode.RequireCertificate;
        tls.ClientCertificateMode = RemoteCertificateMode.RequireCertificate;
        // Pinning replaces chain validation: cluster certificates are usually self-issued.
        tls.RemoteCertificateValidation = (remote, _, _) => remote is not null && trusted.Contains(remote.Thumbprint);
    }
}

public static class SiloTlsExtensions
{
    public static ISiloBuilder UseSiloTls(this ISiloBuilder silo, SiloTlsOptions options)
    {
        if (!options.Enabled) return silo;
        var certificate = options.LoadCertificate();
        return silo.UseTls(certificate, tls => options.Configure(tls, certificate));
    }

    public static IClientBuilder UseSiloTls(this IClientBuilder client, SiloTlsOptions options)
    {
        if (!options.Enabled) return client;
        var certificate = options.LoadCertificate();
        return client.UseTls(certificate, tls => options.Configure(tls, certificate));
    }
}
