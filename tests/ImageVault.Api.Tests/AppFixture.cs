using ImageVault.Testing;

namespace ImageVault.Api.Tests;

/// <summary>One running ImageVault shared by the tests of a class; tests make unique images so they never collide.</summary>
public sealed class AppFixture : IAsyncLifetime
{
    public ImageVaultApp App { get; } = new(settings: new Dictionary<string, string?> { ["ImageVault:Limits:MaxUploadBytes"] = "4000000" });
    public HttpClient Client { get; private set; } = null!;
    private static int _seed = 50_000;

    public static int NextSeed() => Interlocked.Increment(ref _seed);

    public Task InitializeAsync()
    {
        Client = App.CreateClient();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await App.DisposeAsync();
}
