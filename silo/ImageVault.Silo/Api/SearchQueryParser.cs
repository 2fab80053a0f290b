using ImageVault.Imaging.Features;
using System.Globalization;
using ImageVault.Grains.Ports;

namespace ImageVault.Silo.Api;

/// <summary>Reads the search query string into an <see cref="ImageSearchQuery"/>; says what is wrong instead of guessing.</summary>
public static class SearchQueryParser
{
    public static (ImageSearchQuery? Query, string? Error) Parse(IQueryCollection q)
    {
        var errors = new List<string>();
        var query = new ImageSearchQuery
        {
            Text = q["q"].FirstOrDefault(),
            Tags = q["tag"].Where(t => !string.IsNullOrWhiteSpace(t)).Select(t => t!).ToArray(),
            AlbumId = q["album"].FirstOrDefault(),
            Places = q["place"].Where(p => !string.IsNullOrWhiteSpace(p)).Select(p => p!).ToArray(),
            CapturedFrom = LocalTime(q, "capturedFrom", errors),
            CapturedTo = LocalTime(q, "capturedTo", errors, endOfDay: true),
            UploadedFrom = Instant(q, "uploadedFrom", errors),
            UploadedTo = Instant(q, "uploadedTo", errors),
            Make = q["make"].FirstOrDefault(),
            Camera = q["camera"].FirstOrDefault(),
            Model = q["model"].FirstOrDefault(),
            MinRating = Int(q, "minRating", errors, 0, 5),
            Favourite = Bool(q, "favourite", errors),
            HasLocation = Bool(q, "hasLocation", errors),
            Box = Box(q["bbox"].FirstOrDefault(), errors),
            Orientation = q["orientation"].FirstOrDefault(),
            MinSize = Int(q, "minSize", errors, 0, int.MaxValue),
            MaxSize = Int(q, "maxSize", errors, 0, int.MaxValue),
            Format = q["format"].FirstOrDefault(),
            Colours = q["colour"].Concat(q["color"]).Where(c => !string.IsNullOrWhiteSpace(c)).Select(c => c!.Trim().ToLowerInvariant()).ToArray(),
            ColourCells = HexColour(q, errors),
            IncludeStacked = Bool(q, "includeStacked", errors) ?? false,
            Trashed = Bool(q, "trashed", errors) ?? false,
            Sort = Sort(q["sort"].FirstOrDefault(), errors),
            Cursor = q["cursor"].FirstOrDefault(),
            Limit = Int(q, "limit", errors, 1, 500) ?? 50,
            Facets = Bool(q, "facets", errors) ?? false,
        };
        foreach (var colour in query.Colours.Where(c => !ColourAnalysis.Names.Contains(c)))
            errors.Add($"colour '{colour}' is not one of {string.Join(", ", ColourAnalysis.Names)}");
        if (query.AlbumId is { } album && !Grains.Abstractions.GrainKeys.IsValidId(album)) errors.Add("album is not a valid id");
        return errors.Count == 0 ? (query, null) : (null, string.Join("; ", errors));
    }

    /// <summary><c>hex=#rrggbb</c> with <c>tolerance</c> (ΔE, default 20, at most 40) as the CIELAB cells it can reach.</summary>
    private static IReadOnlyList<string> HexColour(IQueryCollection q, List<string> errors)
    {
        if (q["hex"].FirstOrDefault() is not { Length: > 0 } hex) return [];
        if (!Lab.TryParseHex(hex, out var lab)) { errors.Add("hex must be a colour like #c0ffee"); return []; }
        var tolerance = Int(q, "tolerance", errors, 0, 40) ?? 20;
        return ColourAnalysis.CellsNear(lab, tolerance);
    }

    private static DateTime? LocalTime(IQueryCollection q, string name, List<string> errors, bool endOfDay = false)
    {
        if (q[name].FirstOrDefault() is not { Length: > 0 } s) return null;
        if (!DateTime.TryParse(s, CultureInfo.InvariantCulture, DateTimeStyles.None, out var dt)) { errors.Add($"{name} is not a date"); return null; }
        // A bare date as an upper bound means the whole of that day.
        return endOfDay && s.Length == 10 ? dt.AddDays(1).AddTicks(-1) : DateTime.SpecifyKind(dt, DateTimeKind.Unspecified);
    }

    private static DateTimeOffset? Instant(IQueryCollection q, string name, List<string> errors)
    {
        if (q[name].FirstOrDefault() is not { Length: > 0 } s) return null;
        if (DateTimeOffset.TryParse(s, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var dt)) return dt;
        errors.Add($"{name} is not a date/time");
        return null;
    }

    private static int? Int(IQueryCollection q, string name, List<string> errors, int min, int max)
    {
        if (q[name].FirstOrDefault() is not { Length: > 0 } s) return null;
        if (int.TryParse(s, NumberStyles.Integer, CultureInfo.InvariantCulture, out var v) && v >= min && v <= max) return v;
        errors.Add($"{name} must be a whole number from {min} to {max}");
        return null;
    }

    private static bool? Bool(IQueryCollection q, string name, List<string> errors)
    {
        if (q[name].FirstOrDefault() is not { Length: > 0 } s) return null;
        if (bool.TryParse(s, out var b)) return b;
        errors.Add($"{name} must be true or false");
        return null;
    }

    private static GeoBox? Box(string? s, List<string> errors)
    {
        if (string.IsNullOrEmpty(s)) return null;
        var parts = s.Split(',');
        var nums = parts.Select(p => double.TryParse(p, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) ? d : double.NaN).ToArray();
        if (nums.Length == 4 && nums.All(double.IsFinite) && Math.Abs(nums[0]) <= 90 && Math.Abs(nums[2]) <= 90 && nums[0] <= nums[2]
            && Math.Abs(nums[1]) <= 180 && Math.Abs(nums[3]) <= 180)
            return new GeoBox(nums[0], nums[1], nums[2], nums[3]);
        errors.Add("bbox must be south,west,north,east in decimal degrees");
        return null;
    }

    private static SearchSort Sort(string? s, List<string> errors)
    {
        switch (s)
        {
            case null or "" or "captured" or "-captured": return SearchSort.CapturedDesc;
            case "+captured" or "captured_asc": return SearchSort.CapturedAsc;
            case "uploaded" or "-uploaded": return SearchSort.UploadedDesc;
            case "+uploaded" or "uploaded_asc": return SearchSort.UploadedAsc;
            default: errors.Add("sort must be captured, captured_asc, uploaded or uploaded_asc"); return SearchSort.CapturedDesc;
        }
    }
}
