using System.Text;

namespace ImageVault.Imaging.Metadata;

/// <summary>
/// Makes strings that came from inside a file safe to store and show: no control characters
/// (ANSI escapes, CR/LF injection), no bidi overrides, bounded length. HTML escaping stays the
/// job of whoever renders the text.
/// </summary>
public static class TextSanitizer
{
    public static string? Clean(string? value, int maxLength)
    {
        if (string.IsNullOrWhiteSpace(value)) return null;
        var sb = new StringBuilder(Math.Min(value.Length, maxLength));
        foreach (var c in value)
        {
            if (sb.Length >= maxLength) break;
            if (c is '\n' or '\r' or '\t') { sb.Append(' '); continue; }
            if (char.IsControl(c) || IsBidiControl(c) || c == '\uFFFD') continue;
            sb.Append(c);
        }
        var result = sb.ToString().Trim();
        // A lone high surrogate left by truncation would make invalid UTF-16.
        if (result.Length > 0 && char.IsHighSurrogate(result[^1])) result = result[..^1];
        return result.Length == 0 ? null : result;
    }

    private static bool IsBidiControl(char c) => c is (>= '\u202A' and <= '\u202E') or (>= '\u2066' and <= '\u2069') or '\u200E' or '\u200F';
}
