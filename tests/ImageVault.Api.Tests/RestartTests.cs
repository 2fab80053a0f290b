using System.Net.Http.Json;
using ImageVault.Contracts;
using ImageVault.Testing;

namespace ImageVault.Api.Tests;

public class RestartTests
{
    [Fact]
    public async Task Everything_survives_a_restart_and_the_index_rebuilds_from_grain_state()
    {
        string id, dataPath;
        await using (var app = new ImageVaultApp())
        {
            dataPath = app.DataPath;
            id = await app.UploadNewAsync(TestImages.UniqueJpeg(4242), "kept-across-restart.jpg");
            await app.WaitProcessedAsync(id);
            await app.CreateClient().PostAsJsonAsync($"/api/v1/images/{id}/tags", new TagChangeDto(["persisted"], null));
        }

        await using (var app = new ImageVaultApp(dataPath))
        {
            var client = app.CreateClient();
            var image = await client.GetFromJsonAsync<ImageDto>($"/api/v1/images/{id}", ImageVaultApp.Json);
            Assert.Equal(["persisted"], image!.Tags.Where(t => t.Source == "user").Select(t => t.Name));
            Assert.Equal("done", image.Analysis?.Status); // analysis results are grain state too
            Assert.Equal("ready", image.Status.Stage);
            var found = await client.GetFromJsonAsync<SearchResponseDto>("/api/v1/search?tag=persisted", ImageVaultApp.Json);
            Assert.Equal([id], found!.Items.Select(i => i.Id));
            Assert.True((await client.GetAsync(image.Links.Thumbnails["small"])).IsSuccessStatusCode);
        }

        Directory.Delete(Path.Combine(dataPath, "index"), recursive: true); // the index is derived data
        await using (var app = new ImageVaultApp(dataPath))
        {
            var client = app.CreateClient();
            Assert.Empty((await client.GetFromJsonAsync<SearchResponseDto>("/api/v1/search?tag=persisted", ImageVaultApp.Json))!.Items);
            var reindex = await (await app.CreateOperatorClient().PostAsync("/api/v1/admin/reindex", null)).Content.ReadFromJsonAsync<ReindexResultDto>(ImageVaultApp.Json);
            Assert.Equal((1, 0), (reindex!.Indexed, reindex.Failed));
            Assert.Equal([id], (await client.GetFromJsonAsync<SearchResponseDto>("/api/v1/search?tag=persisted", ImageVaultApp.Json))!.Items.Select(i => i.Id));
        }
    }

    [Fact]
    public async Task Analysis_interrupted_by_a_stop_finishes_after_the_restart()
    {
        var dataPath = TempFolder.Create("iv-restart-analysis");
        string[] ids;
        await using (var app = new ImageVaultApp(dataPath))
        {
            // Stopped right after the uploads are acknowledged, so ingest or analysis is usually cut off midway
            // (OCR alone takes longer than the stop); whatever was pending must finish after the restart.
            ids = [await app.UploadNewAsync(TestImages.TextPng("LIBRARY\n图书馆"), "library.png"), await app.UploadNewAsync(TestImages.Scene(81), "scene.jpg")];
        }
        await using (var app = new ImageVaultApp(dataPath))
        {
            foreach (var id in ids)
            {
                var image = await app.WaitProcessedAsync(id, TimeSpan.FromSeconds(90)); // the sweepers re-drive what was pending
                Assert.Equal(("ready", "done"), (image.Status.Stage, image.Analysis?.Status));
            }
            var found = await app.CreateClient().GetFromJsonAsync<SearchResponseDto>($"/api/v1/search?q={Uri.EscapeDataString("图书馆")}", ImageVaultApp.Json);
            Assert.Equal([ids[0]], found!.Items.Select(i => i.Id));
        }
    }

    [Fact]
    public async Task Health_and_readiness_answer()
    {
        await using var app = new ImageVaultApp();
        var client = app.CreateClient();
        Assert.Equal("ok", await client.GetStringAsync("/healthz"));
        Assert.Equal("ready", await client.GetStringAsync("/readyz"));
        await app.UploadNewAsync(TestImages.UniqueJpeg(5150), "metric.jpg");
        var metrics = await app.CreateOperatorClient().GetStringAsync("/metrics");
        Assert.Contains("http_server_request_duration", metrics);
        Assert.Contains("imagevault_uploads", metrics);
    }
}
