using System.Collections.Concurrent;
using System.Net.Http.Json;
using ImageVault.Contracts;
using ImageVault.Testing;
using Xunit.Abstractions;

namespace ImageVault.Api.Tests.Cluster;

/// <summary>
/// A rolling restart under load: each silo in turn leaves the load balancer's rotation, gets SIGTERM,
/// exits gracefully and is replaced. Every answer from a silo in rotation must be a success (no 5xx),
/// and every acknowledged write must be there afterwards.
/// </summary>
public class RollingRestartTests(ClusterHarness cluster, ITestOutputHelper output) : IClassFixture<ClusterHarness>
{
    [Fact]
    public async Task Restarting_silos_one_at_a_time_answers_no_5xx_and_loses_nothing()
    {
        var rotation = new ConcurrentDictionary<SiloProcess, bool>();
        foreach (var silo in new[] { await cluster.StartSiloAsync(), await cluster.StartSiloAsync() }) rotation[silo] = true;
        var acknowledged = new ConcurrentBag<string>();
        var failures = new ConcurrentBag<string>();
        var requests = 0;
        using var stop = new CancellationTokenSource();

        var load = Task.Run(async () =>
        {
            for (var i = 0; !stop.IsCancellationRequested; i++)
            {
                var live = rotation.Keys.ToArray();
                if (live.Length == 0) { await Task.Delay(50); continue; }
                var silo = live[i % live.Length];
                try
                {
                    using var form = new MultipartFormDataContent { { new ByteArrayContent(TestImages.UniqueJpeg(90_000 + i, width: 200, height: 150)), "file", $"roll-{i}.jpg" } };
                    using var response = await silo.Http.PostAsync("/api/v1/images", form);
                    Interlocked.Increment(ref requests);
                    if ((int)response.StatusCode >= 500) failures.Add($"upload {i}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
                    else if (response.IsSuccessStatusCode) acknowledged.Add((await response.Content.ReadFromJsonAsync<UploadResponseDto>(ImageVaultApp.Json))!.Items[0].Id!);
                    if (!acknowledged.IsEmpty)
                    {
                        using var read = await silo.Http.GetAsync($"/api/v1/images/{acknowledged.First()}");
                        Interlocked.Increment(ref requests);
                        if ((int)read.StatusCode >= 500) failures.Add($"read {i}: {(int)read.StatusCode}");
                    }
                }
                catch (HttpRequestException) when (!rotation.ContainsKey(silo)) { } // it just left the rotation
            }
        });

        for (var round = 0; round < 2; round++)
        {
            await Task.Delay(3000);
            var leaving = rotation.Keys.First();
            rotation.TryRemove(leaving, out _);       // the load balancer drains it first…
            await Task.Delay(500);
            await leaving.TerminateAsync(TimeSpan.FromSeconds(60)); // …then it gets SIGTERM
            rotation[await cluster.StartSiloAsync()] = true;
        }
        await Task.Delay(3000);
        stop.Cancel();
        await load;

        Assert.Empty(failures);
        var survivor = rotation.Keys.First();
        foreach (var id in acknowledged)
            Assert.True((await survivor.Http.GetAsync($"/api/v1/images/{id}")).IsSuccessStatusCode, $"acknowledged image {id} is gone");
        output.WriteLine($"rolling restart: {requests} requests, {acknowledged.Count} uploads acknowledged, 0 answered 5xx, none lost");
    }
}
