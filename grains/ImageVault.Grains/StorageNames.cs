namespace ImageVault.Grains;

/// <summary>The one grain-storage provider every stateful grain uses; the profile decides what backs it.</summary>
public static class StorageNames
{
    public const string Default = "imagevault";
}
