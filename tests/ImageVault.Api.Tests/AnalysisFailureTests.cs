using System.Net.Http.Json;
using ImageVault.Contracts;
using ImageVault.Testing;

namespace ImageVault.Api.Tests;

/// <summary>Uploads never depend on the models: with a model folder that fails its checks, images still become ready.</summary>
public class AnalysisFailureTests
{
    [Fact]
    public async Task Without_usable_models_images_are_ready_and_analysis_ends_as_failed()
    {
        var emptyModels = TempFolder.Create("iv-no-models"); // every model file "missing": refused at load
        await using var app = new ImageVaultApp(settings: new Dictionary<string, string?> { ["ImageVault:Analysis:ModelDirectory"] = emptyModels });
        var id = await app.UploadNewAsync(TestImages.Scene(99), "no-models.jpg");
        var image = await app.WaitProcessedAsync(id, TimeSpan.FromSeconds(90)); // three tries with back-off, then it ends
        Assert.Equal("ready", image.Status.Stage);
        Assert.Equal("failed", image.Analysis?.Status);
        Assert.True((await app.CreateClient().GetAsync(image.Links.Thumbnails["small"])).IsSuccessStatusCode);
        var found = await app.CreateClient().GetFromJsonAsync<SearchResponseDto>("/api/v1/search?q=no-models", ImageVaultApp.Json);
        Assert.Equal([id], found!.Items.Select(i => i.Id));
    }
}
