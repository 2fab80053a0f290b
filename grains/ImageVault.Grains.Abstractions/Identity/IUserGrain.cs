namespace ImageVault.Grains.Abstractions.Identity;

/// <summary>One user of a tenant (key <c>"{tenant}/{userId}"</c>): profile, role, password hash, the ids of their API keys.</summary>
[Alias("iv.IUserGrain")]
public interface IUserGrain : IGrainWithStringKey
{
    [Alias("Create")] Task<UserState?> CreateAsync(NewUser user);
    [Alias("Get")] Task<UserState?> GetAsync();
    [Alias("Update")] Task<UserState?> UpdateAsync(Role? role, bool? disabled, string? displayName);
    [Alias("SetPassword")] Task<bool> SetPasswordHashAsync(string passwordHash);
    [Alias("AddKey")] Task AddKeyAsync(string keyId);
    [Alias("Delete")] Task<IReadOnlyList<string>> DeleteAsync();
}

[GenerateSerializer, Alias("iv.NewUser")]
public sealed record NewUser(
    [property: Id(0)] string UserName, [property: Id(1)] string DisplayName, [property: Id(2)] Role Role,
    [property: Id(3)] string? PasswordHash, [property: Id(4)] string? ExternalSubject);

[GenerateSerializer, Alias("iv.UserState")]
public sealed class UserState
{
    [Id(0)] public int SchemaVersion { get; set; } = 1;
    [Id(1)] public string Id { get; set; } = "";
    [Id(2)] public string UserName { get; set; } = "";
    [Id(3)] public string DisplayName { get; set; } = "";
    [Id(4)] public Role Role { get; set; }
    [Id(5)] public string? PasswordHash { get; set; }
    [Id(6)] public string? ExternalSubject { get; set; }
    [Id(7)] public bool Disabled { get; set; }
    [Id(8)] public List<string> KeyIds { get; set; } = [];
    [Id(9)] public DateTimeOffset CreatedAt { get; set; }

    public bool Exists => Id.Length > 0;
}
