using System.Globalization;
using System.Text;
using ImageVault.Testing;

namespace ImageVault.Api.Tests.Conformance;

/// <summary>Writes docs/hostile-conformance.md: a summary by category, then one line per file.</summary>
internal static class HostileReport
{
    public static string Write(List<(string File, string Category, int Status, string? Code, string? Stage, string? StageError, long Ms)> rows)
    {
        var sb = new StringBuilder();
        sb.AppendLine("# Hostile corpus conformance");
        sb.AppendLine();
        sb.AppendLine("Written by `HostileConformanceTests` (tests/ImageVault.Api.Tests/Conformance) on every run of the test suite:");
        sb.AppendLine("`dotnet test tests/ImageVault.Api.Tests --filter HostileConformance`. Each file of `corpus/hostile` is uploaded");
        sb.AppendLine("through the HTTP API of a real embedded silo (sandboxed decoder pool, 10 s and 1 GiB per job). Passing means: every");
        sb.AppendLine("answer is 201/200 or a 4xx with a stable code, within 20 s; every accepted file's pipeline ends (ready, or failed");
        sb.AppendLine("with a code) within its budget; the silo process lives; an image stored before the run is intact after it.");
        sb.AppendLine();
        // Only the slowest answer is reported, rounded: per-file timings would change the file on every run.
        sb.AppendLine(CultureInfo.InvariantCulture, $"{rows.Count} files; every upload answered within {(rows.Max(r => r.Ms) / 1000 + 1)} s.");
        sb.AppendLine();
        sb.AppendLine("| outcome | files |");
        sb.AppendLine("|---|---:|");
        foreach (var g in rows.GroupBy(Outcome).OrderByDescending(g => g.Count()))
            sb.AppendLine(CultureInfo.InvariantCulture, $"| {g.Key} | {g.Count()} |");
        sb.AppendLine();
        sb.AppendLine("| category | files | refused at upload | accepted, decoded | accepted, decode failed |");
        sb.AppendLine("|---|---:|---:|---:|---:|");
        foreach (var g in rows.GroupBy(r => r.Category).OrderBy(g => g.Key))
            sb.AppendLine(CultureInfo.InvariantCulture,
                $"| {g.Key} | {g.Count()} | {g.Count(r => r.Status >= 400)} | {g.Count(r => r.Stage == "ready")} | {g.Count(r => r.Stage == "failed")} |");
        sb.AppendLine();
        sb.AppendLine("## Every file");
        sb.AppendLine();
        sb.AppendLine("| file | category | HTTP | outcome |");
        sb.AppendLine("|---|---|---:|---|");
        foreach (var r in rows)
            sb.AppendLine(CultureInfo.InvariantCulture, $"| `{r.File.Replace("|", "\\|").Replace("`", "'")}` | {r.Category} | {r.Status} | {Outcome(r)} |");
        var text = sb.ToString();
        File.WriteAllText(RepoPaths.Docs("hostile-conformance.md"), text);
        return text;
    }

    private static string Outcome((string File, string Category, int Status, string? Code, string? Stage, string? StageError, long Ms) r) =>
        r.Status >= 400 ? $"refused: {r.Code}" : r.Stage == "ready" ? "accepted: decoded" : $"accepted: {r.StageError}";
}
