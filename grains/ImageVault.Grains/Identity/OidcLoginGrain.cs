using ImageVault.Grains.Abstractions.Identity;

namespace ImageVault.Grains.Identity;

/// <inheritdoc cref="IOidcLoginGrain"/>
[GrainType("oidc-login")]
public sealed class OidcLoginGrain(TimeProvider clock) : Grain, IOidcLoginGrain
{
    private PendingOidcLogin? _login;

    public Task BeginAsync(PendingOidcLogin login)
    {
        _login ??= login; // a state value is used once
        return Task.CompletedTask;
    }

    public Task<PendingOidcLogin?> TakeAsync()
    {
        var login = _login is { } l && l.ExpiresAt > clock.GetUtcNow() ? l : null;
        _login = null;
        DeactivateOnIdle();
        return Task.FromResult(login);
    }
}
