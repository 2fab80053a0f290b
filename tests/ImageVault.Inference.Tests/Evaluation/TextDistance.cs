using System.Text;
using System.Text.RegularExpressions;

namespace ImageVault.Inference.Tests.Evaluation;

/// <summary>Scoring as the corpus README suggests: NFKC, whitespace collapsed (dropped for Chinese), Levenshtein / length.</summary>
public static partial class TextDistance
{
    public static string Normalize(string text, bool chinese)
    {
        var s = Spaces().Replace(text.Normalize(NormalizationForm.FormKC), " ").Trim();
        return chinese ? s.Replace(" ", "") : s;
    }

    /// <summary>Character error rate, capped at 1.</summary>
    public static double Cer(string truth, string hypothesis) =>
        truth.Length == 0 ? (hypothesis.Length == 0 ? 0 : 1) : Math.Min(1, (double)Levenshtein(truth, hypothesis) / truth.Length);

    /// <summary>Share of the ground truth's words (case-insensitive) found among the hypothesis' words.</summary>
    public static double WordRecall(string truth, string hypothesis)
    {
        var found = Words(hypothesis).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var wanted = Words(truth).ToArray();
        return wanted.Length == 0 ? 1 : (double)wanted.Count(found.Contains) / wanted.Length;
    }

    public static int Levenshtein(string a, string b)
    {
        var previous = Enumerable.Range(0, b.Length + 1).ToArray();
        var current = new int[b.Length + 1];
        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
            (previous, current) = (current, previous);
        }
        return previous[b.Length];
    }

    private static IEnumerable<string> Words(string s) => WordPattern().Matches(s).Select(m => m.Value);

    [GeneratedRegex(@"\s+")] private static partial Regex Spaces();
    [GeneratedRegex(@"[\p{L}\p{N}]+")] private static partial Regex WordPattern();
}
