using System.IO.Compression;
using ImageVault.Cli;
using ImageVault.Cli.Commands;
using ImageVault.Testing;
using Spectre.Console;

namespace ImageVault.Cli.Tests;

/// <summary>`imagevault` end to end: the real command tree over real HTTP to a silo on Kestrel.</summary>
public sealed class CliTests : IAsyncLifetime
{
    private readonly ImageVaultApp _app = new ImageVaultApp(settings: new Dictionary<string, string?> { ["ImageVault:Analysis:Enabled"] = "false" }).WithKestrel();
    private readonly string _state = TempFolder.Create("iv-cli-state");
    private string _token = "";

    public async Task InitializeAsync()
    {
        Environment.SetEnvironmentVariable("IMAGEVAULT_STATE", _state);
        Environment.SetEnvironmentVariable("IMAGEVAULT_CONFIG", _state);
        _token = await _app.SignInAsync("default", "admin", ImageVaultApp.AdminPassword);
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    private async Task<(int Code, string Output)> Run(params string[] args) => await Run(null, CancellationToken.None, args);

    private async Task<(int Code, string Output)> Run(HttpMessageHandler? handler, CancellationToken ct, params string[] args)
    {
        var output = new StringWriter();
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(output), Interactive = InteractionSupport.No, Ansi = AnsiSupport.No });
        console.Profile.Width = 200;
        var code = await CliApp.RunAsync([.. args, "--url", _app.KestrelAddress!.ToString(), "--token", _token], console, ct, handler);
        return (code, output.ToString());
    }

    private static string Folder(params (string Path, byte[] Bytes)[] files)
    {
        var root = TempFolder.Create("iv-cli-photos");
        foreach (var (path, bytes) in files)
        {
            var full = Path.Combine(root, path);
            Directory.CreateDirectory(Path.GetDirectoryName(full)!);
            File.WriteAllBytes(full, bytes);
        }
        return root;
    }

    [Fact]
    public async Task Import_uploads_a_tree_reports_refusals_and_a_second_run_does_nothing()
    {
        var files = Enumerable.Range(0, 12).Select(i => ($"{(i % 3 == 0 ? "2024/summer/" : "")}p{i}.jpg", TestImages.UniqueJpeg(110_000 + i))).ToList();
        files.Add(("copies/p0-again.jpg", files[0].Item2));
        files.Add(("notes.txt", "not an image"u8.ToArray()));
        files.Add((".hidden.jpg", TestImages.UniqueJpeg(110_999)));
        var folder = Folder([.. files]);

        var (code, output) = await Run("import", folder, "--parallel", "3");
        Assert.Equal(2, code); // something was refused
        Assert.Contains("12 new, 1 duplicates, 0 already on the server, 0 done by an earlier run, 1 refused", output);
        Assert.Contains("notes.txt", output);
        Assert.Contains("image.unsupported_format", output);

        var (again, secondOutput) = await Run("import", folder);
        Assert.Equal(0, again);
        Assert.Contains("0 new, 0 duplicates, 0 already on the server, 14 done by an earlier run, 0 refused", secondOutput);
        var (_, found) = await Run("search", "--limit", "100");
        Assert.Equal(12, found.Split('\n').Count(l => l.Contains(".jpg", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Files_the_server_already_has_are_skipped_by_hash_before_upload()
    {
        var known = TestImages.UniqueJpeg(120_001);
        Assert.Equal(0, (await Run("import", Folder(("known.jpg", known)))).Code);
        var (code, output) = await Run("import", Folder(("renamed-copy.jpg", known), ("new.jpg", TestImages.UniqueJpeg(120_002))));
        Assert.Equal(0, code);
        Assert.Contains("1 new, 0 duplicates, 1 already on the server", output);
    }

    [Fact]
    public async Task An_interrupted_import_resumes_without_uploading_twice()
    {
        var folder = Folder([.. Enumerable.Range(0, 10).Select(i => ($"r{i}.jpg", TestImages.UniqueJpeg(130_000 + i)))]);
        using var stop = new CancellationTokenSource();
        var interrupter = new StopAfterUploads(3, stop) { InnerHandler = new SocketsHttpHandler() };
        var (code, output) = await Run(interrupter, stop.Token, "import", folder, "--parallel", "1");
        Assert.Equal(130, code);
        Assert.Contains("Run the same command again", output);

        var (resumed, report) = await Run("import", folder, "--parallel", "1");
        Assert.Equal(0, resumed);
        int Count(string what) => int.Parse(System.Text.RegularExpressions.Regex.Match(report, $@"(\d+) {what}").Groups[1].Value);
        // The journal holds what finished; an upload answered just as the run stopped is found by its hash instead.
        Assert.True(Count("done by an earlier run") + Count("already on the server") >= 3, report);
        Assert.Equal(10, Count("done by an earlier run") + Count("already on the server") + Count("new"));
        Assert.Contains("0 duplicates", report); // nothing was sent twice
        Assert.Equal(10, (await Run("search", "--limit", "100")).Output.Split('\n').Count(l => System.Text.RegularExpressions.Regex.IsMatch(l, @"r\d\.jpg")));
    }

    [Fact]
    public async Task Albums_tags_search_share_export_and_admin_work_from_the_command_line()
    {
        var (_, albumId) = await Run("album", "create", "trip");
        albumId = albumId.Trim();
        var folder = Folder(("a.jpg", TestImages.UniqueJpeg(140_001)), ("b.jpg", TestImages.UniqueJpeg(140_002)));
        Assert.Equal(0, (await Run("import", folder, "--album", albumId)).Code);
        var (_, listed) = await Run("search", "--limit", "100");
        var ids = listed.Split('\n').Where(l => l.Contains("a.jpg") || l.Contains("b.jpg")).Select(l => l.Split('│', StringSplitOptions.TrimEntries)[1]).ToArray();
        Assert.Equal(2, ids.Length);
        Assert.Equal(0, (await Run(["tag", .. ids, "--add", "cli"])).Code);
        Assert.Equal(2, (await Run("search", "--tag", "cli")).Output.Split('\n').Count(l => l.Contains(".jpg")));

        var (_, url) = await Run("share", "--album", albumId);
        Assert.Contains("/s/ivl_default_", url); // the web UI's page for the link

        var zip = Path.Combine(TempFolder.Create("iv-cli-out"), "trip.zip");
        Assert.Equal(0, (await Run("export", "--album", albumId, "--out", zip)).Code);
        using (var archive = ZipFile.OpenRead(zip)) Assert.Equal(4, archive.Entries.Count); // two originals, two sidecars
        var exported = TempFolder.Create("iv-cli-out");
        Assert.Equal(0, (await Run("export", "--album", albumId, "--out", exported)).Code);
        Assert.True(File.Exists(Path.Combine(exported, "a.jpg")) && File.Exists(Path.Combine(exported, "a.jpg.json")));
        var bySearch = TempFolder.Create("iv-cli-out");
        Assert.Equal(0, (await Run("export", "--search", "b", "--out", bySearch)).Code);
        Assert.True(File.Exists(Path.Combine(bySearch, "b.jpg.json")));

        var (_, users) = await Run("admin", "users");
        Assert.Contains("tenantAdmin", users);
        var (_, secret) = await Run("admin", "create-key", "ci", "--scope", "read");
        Assert.StartsWith("ivk_default_", secret.Trim());
        var (refusedCode, refused) = await Run("admin", "tenants");
        Assert.Equal(1, refusedCode); // a tenant admin is not the operator
        Assert.Contains("auth.forbidden", refused);
    }

    [Fact]
    public void Export_paths_never_leave_the_target_folder()
    {
        var root = TempFolder.Create("iv-cli-safe");
        foreach (var name in new[] { "../../etc/passwd", "..\\..\\x.jpg", "/abs/y.jpg", "..", "" })
            Assert.StartsWith(Path.GetFullPath(root) + Path.DirectorySeparatorChar, ExportCommand.SafePath(root, name));
    }

    /// <summary>Cancels the run once <paramref name="uploads"/> uploads have been answered, as Ctrl+C would.</summary>
    private sealed class StopAfterUploads(int uploads, CancellationTokenSource stop) : DelegatingHandler
    {
        private int _seen;

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken ct)
        {
            var response = await base.SendAsync(request, ct);
            if (request.Method == HttpMethod.Post && request.RequestUri!.AbsolutePath.EndsWith("/api/v1/images", StringComparison.Ordinal) && Interlocked.Increment(ref _seen) >= uploads)
                await stop.CancelAsync();
            return response;
        }
    }
}
