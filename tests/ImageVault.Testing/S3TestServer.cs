using ImageVault.Infrastructure.Blobs;

namespace ImageVault.Testing;

/// <summary>
/// The S3 server the tests use, from <c>IMAGEVAULT_TEST_S3</c> = "endpoint access-key secret-key"
/// (deploy/ci/ceph-rgw.sh starts Ceph RGW and prints them). Without it the tests fail loudly.
/// </summary>
public static class S3TestServer
{
    public const string Variable = "IMAGEVAULT_TEST_S3";

    public static S3Options Options(string? bucket = null)
    {
        var parts = (Environment.GetEnvironmentVariable(Variable)
            ?? throw new InvalidOperationException($"{Variable} is not set: start Ceph RGW with deploy/ci/ceph-rgw.sh (the README's test command does)."))
            .Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return new S3Options { Endpoint = parts[0], AccessKey = parts[1], SecretKey = parts[2], Bucket = bucket ?? $"iv-test-{Guid.NewGuid():N}"[..30] };
    }
}
