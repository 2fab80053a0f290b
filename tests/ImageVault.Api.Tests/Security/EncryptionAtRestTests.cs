using System.Net.Http.Json;
using System.Security.Cryptography;
using ImageVault.Contracts;
using ImageVault.Testing;

namespace ImageVault.Api.Tests.Security;

/// <summary>With a master key configured, originals on disk are ciphertext under per-tenant keys; the API still serves the exact bytes.</summary>
public class EncryptionAtRestTests : IAsyncLifetime
{
    private readonly ImageVaultApp _app = new(settings: new Dictionary<string, string?>
    {
        ["ImageVault:Analysis:Enabled"] = "false",
        ["ImageVault:Security:MasterKey"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)),
    });

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task The_stored_bytes_are_not_the_image_and_each_tenant_has_its_own_key()
    {
        var jpeg = TestImages.UniqueJpeg(97_001, new ExifBuilder { Make = "EncryptedCam" }, 400, 300);
        var sha = Convert.ToHexStringLower(SHA256.HashData(jpeg));
        var client = _app.CreateClient();
        var id = await _app.UploadNewAsync(jpeg, "secret.jpg");
        var image = await _app.WaitProcessedAsync(id);
        Assert.Equal("ready", image.Status.Stage); // the pipeline decoded it through the decryption
        Assert.Equal("EncryptedCam", image.Metadata!.Make);
        Assert.Equal(jpeg, await client.GetByteArrayAsync($"/api/v1/images/{id}/original"));

        var op = _app.CreateOperatorClient();
        (await op.PostAsJsonAsync("/api/v1/system/tenants", new NewTenantDto("second", null, null, "boss", "second-tenant-password"))).EnsureSuccessStatusCode();
        var second = _app.CreateClientWithToken(await _app.SignInAsync("second", "boss", "second-tenant-password"));
        await TenantSetup.UploadAsync(second, jpeg, "same.jpg");

        var stored = Directory.EnumerateFiles(Path.Combine(_app.DataPath, "blobs"), "*", SearchOption.AllDirectories)
            .Where(f => f.Contains(sha, StringComparison.Ordinal) && f.Contains("originals", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, stored.Count);
        var (a, b) = (await File.ReadAllBytesAsync(stored[0]), await File.ReadAllBytesAsync(stored[1]));
        foreach (var bytes in new[] { a, b })
        {
            Assert.NotEqual(jpeg, bytes);
            Assert.False(bytes[0] == 0xFF && bytes[1] == 0xD8, "a JPEG signature on disk");
            Assert.True(bytes.AsSpan().IndexOf("EncryptedCam"u8) < 0, "EXIF text readable on disk");
        }
        Assert.NotEqual(a, b); // same image, two tenants, two keys
    }
}
