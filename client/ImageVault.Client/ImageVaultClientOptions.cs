namespace ImageVault.Client;

/// <summary>Where the ImageVault API is and how to authenticate.</summary>
public sealed class ImageVaultClientOptions
{
    /// <summary>The silo's base address, for example <c>https://images.example.com/</c>.</summary>
    public Uri? BaseAddress { get; set; }

    /// <summary>An API key (<c>ivk_…</c>) or a session token (<c>ivs_…</c>), sent as a bearer token.</summary>
    public string? Token { get; set; }

    /// <summary>For operators only: the tenant the operator token acts for.</summary>
    public string? Tenant { get; set; }
}
