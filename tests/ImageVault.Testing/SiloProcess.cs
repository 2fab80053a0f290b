using System.Diagnostics;

namespace ImageVault.Testing;

/// <summary>
/// A real silo process (<c>dotnet ImageVault.Silo.dll</c>) from the silo's own build output, with the
/// given settings as environment variables, on a free HTTP port. Kill() is SIGKILL: nothing runs after it.
/// </summary>
public sealed class SiloProcess : IAsyncDisposable
{
    private readonly Process _process;
    public int HttpPort { get; }
    public HttpClient Http { get; }
    public int Pid => _process.Id;

    private SiloProcess(Process process, int port)
    {
        (_process, HttpPort) = (process, port);
        Http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromSeconds(30) };
        // The operator acts for the default tenant: these processes are driven as a whole installation.
        Http.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", ImageVaultApp.OperatorToken);
    }

    public static string SiloDirectory()
    {
        var config = typeof(SiloProcess).Assembly.Location.Contains("/Release/", StringComparison.Ordinal) ? "Release" : "Debug";
        var dir = Path.Combine(RepoPaths.Root, "silo", "ImageVault.Silo", "bin", config, "net10.0");
        return File.Exists(Path.Combine(dir, "ImageVault.Silo.dll")) ? dir
            : throw new FileNotFoundException($"build the silo first ({config}): {dir} has no ImageVault.Silo.dll");
    }

    public static SiloProcess Start(IDictionary<string, string> settings)
    {
        var port = ImageVaultApp.FreePort();
        var dir = SiloDirectory();
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = dir, UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in new[] { Path.Combine(dir, "ImageVault.Silo.dll"), "--urls", $"http://127.0.0.1:{port}" }) start.ArgumentList.Add(a);
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        start.Environment["ImageVault__Admin__Token"] = ImageVaultApp.OperatorToken;
        start.Environment["ImageVault__Security__BootstrapAdminPassword"] = ImageVaultApp.AdminPassword;
        // These runs drive one silo hard from one address as the operator; per-caller limits are tested elsewhere.
        start.Environment["ImageVault__Security__RequestsPerSecond"] = "100000";
        start.Environment["ImageVault__Security__Burst"] = "100000";
        foreach (var (k, v) in settings) start.Environment[k.Replace(":", "__")] = v;
        var process = Process.Start(start) ?? throw new InvalidOperationException("the silo did not start");
        _ = process.StandardOutput.ReadToEndAsync();
        _ = process.StandardError.ReadToEndAsync();
        return new SiloProcess(process, port);
    }

    public async Task WaitReadyAsync(TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited) throw new InvalidOperationException($"the silo exited with {_process.ExitCode} before it was ready");
            try { if ((await Http.GetAsync("/readyz")).IsSuccessStatusCode) return; }
            catch (HttpRequestException) { }
            catch (TaskCanceledException) { }
            await Task.Delay(200);
        }
        throw new TimeoutException("the silo did not become ready");
    }

    /// <summary>SIGTERM, as systemd or Kubernetes stop a silo, and waits for a graceful exit.</summary>
    public async Task TerminateAsync(TimeSpan timeout)
    {
        using (var kill = Process.Start("kill", ["-TERM", _process.Id.ToString()])) await kill!.WaitForExitAsync();
        using var wait = new CancellationTokenSource(timeout);
        await _process.WaitForExitAsync(wait.Token);
    }

    public bool HasExited => _process.HasExited;

    /// <summary>SIGKILL, children (the imaging workers) included.</summary>
    public void Kill() => _process.Kill(entireProcessTree: true);

    /// <summary>Resident memory of the silo and its worker processes, from /proc.</summary>
    public long TreeRss()
    {
        long total = 0;
        foreach (var dir in Directory.EnumerateDirectories("/proc").Where(d => int.TryParse(Path.GetFileName(d), out _)))
        {
            try
            {
                var stat = File.ReadAllText(Path.Combine(dir, "stat"));
                var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
                var pid = int.Parse(Path.GetFileName(dir));
                if (pid != _process.Id && int.Parse(fields[1]) != _process.Id) continue;
                total += long.Parse(fields[21]) * Environment.SystemPageSize;
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException) { }
        }
        return total;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited) Kill();
        await _process.WaitForExitAsync();
        _process.Dispose();
        Http.Dispose();
    }
}
