namespace ImageVault.Grains.Abstractions.Images;

/// <summary>What the upload path knows when it registers a new image: the original is already durable.</summary>
[GenerateSerializer, Alias("iv.NewImage")]
public sealed record NewImage(
    [property: Id(0)] string FileName,
    [property: Id(1)] string Format,
    [property: Id(2)] string ContentType,
    [property: Id(3)] long SizeBytes,
    [property: Id(4)] string Sha256,
    [property: Id(5)] string OriginalKey,
    [property: Id(6)] int? Width,
    [property: Id(7)] int? Height,
    [property: Id(8)] DateTimeOffset UploadedAt);

/// <summary>User-field changes; null members stay as they are.</summary>
[GenerateSerializer, Alias("iv.ImagePatch")]
public sealed record ImagePatch(
    [property: Id(0)] string? Title, [property: Id(1)] string? Description, [property: Id(2)] int? Rating, [property: Id(3)] bool? Favourite);

[GenerateSerializer, Alias("iv.SetChange")]
public sealed record SetChange([property: Id(0)] IReadOnlyList<string> Add, [property: Id(1)] IReadOnlyList<string> Remove)
{
    public static SetChange Adding(params string[] add) => new(add, []);
    public static SetChange Removing(params string[] remove) => new([], remove);
}
