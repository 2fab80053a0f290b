using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace ImageVault.Testing;

/// <summary>Self-signed certificates made on the fly for TLS tests, written as PKCS#12 files.</summary>
public static class TestCertificates
{
    public const string Password = "test-only";

    public static (string Path, X509Certificate2 Certificate) Create(string subject)
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest($"CN={subject}", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension(
            [new Oid("1.3.6.1.5.5.7.3.1"), new Oid("1.3.6.1.5.5.7.3.2")], critical: false)); // server and client auth
        var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(30));
        var path = System.IO.Path.Combine(TempFolder.Create("iv-cert"), $"{subject}.pfx");
        File.WriteAllBytes(path, certificate.Export(X509ContentType.Pkcs12, Password));
        return (path, X509CertificateLoader.LoadPkcs12FromFile(path, Password));
    }
}
