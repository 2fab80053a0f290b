namespace ImageVault.Contracts;

public sealed record AlbumDto(
    string Id, string Name, string? Description, string? ParentId, string? CoverImageId,
    DateTimeOffset CreatedAt, long Version);

public sealed record NewAlbumDto(string Name, string? Description, string? ParentId);

/// <summary>Album changes; null members are left unchanged. <see cref="ClearParent"/> moves it to the top.</summary>
public sealed record AlbumPatchDto(string? Name, string? Description, string? ParentId, bool? ClearParent, string? CoverImageId);

public sealed record AlbumMembershipDto(IReadOnlyList<string>? Add, IReadOnlyList<string>? Remove);
