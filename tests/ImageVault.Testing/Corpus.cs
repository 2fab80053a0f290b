namespace ImageVault.Testing;

/// <summary>
/// The shared test corpus (real images made by others), read from <c>IMAGEVAULT_CORPUS</c>
/// (default <c>../shared/corpus</c> beside the repository). Conformance suites that need it fail
/// loudly when it is absent: they never pass silently.
/// </summary>
public static class Corpus
{
    public static string Root { get; } = Locate();

    public static string Path(params string[] parts) => System.IO.Path.Combine([Root, .. parts]);

    private static string Locate()
    {
        var configured = Environment.GetEnvironmentVariable("IMAGEVAULT_CORPUS");
        if (!string.IsNullOrEmpty(configured))
            return Directory.Exists(configured) ? configured
                : throw new DirectoryNotFoundException($"IMAGEVAULT_CORPUS points at '{configured}', which does not exist");
        // Walk up from the test binaries to the repository root, then look beside it.
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (!File.Exists(System.IO.Path.Combine(dir.FullName, "ImageVault.sln"))) continue;
            var candidate = System.IO.Path.GetFullPath(System.IO.Path.Combine(dir.FullName, "..", "shared", "corpus"));
            return Directory.Exists(candidate) ? candidate
                : throw new DirectoryNotFoundException($"The test corpus is missing: expected it at '{candidate}' or in IMAGEVAULT_CORPUS");
        }
        throw new DirectoryNotFoundException("Cannot find the repository root (ImageVault.sln) above the test binaries");
    }
}
