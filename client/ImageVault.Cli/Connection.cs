using System.Text.Json;
using ImageVault.Client;
using Microsoft.Extensions.DependencyInjection;

namespace ImageVault.Cli;

/// <summary>
/// Where the silo is and who we are: <c>--url</c>/<c>--token</c>, else IMAGEVAULT_URL/IMAGEVAULT_TOKEN,
/// else what <c>imagevault login</c> saved (owner-only file under the user's config folder).
/// </summary>
internal sealed record Connection(Uri Url, string? Token, string? Tenant)
{
    public static string CredentialsPath =>
        Path.Combine(Environment.GetEnvironmentVariable("IMAGEVAULT_CONFIG") ?? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.ApplicationData, Environment.SpecialFolderOption.Create), "imagevault"), "credentials.json");

    public static Connection Resolve(string? url, string? token, string? tenant)
    {
        var saved = File.Exists(CredentialsPath) ? JsonSerializer.Deserialize<Saved>(File.ReadAllText(CredentialsPath)) : null;
        var address = url ?? Environment.GetEnvironmentVariable("IMAGEVAULT_URL") ?? saved?.Url ?? "http://localhost:5080/";
        return new Connection(new Uri(address.EndsWith('/') ? address : address + "/"), token ?? Environment.GetEnvironmentVariable("IMAGEVAULT_TOKEN") ?? saved?.Token, tenant);
    }

    public static void Save(Uri url, string token)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(CredentialsPath)!);
        File.WriteAllText(CredentialsPath, JsonSerializer.Serialize(new Saved(url.ToString(), token)));
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(CredentialsPath, UnixFileMode.UserRead | UnixFileMode.UserWrite);
    }

    /// <summary>The SDK client, with the SDK's resilience pipeline.</summary>
    public ImageVaultClient Client(HttpMessageHandler? handler = null)
    {
        var services = new ServiceCollection();
        var builder = services.AddImageVaultClient(o => (o.BaseAddress, o.Token, o.Tenant) = (Url, Token, Tenant));
        if (handler is not null) builder.ConfigurePrimaryHttpMessageHandler(() => handler);
        return services.BuildServiceProvider().GetRequiredService<ImageVaultClient>();
    }

    private sealed record Saved(string Url, string Token);
}
