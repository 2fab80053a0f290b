using System.Globalization;
using System.Text;
using ImageVault.Contracts;
using ImageVault.Grains.Ports;

namespace ImageVault.Infrastructure.Search;

/// <summary>
/// An opaque cursor: the sort value and id of the last hit of a page. The next page starts strictly
/// after it, so pages never repeat or skip items even while images are added.
/// </summary>
internal sealed record SearchCursor(SearchSort Sort, long Value, string Id)
{
    public string Encode() =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes($"{(int)Sort}:{Value.ToString(CultureInfo.InvariantCulture)}:{Id}"))
            .TrimEnd('=').Replace('+', '-').Replace('/', '_');

    public static SearchCursor Decode(string cursor, SearchSort expectedSort)
    {
        try
        {
            var padded = cursor.Replace('-', '+').Replace('_', '/');
            padded += new string('=', (4 - padded.Length % 4) % 4);
            var parts = Encoding.UTF8.GetString(Convert.FromBase64String(padded)).Split(':');
            var sort = (SearchSort)int.Parse(parts[0], CultureInfo.InvariantCulture);
            if (parts.Length != 3 || sort != expectedSort || !Grains.Abstractions.GrainKeys.IsValidId(parts[2])) throw new FormatException();
            return new SearchCursor(sort, long.Parse(parts[1], CultureInfo.InvariantCulture), parts[2]);
        }
        catch (Exception e) when (e is FormatException or OverflowException or IndexOutOfRangeException or ArgumentException)
        {
            throw new InvalidSearchException(ErrorCodes.InvalidCursor, "the cursor is malformed or belongs to another sort order");
        }
    }
}
