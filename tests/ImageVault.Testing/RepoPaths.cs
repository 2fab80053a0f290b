namespace ImageVault.Testing;

/// <summary>Paths inside the repository, for suites that write their reports into docs/.</summary>
public static class RepoPaths
{
    public static string Root { get; } = Find();

    public static string Docs(string file) => Path.Combine(Root, "docs", file);

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "ImageVault.sln"))) return dir.FullName;
        throw new DirectoryNotFoundException("ImageVault.sln not found above the test binaries");
    }
}
