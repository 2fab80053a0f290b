using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using ImageVault.Contracts;
using ImageVault.Testing;

namespace ImageVault.Api.Tests;

/// <summary>The HTTP API on the cluster profile: state in PostgreSQL, blobs in S3 (Ceph RGW), search in OpenSearch; all real.</summary>
public class ClusterProfileTests : IAsyncLifetime
{
    private readonly PostgresDatabase _db = new();
    private readonly string _index = $"iv-cluster-{Guid.NewGuid():N}";
    public Task InitializeAsync() => _db.InitializeAsync();
    public Task DisposeAsync() => _db.DisposeAsync();

    private ImageVaultApp App(string dataPath, string bucket)
    {
        var s3 = S3TestServer.Options(bucket);
        return new ImageVaultApp(dataPath, new Dictionary<string, string?>
        {
            ["ImageVault:Profile"] = "Cluster",
            ["ImageVault:Cluster:PostgresConnectionString"] = _db.ConnectionString,
            ["ImageVault:Cluster:SiloPort"] = ImageVaultApp.FreePort().ToString(),
            ["ImageVault:Cluster:GatewayPort"] = ImageVaultApp.FreePort().ToString(),
            ["ImageVault:S3:Endpoint"] = s3.Endpoint,
            ["ImageVault:S3:AccessKey"] = s3.AccessKey,
            ["ImageVault:S3:SecretKey"] = s3.SecretKey,
            ["ImageVault:S3:Bucket"] = s3.Bucket,
            ["ImageVault:OpenSearch:Endpoint"] = Environment.GetEnvironmentVariable("IMAGEVAULT_TEST_OPENSEARCH")
                ?? throw new InvalidOperationException("IMAGEVAULT_TEST_OPENSEARCH is not set: start OpenSearch with deploy/ci/opensearch.sh"),
            ["ImageVault:OpenSearch:Index"] = _index,
        });
    }

    [Fact]
    public async Task Upload_serve_restart_and_reindex_on_postgres_and_s3()
    {
        var dataPath = TempFolder.Create("iv-cluster-app");
        var bucket = $"iv-cluster-{Guid.NewGuid():N}"[..30];
        var bytes = TestImages.UniqueJpeg(8080, new ExifBuilder { Make = "ClusterCam" }, 1600, 1200);
        string id;
        await using (var app = App(dataPath, bucket))
        {
            id = await app.UploadNewAsync(bytes, "cluster.jpg");
            var image = await app.WaitProcessedAsync(id);
            Assert.Equal(("ready", "ClusterCam"), (image.Status.Stage, image.Metadata?.Make));
            var client = app.CreateClient();
            Assert.True((await client.GetAsync(image.Links.Thumbnails["large"])).IsSuccessStatusCode);

            using var ranged = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/images/{id}/original");
            ranged.Headers.Range = new RangeHeaderValue(100, 199);
            var partial = await client.SendAsync(ranged);
            Assert.Equal(HttpStatusCode.PartialContent, partial.StatusCode);
            Assert.Equal(bytes[100..200], await partial.Content.ReadAsByteArrayAsync());
            Assert.Equal(UploadOutcomes.Duplicate, (await app.UploadAsync(bytes, "again.jpg")).Body!.Items[0].Outcome);
        }
        Assert.True(await _db.ScalarAsync<int>("SELECT count(*) FROM OrleansStorage WHERE GrainTypeString = 'image'") == 1);

        Directory.Delete(dataPath, recursive: true); // nothing local matters: state in PostgreSQL, bytes in S3, index in OpenSearch
        await using (var app = App(TempFolder.Create("iv-cluster-app2"), bucket))
        {
            var client = app.CreateClient();
            var image = await client.GetFromJsonAsync<ImageDto>($"/api/v1/images/{id}", ImageVaultApp.Json);
            Assert.Equal("ClusterCam", image!.Metadata?.Make);
            Assert.Equal(bytes, await client.GetByteArrayAsync($"/api/v1/images/{id}/original"));
            var reindex = await (await app.CreateOperatorClient().PostAsync("/api/v1/admin/reindex", null)).Content.ReadFromJsonAsync<ReindexResultDto>(ImageVaultApp.Json);
            Assert.Equal(1, reindex!.Indexed);
            var found = await client.GetFromJsonAsync<SearchResponseDto>("/api/v1/search?q=clustercam", ImageVaultApp.Json);
            Assert.Equal([id], found!.Items.Select(i => i.Id));
        }
    }

    [Fact]
    public async Task Similar_images_and_text_search_work_on_opensearch_with_artefacts_in_s3()
    {
        var bucket = $"iv-cluster-{Guid.NewGuid():N}"[..30];
        await using var app = App(TempFolder.Create("iv-cluster-ai"), bucket);
        var scene = TestImages.Scene(91, 480, 360);
        var ids = new[]
        {
            await app.UploadNewAsync(scene, "quay.jpg"),
            await app.UploadNewAsync(TestImages.Variant(scene, 0.5, quality: 50), "quay-small.jpg"),
            await app.UploadNewAsync(TestImages.Scene(92, 480, 360), "meadow.jpg"),
            await app.UploadNewAsync(TestImages.TextPng("PHARMACY\n药店"), "sign.png"),
        };
        foreach (var id in ids) Assert.Equal("done", (await app.WaitProcessedAsync(id, TimeSpan.FromSeconds(120))).Analysis?.Status);
        var client = app.CreateClient();

        var similar = await client.GetFromJsonAsync<SimilarResponseDto>($"/api/v1/images/{ids[0]}/similar?limit=3", ImageVaultApp.Json);
        Assert.Equal(ids[1], similar!.Items[0].Image.Id);
        Assert.True(similar.Items[0].Similarity > similar.Items[1].Similarity);
        var found = await client.GetFromJsonAsync<SearchResponseDto>($"/api/v1/search?q={Uri.EscapeDataString("药店")}", ImageVaultApp.Json);
        Assert.Equal([ids[3]], found!.Items.Select(i => i.Id));
        var text = await client.GetFromJsonAsync<ImageTextDto>($"/api/v1/images/{ids[3]}/text", ImageVaultApp.Json);
        Assert.Contains("PHARMACY", text!.Text);
        var duplicates = await client.GetFromJsonAsync<DuplicateGroupsDto>("/api/v1/duplicates", ImageVaultApp.Json);
        Assert.Equal(ids[..2].Order(StringComparer.Ordinal), Assert.Single(duplicates!.Groups).ImageIds);
    }
}
