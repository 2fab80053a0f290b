using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.Http.Json;
using System.Security.Cryptography;
using ImageVault.Contracts;
using ImageVault.Testing;
using Xunit.Abstractions;

namespace ImageVault.Api.Tests.Cluster;

/// <summary>
/// Two silo processes on PostgreSQL + Ceph RGW + OpenSearch. A stream of uploads and tag edits goes to
/// both; one silo is killed with SIGKILL in the middle. Proves: every acknowledged upload and edit
/// survives, failed requests are retried safely with the same Idempotency-Key, the grains are back
/// within 20 s, and the pipeline finishes the images that were mid-analysis on the dead silo.
/// </summary>
public class FailoverTests(ClusterHarness cluster, ITestOutputHelper output) : IClassFixture<ClusterHarness>
{
    private const int Uploads = 40, KillAfter = 16;
    private readonly string _word = $"fo{Guid.NewGuid():N}"[..10];

    private sealed record Upload(string Key, byte[] Bytes, string Name);

    private readonly ConcurrentBag<int> _failureStatuses = [];

    [Fact]
    public async Task Killing_a_silo_loses_no_acknowledged_write()
    {
        var a = await cluster.StartSiloAsync();
        var b = await cluster.StartSiloAsync();
        Assert.Equal(2, await cluster.Database.ScalarAsync<int>("SELECT count(*) FROM OrleansMembershipTable WHERE Status = 3"));

        var images = new ConcurrentDictionary<string, Upload>();      // acknowledged: id → what was sent
        var tags = new ConcurrentBag<(string Id, string Tag)>();       // acknowledged tag edits
        var retry = new List<Upload>();
        var killedAt = Stopwatch.StartNew();
        var bAlive = true;
        Task<TimeSpan>? recoveryProbe = null;
        for (var i = 0; i < Uploads; i++)
        {
            if (i == KillAfter)
            {
                b.Kill();
                (bAlive, recoveryProbe) = (false, ProbeRecoveryAsync(a, images.Keys.ToArray(), killedAt));
                killedAt.Restart();
            }
            var silo = i % 2 == 0 || !bAlive ? a : b;
            var upload = new Upload(Guid.NewGuid().ToString(), TestImages.UniqueJpeg(70_000 + i, width: 800, height: 600), $"{_word}-{i}.jpg");
            var started = Stopwatch.StartNew();
            var id = await TryUploadAsync(silo, upload);
            if (i >= KillAfter) output.WriteLine($"upload {i} after the kill: {(id is null ? "failed" : "acknowledged")} in {started.ElapsedMilliseconds} ms");
            if (id is null) { retry.Add(upload); continue; }
            images[id] = upload;
            var tag = $"tag{i}";
            if (await TryTagAsync(silo, images.Keys.ElementAt(i % images.Count), tag) is { } tagged) tags.Add(tagged);
        }

        // Grains that lived on the dead silo come back on the survivor (measured alongside the workload).
        var recovery = await recoveryProbe!;
        Assert.True(recovery < TimeSpan.FromSeconds(20), $"grains back only {recovery.TotalSeconds:F1} s after the kill");

        // Unacknowledged uploads are retried with their Idempotency-Key: stored once, whatever happened first.
        foreach (var upload in retry)
            images[await RetryUploadAsync(a, upload)] = upload;

        foreach (var (id, upload) in images)
            Assert.Equal(SHA256.HashData(upload.Bytes), SHA256.HashData(await a.Http.GetByteArrayAsync($"/api/v1/images/{id}/original")));
        foreach (var (id, tag) in tags)
            Assert.Contains((await a.Http.GetFromJsonAsync<ImageDto>($"/api/v1/images/{id}", ImageVaultApp.Json))!.Tags, t => t.Name == tag);

        // The sweepers (not this test touching images) finish what was mid-analysis on the dead silo.
        await WaitPipelineDrainedAsync(a, TimeSpan.FromSeconds(90));
        // Earlier runs saw the backlog drain while an image was still unfinished (an activation that read
        // storage before a registration on the dying silo committed let go of it). Sweepers now keep a missing
        // image for a grace period; count stragglers so the runs say whether that closed the gap.
        var stragglers = 0;
        foreach (var id in images.Keys)
            if ((await a.Http.GetFromJsonAsync<ImageDto>($"/api/v1/images/{id}", ImageVaultApp.Json))!.Status.Stage != "ready") stragglers++;
        foreach (var id in images.Keys)
        {
            var deadline = DateTime.UtcNow.AddSeconds(60);
            while ((await a.Http.GetFromJsonAsync<ImageDto>($"/api/v1/images/{id}", ImageVaultApp.Json))!.Status.Stage != "ready")
            {
                Assert.True(DateTime.UtcNow < deadline, $"image {id} never finished its pipeline after the kill");
                await Task.Delay(250);
            }
        }
        var pipelineDone = killedAt.Elapsed;
        var found = await a.Http.GetFromJsonAsync<SearchResponseDto>($"/api/v1/search?q={_word}&limit=500", ImageVaultApp.Json);
        Assert.Equal(images.Keys.Order(), found!.Items.Select(h => h.Id).Order());
        Assert.Equal(images.Count, await cluster.Database.ScalarAsync<int>("SELECT count(*) FROM OrleansStorage WHERE GrainTypeString = 'image'"));

        Assert.All(_failureStatuses, status => Assert.Equal(503, status)); // transient, retryable; never a 500
        output.WriteLine($"failover: {images.Count} images acknowledged ({retry.Count} after an idempotent retry), {tags.Count} tag edits; " +
                         $"grains back {recovery.TotalSeconds:F1} s after SIGKILL; every image ready {pipelineDone.TotalSeconds:F1} s after it; " +
                         $"unfinished when the backlog drained: {stragglers}; writes lost: 0");
    }

    private async Task<string?> TryUploadAsync(SiloProcess silo, Upload upload)
    {
        try
        {
            using var form = new MultipartFormDataContent { { new ByteArrayContent(upload.Bytes), "file", upload.Name } };
            using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/images") { Content = form };
            request.Headers.Add("Idempotency-Key", upload.Key);
            using var response = await silo.Http.SendAsync(request);
            if (!response.IsSuccessStatusCode)
            {
                _failureStatuses.Add((int)response.StatusCode); // not an acknowledgement: retried later
                return null;
            }
            return (await response.Content.ReadFromJsonAsync<UploadResponseDto>(ImageVaultApp.Json))!.Items[0].Id;
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException) { return null; }
    }

    private static async Task<(string, string)?> TryTagAsync(SiloProcess silo, string id, string tag)
    {
        try
        {
            using var response = await silo.Http.PostAsJsonAsync($"/api/v1/images/{id}/tags", new TagChangeDto([tag], null));
            return response.IsSuccessStatusCode ? (id, tag) : null;
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException) { return null; }
    }

    /// <summary>From the kill on, reads every image acknowledged before it until all answer: the time that took.</summary>
    private static async Task<TimeSpan> ProbeRecoveryAsync(SiloProcess silo, string[] ids, Stopwatch sinceKill)
    {
        while (sinceKill.Elapsed < TimeSpan.FromSeconds(60))
        {
            var all = await Task.WhenAll(ids.Select(id => OkAsync(silo, $"/api/v1/images/{id}")));
            if (all.All(ok => ok)) return sinceKill.Elapsed;
            await Task.Delay(250);
        }
        return sinceKill.Elapsed;
    }

    private static async Task<bool> OkAsync(SiloProcess silo, string path)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(2));
        try { return (await silo.Http.GetAsync(path, timeout.Token)).IsSuccessStatusCode; }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException) { return false; }
    }

    /// <summary>A client honouring Retry-After: the same Idempotency-Key until the service answers.</summary>
    private async Task<string> RetryUploadAsync(SiloProcess silo, Upload upload)
    {
        for (var attempt = 0; attempt < 10; attempt++)
        {
            if (await TryUploadAsync(silo, upload) is { } id) return id;
            await Task.Delay(TimeSpan.FromSeconds(1));
        }
        throw new Xunit.Sdk.XunitException($"retries of {upload.Name} kept failing");
    }

    private static async Task WaitPipelineDrainedAsync(SiloProcess silo, TimeSpan timeout)
    {
        var watch = Stopwatch.StartNew();
        while (true)
        {
            var pipeline = await silo.Http.GetFromJsonAsync<System.Text.Json.JsonElement>("/api/v1/admin/pipeline");
            if (pipeline.GetProperty("pending").GetInt32() == 0) return;
            Assert.True(watch.Elapsed < timeout, $"pipeline still pending after the kill: {pipeline}");
            await Task.Delay(250);
        }
    }
}
