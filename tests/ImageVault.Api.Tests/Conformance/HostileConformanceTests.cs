using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using ImageVault.Contracts;
using ImageVault.Testing;
using Xunit.Abstractions;

namespace ImageVault.Api.Tests.Conformance;

/// <summary>
/// Pushes every file of the hostile corpus through the upload API of a real embedded silo. Each must
/// answer 201/200 or a 4xx with a stable code within its time budget, every accepted file's pipeline
/// must end (ready or failed) within its budget, the process must live, and an image stored before
/// the run must be intact after it. Writes docs/hostile-conformance.md.
/// </summary>
public class HostileConformanceTests(ITestOutputHelper output)
{
    private static readonly TimeSpan UploadBudget = TimeSpan.FromSeconds(20);
    private static readonly TimeSpan ProcessingBudget = TimeSpan.FromSeconds(10);

    private sealed record Outcome(string File, string Category, int Status, string? Code, string? Stage, string? StageError, long Ms, string? Analysis = null);

    [Fact]
    public async Task Every_hostile_file_is_accepted_or_refused_cleanly_and_the_silo_survives()
    {
        var manifest = Csv.ReadFile(Corpus.Path("hostile", "manifest.csv"));
        await using var app = BudgetedApp();
        var client = app.CreateClient();
        client.Timeout = UploadBudget;
        var sentinelBytes = TestImages.UniqueJpeg(31_337);
        var sentinel = await app.UploadNewAsync(sentinelBytes, "sentinel.jpg");

        var outcomes = new List<Outcome>();
        foreach (var row in manifest)
        {
            var path = Corpus.Path("hostile", row["file"]);
            var watch = Stopwatch.StartNew();
            using var part = new ByteArrayContent(await File.ReadAllBytesAsync(path));
            part.Headers.ContentDisposition = new ContentDispositionHeaderValue("form-data") { Name = "\"file\"", FileNameStar = Path.GetFileName(path) };
            using var form = new MultipartFormDataContent { part };
            var response = await client.PostAsync("/api/v1/images", form);
            var body = await response.Content.ReadFromJsonAsync<JsonElement>();
            var item = body.TryGetProperty("items", out var items) && items.GetArrayLength() > 0 ? items[0] : default;
            var code = body.TryGetProperty("code", out var c) ? c.GetString() : null;
            var id = item.ValueKind == JsonValueKind.Object && item.TryGetProperty("id", out var i) ? i.GetString() : null;
            outcomes.Add(new Outcome(row["file"], row["category"], (int)response.StatusCode, code, id, null, watch.ElapsedMilliseconds));
        }

        // Every accepted file's pipeline must end; the pool works through them in parallel.
        for (var n = 0; n < outcomes.Count; n++)
        {
            if (outcomes[n].Stage is not { } id) continue;
            var image = await app.WaitProcessedAsync(id, ProcessingBudget * 3 + TimeSpan.FromSeconds(30));
            outcomes[n] = outcomes[n] with { Stage = image.Status.Stage, StageError = image.Status.ErrorCode, Analysis = image.Analysis?.Status };
        }

        Assert.Equal("ok", await client.GetStringAsync("/healthz"));
        var kept = await client.GetFromJsonAsync<ImageDto>($"/api/v1/images/{sentinel}", ImageVaultApp.Json);
        Assert.Equal("ready", kept!.Status.Stage);
        Assert.Equal(sentinelBytes, await client.GetByteArrayAsync($"/api/v1/images/{sentinel}/original"));

        var report = HostileReport.Write(outcomes.Select(o => (o.File, o.Category, o.Status, o.Code, o.Stage, o.StageError, o.Ms)).ToList());
        output.WriteLine(report[..Math.Min(4000, report.Length)]);
        Assert.True(outcomes.Count > 400, $"only {outcomes.Count} hostile files found: is the corpus complete?");
        Assert.All(outcomes, o => Assert.True(o.Status is 200 or 201 or (>= 400 and < 500), $"{o.File}: HTTP {o.Status}"));
        Assert.All(outcomes.Where(o => o.Status >= 400), o => Assert.False(string.IsNullOrEmpty(o.Code), $"{o.File}: 4xx without a code"));
        Assert.All(outcomes.Where(o => o.Status < 400), o => Assert.True(o.Stage is "ready" or "failed", $"{o.File}: stage {o.Stage}"));
        // Whatever ingest accepted, analysis finished too: analysed or failed with a code, never left pending.
        Assert.All(outcomes.Where(o => o.Stage == "ready"), o => Assert.True(o.Analysis is "done" or "failed", $"{o.File}: analysis {o.Analysis}"));
        Assert.All(outcomes, o => Assert.True(o.Ms < UploadBudget.TotalMilliseconds, $"{o.File}: {o.Ms} ms"));
    }

    /// <summary>A silo with the decode budgets the hostile files are judged against.</summary>
    private static ImageVaultApp BudgetedApp() => new(settings: new Dictionary<string, string?>
    {
        ["ImageVault:Limits:ProcessingTimeout"] = ProcessingBudget.ToString(),
        ["ImageVault:Limits:WorkerMemoryMiB"] = "1024",
    });

    [Fact]
    public async Task Hostile_files_as_search_examples_are_answered_cleanly()
    {
        var manifest = Csv.ReadFile(Corpus.Path("hostile", "manifest.csv"));
        await using var app = BudgetedApp();
        var client = app.CreateClient();
        client.Timeout = UploadBudget;
        var failures = new List<string>();
        var answered = 0;
        foreach (var row in manifest.Where((_, n) => n % 4 == 0)) // a quarter of the corpus: every category is spread through it
        {
            using var body = new ByteArrayContent(await File.ReadAllBytesAsync(Corpus.Path("hostile", row["file"])));
            var response = await client.PostAsync("/api/v1/search/similar", body);
            var text = await response.Content.ReadAsStringAsync();
            answered++;
            if (response.IsSuccessStatusCode) continue;
            if ((int)response.StatusCode is < 400 or >= 500 || !text.Contains("\"code\"", StringComparison.Ordinal))
                failures.Add($"{row["file"]}: HTTP {(int)response.StatusCode} {text[..Math.Min(200, text.Length)]}");
        }
        Assert.True(answered > 100, $"only {answered} hostile files tried");
        Assert.Empty(failures);
        Assert.Equal("ok", await client.GetStringAsync("/healthz"));
    }
}
