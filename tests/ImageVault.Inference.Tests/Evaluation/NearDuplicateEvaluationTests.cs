using System.Globalization;
using System.Text;
using ImageVault.Grains.Intelligence;
using ImageVault.Imaging.Features;
using ImageVault.Inference.Embeddings;
using ImageVault.Testing;
using Xunit.Abstractions;

namespace ImageVault.Inference.Tests.Evaluation;

/// <summary>
/// Near-duplicate grouping and similar-image search on the corpus' near-duplicate set (36 groups of an
/// original and 7 variants, 26 distractors), with the same features and rule the silo uses. Pairs are
/// scored after grouping (connected components), as the review page shows them. Writes
/// <c>docs/neardup-evaluation.md</c>.
/// </summary>
public sealed class NearDuplicateEvaluationTests(ITestOutputHelper output)
{
    private static readonly string[] FloorTransforms = ["none", "resize50", "jpeg_q30", "crop10", "grayscale", "watermark"];

    private sealed record Item(string File, string Group, string Transform, float[] Embedding, ulong[] Hashes);

    [Fact]
    public void Grouping_precision_and_recall_and_similar_search_recall()
    {
        using var inference = new ImageInference();
        var rows = Csv.ReadFile(Corpus.Path("neardup", "ground_truth.csv"));
        Assert.True(rows.Count >= 300, $"the near-duplicate ground truth lists only {rows.Count} files");
        var items = rows.Select(r =>
        {
            var analysed = AnalysedImage.FromFile(Corpus.Path("neardup", r["file"]));
            return new Item(r["file"], r["group_id"], r["role"] == "distractor" ? "distractor" : r["transform"],
                inference.Embed(analysed.Square), analysed.Features.PHashes);
        }).ToArray();

        var groups = Group(items);
        var negatives = Pairs(items).Where(p => !p.Same).ToArray();
        var report = new StringBuilder()
            .AppendLine("# Near-duplicate evaluation (written by `NearDuplicateEvaluationTests`)")
            .AppendLine()
            .AppendLine(CultureInfo.InvariantCulture, $"Rule: cosine ≥ {NearDuplicateRule.StrongSimilarity}, or cosine ≥ {NearDuplicateRule.SupportedSimilarity} with rotation-invariant pHash distance ≤ {NearDuplicateRule.MaxHashDistance}; groups are connected components.")
            .AppendLine()
            .AppendLine("| subset | precision | recall | true pairs | predicted pairs |")
            .AppendLine("| --- | ---: | ---: | ---: | ---: |");
        var floor = Score(items.Where(i => i.Transform == "distractor" || FloorTransforms.Contains(i.Transform)).ToArray(), groups);
        var all = Score(items, groups);
        report.AppendLine(Row("originals + resize/recompress/crop/grayscale/watermark + distractors", floor));
        report.AppendLine(Row("everything (adds rotate90 and combo)", all));
        report.AppendLine().AppendLine("| transform | recall (pairs with the original) |").AppendLine("| --- | ---: |");
        foreach (var transform in items.Select(i => i.Transform).Where(t => t is not ("none" or "distractor")).Distinct().Order())
        {
            var variants = items.Where(i => i.Transform == transform).ToArray();
            var found = variants.Count(v => groups[v.File] == groups[items.Single(o => o.Group == v.Group && o.Transform == "none").File]);
            report.AppendLine(CultureInfo.InvariantCulture, $"| {transform} | {(double)found / variants.Length:0.000} |");
        }

        report.AppendLine().AppendLine(CultureInfo.InvariantCulture,
            $"Margin: of {negatives.Length} pairs that are not duplicates, the highest cosine is {negatives.Max(n => n.Cosine):0.000} and the smallest pHash distance {negatives.Min(n => n.Hash)}.");
        var (at7, at10) = (SearchRecall(items, 7), SearchRecall(items, 10));
        report.AppendLine().AppendLine(CultureInfo.InvariantCulture, $"Similar search (embedding cosine, exact): recall@7 of the 7 siblings = {at7:0.000}, recall@10 = {at10:0.000}.");
        report.Append(NaturalGroups(inference));
        output.WriteLine(report.ToString());
        File.WriteAllText(RepoPaths.Docs("neardup-evaluation.md"), report.ToString());

        Assert.True(floor.Precision >= 0.95, $"precision {floor.Precision:0.000} < 0.95");
        Assert.True(floor.Recall >= 0.90, $"recall {floor.Recall:0.000} < 0.90");
        Assert.True(at7 >= 0.80, $"similar search recall@7 {at7:0.000} < 0.80");
    }

    /// <summary>Real, untouched near-duplicates: the share of same-group pairs the rule joins, per strength (reported, no floor).</summary>
    private static string NaturalGroups(ImageInference inference)
    {
        var rows = Csv.ReadFile(Corpus.Path("neardup", "natural_groups.csv"));
        var items = rows.Select(r =>
        {
            var analysed = AnalysedImage.FromFile(Corpus.Path("neardup", r["file"]));
            return (Item: new Item(r["file"], r["group_id"], r["relation"], inference.Embed(analysed.Square), analysed.Features.PHashes), Strength: r["strength"]);
        }).ToArray();
        var text = new StringBuilder().AppendLine().AppendLine("Natural near-duplicates (`natural_groups.csv`): same-group pairs the rule joins directly, and their lowest cosine.")
            .AppendLine().AppendLine("| strength | pairs | joined | lowest cosine |").AppendLine("| --- | ---: | ---: | ---: |");
        foreach (var strength in items.Select(i => i.Strength).Distinct().Order())
        {
            var pairs = Pairs(items.Where(i => i.Strength == strength).Select(i => i.Item).ToArray()).Where(p => p.Same).ToArray();
            text.AppendLine(CultureInfo.InvariantCulture, $"| {strength} | {pairs.Length} | {pairs.Count(p => NearDuplicateRule.Holds(p.Cosine, p.Hash))} | {pairs.Min(p => p.Cosine):0.000} |");
        }
        return text.ToString();
    }

    private static IEnumerable<(Item A, Item B, bool Same, double Cosine, int Hash)> Pairs(Item[] items)
    {
        for (var a = 0; a < items.Length; a++)
            for (var b = a + 1; b < items.Length; b++)
                yield return (items[a], items[b], items[a].Group.Length > 0 && items[a].Group == items[b].Group,
                    VectorMath.Dot(items[a].Embedding, items[b].Embedding), PerceptualHash.RotationInvariantDistance(items[a].Hashes, items[b].Hashes));
    }

    /// <summary>Each file's group: union-find over every pair the rule accepts.</summary>
    private static Dictionary<string, string> Group(Item[] items)
    {
        var parent = items.ToDictionary(i => i.File, i => i.File);
        string Find(string x) => parent[x] == x ? x : parent[x] = Find(parent[x]);
        foreach (var p in Pairs(items).Where(p => NearDuplicateRule.Holds(p.Cosine, p.Hash))) parent[Find(p.A.File)] = Find(p.B.File);
        return items.ToDictionary(i => i.File, i => Find(i.File));
    }

    private static (double Precision, double Recall, int Truth, int Predicted) Score(Item[] items, Dictionary<string, string> groups)
    {
        int truth = 0, predicted = 0, correct = 0;
        for (var a = 0; a < items.Length; a++)
            for (var b = a + 1; b < items.Length; b++)
            {
                var same = items[a].Group.Length > 0 && items[a].Group == items[b].Group;
                var grouped = groups[items[a].File] == groups[items[b].File];
                truth += same ? 1 : 0;
                predicted += grouped ? 1 : 0;
                correct += same && grouped ? 1 : 0;
            }
        return (predicted == 0 ? 1 : (double)correct / predicted, truth == 0 ? 1 : (double)correct / truth, truth, predicted);
    }

    private static double SearchRecall(Item[] items, int k)
    {
        var members = items.Where(i => i.Group.Length > 0).ToArray();
        return members.Average(q =>
        {
            var top = items.Where(i => i.File != q.File).OrderByDescending(i => VectorMath.Dot(q.Embedding, i.Embedding)).Take(k);
            return top.Count(i => i.Group == q.Group) / 7.0;
        });
    }

    private static string Row(string name, (double Precision, double Recall, int Truth, int Predicted) s) =>
        string.Create(CultureInfo.InvariantCulture, $"| {name} | {s.Precision:0.000} | {s.Recall:0.000} | {s.Truth} | {s.Predicted} |");
}
