using System.Net;
using System.Net.Http.Json;
using ImageVault.Contracts;
using ImageVault.Grains.Ports;
using ImageVault.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace ImageVault.Api.Tests.Security;

/// <summary>Deleting a tenant removes everything it had, leaves its neighbour alone; the audit log records it all and keeps no secret.</summary>
public class TenantLifecycleTests(SecurityWorld world) : IClassFixture<SecurityWorld>
{
    private ImageVaultApp App => world.App;

    [Fact]
    public async Task Deleting_a_tenant_leaves_no_blob_grain_or_index_entry_and_spares_the_other()
    {
        var op = App.CreateOperatorClient();
        (await op.PostAsJsonAsync("/api/v1/system/tenants", new NewTenantDto("doomed", "Doomed", null, "boss", SecurityWorld.Password))).EnsureSuccessStatusCode();
        var token = await App.SignInAsync("doomed", "boss", SecurityWorld.Password);
        var admin = App.CreateClientWithToken(token);
        var key = await TenantSetup.CreateKeyAsync(admin, "read");
        var images = new List<string>();
        for (var i = 0; i < 3; i++) images.Add(await TenantSetup.UploadAsync(admin, TestImages.UniqueJpeg(95_000 + i), $"d{i}.jpg"));
        foreach (var id in images) await App.WaitProcessedAsync(id, asTenantAdmin: admin);
        var album = (await (await admin.PostAsJsonAsync("/api/v1/albums", new NewAlbumDto("gone", null, null))).Content.ReadFromJsonAsync<AlbumDto>(ImageVaultApp.Json))!;
        await admin.PostAsJsonAsync($"/api/v1/albums/{album.Id}/images", new AlbumMembershipDto(images, null));
        await admin.DeleteAsync($"/api/v1/images/{images[0]}"); // one in the trash too
        await TenantSetup.CreateShareAsync(admin, new NewShareLinkDto(null, album.Id, null, null, null, null));

        var blobs = App.Services.GetRequiredService<IBlobStore>();
        var rows = App.Services.GetRequiredService<ITenantStateStore>();
        var index = App.Services.GetRequiredService<IImageSearchIndex>();
        Assert.NotEmpty(await blobs.ListAsync("t/doomed/").ToListAsync());
        var acmeRowsBefore = await rows.CountTenantRowsAsync("acme");

        Assert.Equal(HttpStatusCode.Accepted, (await op.DeleteAsync("/api/v1/system/tenants/doomed")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await admin.GetAsync("/api/v1/search")).StatusCode); // at once, before the data is gone
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while ((await op.GetAsync("/api/v1/system/tenants/doomed")).StatusCode != HttpStatusCode.NotFound)
        {
            Assert.True(DateTime.UtcNow < deadline, "the erasure did not finish");
            await Task.Delay(100);
        }

        Assert.Empty(await blobs.ListAsync("t/doomed/").ToListAsync());
        Assert.Equal(0, await rows.CountTenantRowsAsync("doomed"));
        Assert.Equal(0, (await index.SearchAsync("doomed", new ImageSearchQuery { Limit = 1 })).Total);
        Assert.Equal(0, (await index.SearchAsync("doomed", new ImageSearchQuery { Limit = 1, Trashed = true })).Total);
        Assert.Equal(HttpStatusCode.Unauthorized, (await App.CreateClientWithToken(key.Secret!).GetAsync("/api/v1/search")).StatusCode);
        Assert.DoesNotContain("doomed", await op.GetStringAsync("/api/v1/system/tenants"));

        Assert.Equal(acmeRowsBefore, await rows.CountTenantRowsAsync("acme"));
        Assert.Equal(HttpStatusCode.OK, (await App.CreateClientWithToken(world.Acme.AdminToken).GetAsync($"/api/v1/images/{world.Acme.ImageId}/original")).StatusCode);
        var audit = await op.GetFromJsonAsync<AuditPageDto>("/api/v1/system/audit", ImageVaultApp.Json);
        Assert.Contains(audit!.Items, e => e.Action == "DELETE /api/v1/system/tenants/{tenant}" && e.Target == "tenant=doomed" && e.Actor == "operator");
    }

    [Fact]
    public async Task The_audit_log_records_who_did_what_from_where_and_never_a_secret()
    {
        var editor = App.CreateClientWithToken(world.Acme.EditorToken);
        await editor.PostAsJsonAsync($"/api/v1/images/{world.Acme.ImageId}/tags", new TagChangeDto(["audited"], null));
        var key = await TenantSetup.CreateKeyAsync(editor, "read");
        await App.CreateAnonymousClient().PostAsJsonAsync("/api/v1/auth/sign-in", new SignInDto("acme", "ed", "a-wrong-password-1"));

        var admin = App.CreateClientWithToken(world.Acme.AdminToken);
        var page = (await admin.GetFromJsonAsync<AuditPageDto>("/api/v1/tenant/audit?limit=1000", ImageVaultApp.Json))!;
        var tag = Assert.Single(page.Items, e => e.Action == "POST /api/v1/images/{id}/tags" && e.Target == $"id={world.Acme.ImageId}" && e.Actor == $"user:{world.Acme.EditorUserId}");
        Assert.Equal(200, tag.Status);
        // The address is asserted on real Kestrel (HardeningTests): the in-memory server has no remote address.
        Assert.Contains(page.Items, e => e.Action == "POST /api/v1/auth/sign-in" && e.Actor == "sign-in:ed" && e.Status == 401);
        Assert.Contains(page.Items, e => e.Action == "POST /api/v1/me/keys" && e.Status == 201);

        var everything = await admin.GetStringAsync("/api/v1/tenant/audit?limit=1000") + await App.CreateOperatorClient().GetStringAsync("/api/v1/system/audit?limit=1000");
        foreach (var secret in new[] { SecurityWorld.Password, "a-wrong-password-1", key.Secret!, world.Acme.EditorToken, world.Acme.ShareToken, ImageVaultApp.OperatorToken })
            Assert.DoesNotContain(secret, everything);
        // Another tenant's admin sees none of it.
        Assert.DoesNotContain(world.Acme.ImageId, await App.CreateClientWithToken(world.Globex.AdminToken).GetStringAsync("/api/v1/tenant/audit?action=POST"));
    }

    [Fact]
    public async Task The_audit_table_refuses_updates_and_deletes()
    {
        await using var conn = new SqliteConnection($"Data Source={Path.Combine(App.DataPath, "state", "audit.db")}");
        await conn.OpenAsync();
        foreach (var sql in new[] { "UPDATE audit SET actor = 'someone else'", "DELETE FROM audit" })
        {
            await using var cmd = conn.CreateCommand();
            cmd.CommandText = sql;
            var e = await Assert.ThrowsAsync<SqliteException>(() => cmd.ExecuteNonQueryAsync());
            Assert.Contains("append-only", e.Message);
        }
    }
}
