using System.Net.Http.Headers;
using ImageVault.Client;
using Microsoft.Extensions.Http.Resilience;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers <see cref="ImageVaultClient"/> with authentication and resilience.</summary>
public static class ImageVaultServiceCollectionExtensions
{
    /// <summary>
    /// Adds a typed <see cref="ImageVaultClient"/>: base address and bearer token from the options, the
    /// standard resilience pipeline (timeouts, circuit breaker) with retries for safe methods only —
    /// uploads retry inside the client with their idempotency key.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Sets the base address and the token.</param>
    /// <returns>The HTTP client builder, to add handlers (or a primary handler in tests).</returns>
    public static IHttpClientBuilder AddImageVaultClient(this IServiceCollection services, Action<ImageVaultClientOptions> configure)
    {
        services.AddOptions<ImageVaultClientOptions>().Configure(configure).Validate(o => o.BaseAddress is { IsAbsoluteUri: true }, "ImageVaultClientOptions.BaseAddress must be an absolute URI");
        var builder = services.AddHttpClient<ImageVaultClient>((sp, http) =>
        {
            var options = sp.GetRequiredService<Microsoft.Extensions.Options.IOptions<ImageVaultClientOptions>>().Value;
            http.BaseAddress = options.BaseAddress;
            if (options.Token is { Length: > 0 } token) http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
            if (options.Tenant is { Length: > 0 } tenant) http.DefaultRequestHeaders.Add("X-ImageVault-Tenant", tenant);
        });
        builder.AddStandardResilienceHandler(o => o.Retry.DisableForUnsafeHttpMethods());
        return builder;
    }
}
