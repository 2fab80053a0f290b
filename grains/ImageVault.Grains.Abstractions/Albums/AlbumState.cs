namespace ImageVault.Grains.Abstractions.Albums;

[GenerateSerializer, Alias("iv.AlbumState")]
public sealed class AlbumState
{
    public const int CurrentSchemaVersion = 1;

    [Id(0)] public int SchemaVersion { get; set; } = CurrentSchemaVersion;
    [Id(1)] public string Id { get; set; } = "";
    [Id(2)] public string Tenant { get; set; } = "";
    [Id(3)] public string Name { get; set; } = "";
    [Id(4)] public string? Description { get; set; }
    [Id(5)] public string? ParentId { get; set; }
    [Id(6)] public string? CoverImageId { get; set; }
    [Id(7)] public string Owner { get; set; } = "";
    [Id(8)] public DateTimeOffset CreatedAt { get; set; }
    [Id(9)] public long Version { get; set; }
    /// <summary>Per-user grants on this album (user id → role), lifting a tenant viewer to editor here only.</summary>
    [Id(10)] public Dictionary<string, Identity.Role> Grants { get; set; } = [];

    public bool Exists => Id.Length > 0;
}

[GenerateSerializer, Alias("iv.NewAlbum")]
public sealed record NewAlbum([property: Id(0)] string Name, [property: Id(1)] string? Description, [property: Id(2)] string? ParentId, [property: Id(3)] string Owner);

[GenerateSerializer, Alias("iv.AlbumPatch")]
public sealed record AlbumPatch(
    [property: Id(0)] string? Name, [property: Id(1)] string? Description, [property: Id(2)] string? ParentId,
    [property: Id(3)] bool ClearParent, [property: Id(4)] string? CoverImageId);

/// <summary>Outcome of an album change: the album, or why it was refused.</summary>
[GenerateSerializer, Alias("iv.AlbumResult")]
public sealed record AlbumResult([property: Id(0)] AlbumState? Album, [property: Id(1)] AlbumError Error)
{
    public static AlbumResult Ok(AlbumState a) => new(a, AlbumError.None);
    public static AlbumResult Fail(AlbumError e) => new(null, e);
}

public enum AlbumError { None = 0, NotFound, ParentNotFound, Cycle, CoverNotInAlbum, Invalid }

/// <summary>One album as the tenant's album tree lists it.</summary>
[GenerateSerializer, Alias("iv.AlbumNode")]
public sealed record AlbumNode([property: Id(0)] string Id, [property: Id(1)] string Name, [property: Id(2)] string? ParentId);

[GenerateSerializer, Alias("iv.MembershipResult")]
public sealed record MembershipResult([property: Id(0)] int Changed, [property: Id(1)] IReadOnlyList<string> NotFound);
