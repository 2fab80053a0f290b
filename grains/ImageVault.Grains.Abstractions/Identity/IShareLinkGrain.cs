namespace ImageVault.Grains.Abstractions.Identity;

/// <summary>
/// A share link (key <c>"{tenant}/{linkId}"</c>) for one image or one album: the link itself is the
/// capability. Wrong passwords are counted here, so the limit on tries holds across silos.
/// </summary>
[Alias("iv.IShareLinkGrain")]
public interface IShareLinkGrain : IGrainWithStringKey
{
    [Alias("Create")] Task<bool> CreateAsync(ShareLinkState link);
    [Alias("Get")] Task<ShareLinkState?> GetAsync();
    [Alias("Check")] Task<CredentialCheck> CheckAsync(byte[] secretHash);

    /// <summary>Admits a password try: false with the wait when too many wrong tries came recently.</summary>
    [Alias("AdmitTry")] Task<(bool Admitted, TimeSpan RetryAfter)> AdmitPasswordTryAsync();
    [Alias("RecordTry")] Task RecordPasswordTryAsync(bool correct);
    [Alias("Revoke")] Task<bool> RevokeAsync();

    /// <summary>Remembers an unlock token (its hash) handed out after a correct password, valid until <paramref name="expiresAt"/>.</summary>
    [Alias("Unlock")] Task UnlockAsync(byte[] tokenHash, DateTimeOffset expiresAt);
    [Alias("IsUnlocked")] Task<bool> IsUnlockedAsync(byte[] tokenHash);
}

public enum ShareTarget { Image = 0, Album = 1 }

[GenerateSerializer, Alias("iv.ShareLinkState")]
public sealed class ShareLinkState
{
    [Id(0)] public string Id { get; set; } = "";
    [Id(1)] public ShareTarget Target { get; set; }
    [Id(2)] public string TargetId { get; set; } = "";
    [Id(3)] public SharePermissions Permissions { get; set; }
    [Id(4)] public bool IncludeLocation { get; set; }
    [Id(5)] public DateTimeOffset? ExpiresAt { get; set; }
    [Id(6)] public string? PasswordHash { get; set; }
    [Id(7)] public byte[] SecretHash { get; set; } = [];
    [Id(8)] public string CreatedBy { get; set; } = "";
    [Id(9)] public DateTimeOffset CreatedAt { get; set; }
    [Id(10)] public DateTimeOffset? RevokedAt { get; set; }
    [Id(11)] public List<DateTimeOffset> FailedTries { get; set; } = [];
    [Id(12)] public List<ShareUnlock> Unlocks { get; set; } = [];

    public bool Exists => Id.Length > 0;
}

[GenerateSerializer, Alias("iv.ShareUnlock")]
public sealed record ShareUnlock([property: Id(0)] byte[] TokenHash, [property: Id(1)] DateTimeOffset ExpiresAt);
