using System.Globalization;
using System.Text;
using ImageVault.Imaging.Analysis;
using ImageVault.Imaging.Formats;
using ImageVault.Imaging.Thumbnails;
using ImageVault.Testing;
using Xunit.Abstractions;

namespace ImageVault.Imaging.Tests.Conformance;

/// <summary>
/// Compares what ImageVault reads with exiftool's values for every file of the metadata corpus whose
/// format ImageVault accepts, field by field, prints the agreement and writes
/// docs/metadata-conformance.md with every disagreement.
/// </summary>
public class MetadataConformanceTests(ITestOutputHelper output)
{
    private const double Floor = 0.98;

    [Fact]
    public void Agrees_with_exiftool_on_core_fields()
    {
        var rows = Csv.ReadFile(Corpus.Path("metadata", "expected", "summary.csv"));
        var request = new AnalysisRequest(200_000_000, [ThumbnailSpec.Small], ThumbnailEncoding.Jpeg);
        var tallies = MetadataFields.All.ToDictionary(f => f.Name, _ => (Agree: 0, Total: 0));
        var disagreements = new List<string>();
        var accepted = 0;

        foreach (var row in rows)
        {
            var path = Corpus.Path("metadata", "files", row["file"]);
            var bytes = File.ReadAllBytes(path);
            if (FormatSniffer.Sniff(bytes.AsSpan(0, Math.Min(bytes.Length, FormatSniffer.PrefixLength))) == ImageFormat.Unknown) continue;
            accepted++;
            var result = ImageAnalyzer.Analyze(bytes, request);
            foreach (var field in MetadataFields.All)
            {
                var expected = field.Expected(row);
                var actual = field.Actual(result);
                var agree = field.Agrees(expected, actual);
                var t = tallies[field.Name];
                tallies[field.Name] = (t.Agree + (agree ? 1 : 0), t.Total + 1);
                if (!agree) disagreements.Add($"| `{row["file"]}` | {field.Name} | {expected ?? "—"} | {actual ?? "—"} |");
            }
        }

        var report = Report(accepted, rows.Count, tallies, disagreements);
        File.WriteAllText(RepoPaths.Docs("metadata-conformance.md"), report);
        output.WriteLine(report[..Math.Min(report.Length, 4000)]);
        Assert.True(accepted > 200, $"only {accepted} files were accepted: is the corpus complete?");
        foreach (var (name, (agree, total)) in tallies.Where(t => MetadataFields.Core.Contains(t.Key)))
            Assert.True((double)agree / total >= Floor, $"{name}: {agree}/{total} agree, below {Floor:P0}");
        foreach (var (name, floor) in MetadataFields.Secondary)
            Assert.True((double)tallies[name].Agree / tallies[name].Total >= floor, $"{name}: {tallies[name].Agree}/{tallies[name].Total} agree, below {floor:P0}");
    }

    private static string Report(int accepted, int rows, Dictionary<string, (int Agree, int Total)> tallies, List<string> disagreements)
    {
        var sb = new StringBuilder();
        sb.AppendLine("# Metadata conformance against exiftool");
        sb.AppendLine();
        sb.AppendLine("Written by `MetadataConformanceTests` (tests/ImageVault.Imaging.Tests/Conformance) on every run of the test suite:");
        sb.AppendLine("`dotnet test tests/ImageVault.Imaging.Tests --filter MetadataConformance`. Expected values: exiftool 12.57 (`-n`),");
        sb.AppendLine($"from `corpus/metadata/expected/summary.csv`. {accepted} of {rows} corpus files have a format ImageVault accepts; only those count.");
        sb.AppendLine("Both sides empty counts as agreement; an exiftool array such as `0 200` agrees with its last non-zero value.");
        sb.AppendLine("Core fields (asserted ≥ 98 %) are marked *. ISO, lens, offset and altitude are asserted at lower floors (see");
        sb.AppendLine("`MetadataFields.Secondary`): exiftool's ISO and lens columns include values it derives from maker notes (Canon");
        sb.AppendLine("BaseISO×AutoISO, Casio, lens IDs), which ImageVault does not decode; it reads the EXIF tags, XMP and Nikon's maker-note ISO.");
        sb.AppendLine();
        sb.AppendLine("| field | agree | total | agreement |");
        sb.AppendLine("|---|---:|---:|---:|");
        foreach (var (name, (agree, total)) in tallies)
            sb.AppendLine(CultureInfo.InvariantCulture, $"| {name}{(MetadataFields.Core.Contains(name) ? " *" : "")} | {agree} | {total} | {(double)agree / total:P1} |");
        sb.AppendLine();
        sb.AppendLine("## Disagreements");
        sb.AppendLine();
        sb.AppendLine("| file | field | exiftool | ImageVault |");
        sb.AppendLine("|---|---|---|---|");
        foreach (var d in disagreements) sb.AppendLine(d);
        return sb.ToString();
    }
}

public class HeicTests
{
    [Fact]
    public void Hevc_heic_keeps_metadata_and_says_the_decoder_is_unavailable()
    {
        var bytes = File.ReadAllBytes(Corpus.Path("metadata", "files", "exif-samples", "heic", "IMG_5195.HEIC"));
        var result = ImageAnalyzer.Analyze(bytes, new AnalysisRequest(200_000_000, ThumbnailSpec.Default, ThumbnailEncoding.Jpeg));
        Assert.Equal(ImageVault.Contracts.ErrorCodes.DecoderUnavailable, result.ErrorCode);
        Assert.Equal(ImageFormat.Heic, result.Format);
        Assert.Equal(("Apple", "2021-04-11T15:47:53.054", "-05:00"), (result.Metadata?.Make, result.Metadata?.CapturedAt, result.Metadata?.CapturedOffset));
        Assert.Equal((2566, 3313), (result.Width.GetValueOrDefault(), result.Height.GetValueOrDefault()));
    }
}
