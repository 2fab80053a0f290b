using System.IO.Compression;
using System.Net;
using System.Net.Http.Json;
using ImageVault.Contracts;
using ImageVault.Testing;

namespace ImageVault.Api.Tests.Security;

/// <summary>ZIP import and export: entry names never become paths (ZIP-slip), bombs are refused, exports have clean unique names.</summary>
public class ArchiveTests(SecurityWorld world) : IClassFixture<SecurityWorld>
{
    [Fact]
    public async Task Importing_a_zip_with_traversal_names_stores_plain_file_names_and_writes_nowhere()
    {
        var tag = Guid.NewGuid().ToString("N")[..8];
        var zip = Zip(
            ($"../../../../../../tmp/iv-zipslip-{tag}.jpg", TestImages.UniqueJpeg(98_001)),
            ($"..\\..\\..\\evil-{tag}.jpg", TestImages.UniqueJpeg(98_002)),
            ($"/etc/abs-{tag}.jpg", TestImages.UniqueJpeg(98_003)),
            ("folder/", []),
            ("notes.txt", "just text"u8.ToArray()),
            ("bomb.jpg", new byte[4_000_000]));
        var admin = world.App.CreateClientWithToken(world.Acme.AdminToken);
        var response = await admin.PostAsync("/api/v1/imports/zip", new ByteArrayContent(zip));
        var raw = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, raw);
        var items = (await response.Content.ReadFromJsonAsync<UploadResponseDto>(ImageVaultApp.Json))!.Items;

        Assert.Equal([$"iv-zipslip-{tag}.jpg", $"evil-{tag}.jpg", $"abs-{tag}.jpg"], items.Where(i => i.Outcome == "created").Select(i => i.FileName));
        Assert.Contains(items, i => i.FileName == "notes.txt" && i.ErrorCode == ErrorCodes.UnsupportedFormat);
        Assert.Contains(items, i => i.FileName == "bomb.jpg" && i.Outcome == "refused");
        Assert.False(File.Exists($"/tmp/iv-zipslip-{tag}.jpg"));
        Assert.Empty(Directory.EnumerateFiles("/tmp", $"*{tag}*", SearchOption.TopDirectoryOnly));
        Assert.Empty(Directory.EnumerateFiles(world.App.DataPath, $"*{tag}*", SearchOption.AllDirectories));

        var notZip = await admin.PostAsync("/api/v1/imports/zip", new ByteArrayContent("PK but not really"u8.ToArray()));
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, notZip.StatusCode);
    }

    [Fact]
    public async Task An_album_exports_as_a_zip_of_originals_and_sidecars_with_safe_unique_names()
    {
        var admin = world.App.CreateClientWithToken(world.Acme.AdminToken);
        var album = (await (await admin.PostAsJsonAsync("/api/v1/albums", new NewAlbumDto("export", null, null))).Content.ReadFromJsonAsync<AlbumDto>(ImageVaultApp.Json))!;
        var first = TestImages.UniqueJpeg(98_101);
        var ids = new List<string>
        {
            await TenantSetup.UploadAsync(admin, first, "../../same.jpg"),
            await TenantSetup.UploadAsync(admin, TestImages.UniqueJpeg(98_102), "same.jpg"),
            await TenantSetup.UploadAsync(admin, TestImages.UniqueJpeg(98_103), "..\\.hidden.jpg"),
        };
        foreach (var id in ids) await world.App.WaitProcessedAsync(id, asTenantAdmin: admin);
        (await admin.PostAsJsonAsync($"/api/v1/albums/{album.Id}/images", new AlbumMembershipDto(ids, null))).EnsureSuccessStatusCode();

        var response = await admin.GetAsync($"/api/v1/albums/{album.Id}/export.zip");
        Assert.Equal("application/zip", response.Content.Headers.ContentType!.MediaType);
        await using var zip = new ZipArchive(new MemoryStream(await response.Content.ReadAsByteArrayAsync()));
        var names = zip.Entries.Select(e => e.FullName).ToList();
        Assert.Equal(6, names.Count);
        Assert.All(names, n => Assert.True(!n.Contains("..") && !n.Contains('/') && !n.Contains('\\') && !n.StartsWith('.'), n));
        Assert.Equal(names.Count, names.Distinct(StringComparer.OrdinalIgnoreCase).Count());
        Assert.Contains("same.jpg", names);
        Assert.Contains("same (2).jpg", names);
        var sidecars = zip.Entries.Where(e => e.FullName.EndsWith(".json", StringComparison.Ordinal)).ToList();
        Assert.Equal(3, sidecars.Count);
        var exportedIds = sidecars.Select(e => System.Text.Json.JsonSerializer.Deserialize<ImageDto>(e.Open(), ImageVaultApp.Json)!.Id).ToHashSet();
        Assert.True(exportedIds.SetEquals(ids));
        var originals = zip.Entries.Where(e => !e.FullName.EndsWith(".json", StringComparison.Ordinal)).Select(e => { using var m = new MemoryStream(); e.Open().CopyTo(m); return m.ToArray(); });
        Assert.Contains(originals, bytes => bytes.SequenceEqual(first));
    }

    private static byte[] Zip(params (string Name, byte[] Bytes)[] entries)
    {
        var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
            foreach (var (name, bytes) in entries)
            {
                using var s = zip.CreateEntry(name, CompressionLevel.Optimal).Open();
                s.Write(bytes);
            }
        return buffer.ToArray();
    }
}
