using ImageVault.Grains.Ports;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Index;
using Lucene.Net.Search;
using static ImageVault.Infrastructure.Search.LuceneDocuments;

namespace ImageVault.Infrastructure.Search;

/// <summary>Translates an <see cref="ImageSearchQuery"/> into a Lucene query. The tenant filter is always the first clause.</summary>
internal static class LuceneQueries
{
    public const int MaxTextTerms = 32;

    public static Query Build(string tenant, ImageSearchQuery q, Analyzer analyzer, SearchCursor? after)
    {
        var bq = new BooleanQuery
        {
            { new TermQuery(new Term(Tenant, tenant)), Occur.MUST },
            { new TermQuery(new Term(Kind, KindImage)), Occur.MUST },
            { new TermQuery(new Term(Trashed, q.Trashed ? "1" : "0")), Occur.MUST },
        };
        if (!string.IsNullOrWhiteSpace(q.Text))
        {
            var terms = Analyze(analyzer, q.Text);
            if (terms.Count == 0) bq.Add(new BooleanQuery(), Occur.MUST); // only stop words: nothing matches
            foreach (var term in terms) bq.Add(new TermQuery(new Term(Text, term)), Occur.MUST);
        }
        foreach (var tag in q.Tags) bq.Add(new TermQuery(new Term(Tag, tag.Trim().ToLowerInvariant())), Occur.MUST);
        if (q.Camera is { } camera) bq.Add(new TermQuery(new Term(Camera, camera)), Occur.MUST);
        foreach (var place in q.Places) bq.Add(new TermQuery(new Term(Place, place.Trim().ToLowerInvariant())), Occur.MUST);
        foreach (var colour in q.Colours) bq.Add(new TermQuery(new Term(Colour, colour.Trim().ToLowerInvariant())), Occur.MUST);
        if (q.ColourCells.Count > 0)
        {
            var anyCell = new BooleanQuery();
            foreach (var cell in q.ColourCells.Take(BooleanQuery.MaxClauseCount)) anyCell.Add(new TermQuery(new Term(ColourCell, cell)), Occur.SHOULD);
            bq.Add(anyCell, Occur.MUST);
        }
        if (!q.IncludeStacked) bq.Add(new TermQuery(new Term(Stacked, "1")), Occur.MUST_NOT);
        Must(bq, Album, q.AlbumId);
        Must(bq, Make, q.Make?.ToLowerInvariant());
        Must(bq, Model, q.Model?.ToLowerInvariant());
        Must(bq, Format, q.Format?.ToLowerInvariant());
        Must(bq, Orientation, q.Orientation?.ToLowerInvariant());
        if (q.Favourite is { } fav) Must(bq, Favourite, fav ? "1" : "0");
        if (q.HasLocation is { } loc) Must(bq, HasLocation, loc ? "1" : "0");
        if (q.MinRating is { } min) bq.Add(NumericRangeQuery.NewInt32Range(Rating, min, null, true, true), Occur.MUST);
        if (q.CapturedFrom is not null || q.CapturedTo is not null)
            bq.Add(NumericRangeQuery.NewInt64Range(Captured, q.CapturedFrom?.Ticks, q.CapturedTo?.Ticks, true, true), Occur.MUST);
        if (q.UploadedFrom is not null || q.UploadedTo is not null)
            bq.Add(NumericRangeQuery.NewInt64Range(Uploaded, q.UploadedFrom?.UtcTicks, q.UploadedTo?.UtcTicks, true, true), Occur.MUST);
        if (q.MinSize is not null || q.MaxSize is not null)
            bq.Add(NumericRangeQuery.NewInt32Range(LongEdge, q.MinSize, q.MaxSize, true, true), Occur.MUST);
        if (q.Box is { } box) bq.Add(BoxQuery(box), Occur.MUST);
        if (after is not null) bq.Add(After(after), Occur.MUST);
        return bq;
    }

    public static Sort SortOf(SearchSort sort) => sort switch
    {
        SearchSort.CapturedAsc => new Sort(new SortField(SortCaptured, SortFieldType.INT64, false), new SortField(IdSort, SortFieldType.STRING)),
        SearchSort.UploadedDesc => new Sort(new SortField(SortUploaded, SortFieldType.INT64, true), new SortField(IdSort, SortFieldType.STRING)),
        SearchSort.UploadedAsc => new Sort(new SortField(SortUploaded, SortFieldType.INT64, false), new SortField(IdSort, SortFieldType.STRING)),
        _ => new Sort(new SortField(SortCaptured, SortFieldType.INT64, true), new SortField(IdSort, SortFieldType.STRING)),
    };

    public static string SortFieldOf(SearchSort sort) => sort is SearchSort.UploadedAsc or SearchSort.UploadedDesc ? SortUploaded : SortCaptured;

    public static IReadOnlyList<string> Analyze(Analyzer analyzer, string text)
    {
        var terms = new List<string>();
        using var ts = analyzer.GetTokenStream(Text, text);
        var attr = ts.AddAttribute<ICharTermAttribute>();
        ts.Reset();
        while (ts.IncrementToken() && terms.Count < MaxTextTerms)
        {
            var term = attr.ToString();
            if (term.Length > 0 && !terms.Contains(term)) terms.Add(term);
        }
        ts.End();
        return terms;
    }

    private static void Must(BooleanQuery bq, string field, string? value)
    {
        if (!string.IsNullOrWhiteSpace(value)) bq.Add(new TermQuery(new Term(field, value)), Occur.MUST);
    }

    private static Query BoxQuery(GeoBox box)
    {
        var lat = NumericRangeQuery.NewDoubleRange(Lat, box.South, box.North, true, true);
        var lon = box.West <= box.East
            ? (Query)NumericRangeQuery.NewDoubleRange(Lon, box.West, box.East, true, true)
            : new BooleanQuery // the box crosses the antimeridian
            {
                { NumericRangeQuery.NewDoubleRange(Lon, box.West, 180, true, true), Occur.SHOULD },
                { NumericRangeQuery.NewDoubleRange(Lon, -180, box.East, true, true), Occur.SHOULD },
            };
        return new BooleanQuery { { lat, Occur.MUST }, { lon, Occur.MUST } };
    }

    // Strictly after the cursor in (value, id) order: value beyond it, or the same value and a greater id.
    private static Query After(SearchCursor c)
    {
        var descending = c.Sort is SearchSort.CapturedDesc or SearchSort.UploadedDesc;
        var field = SortFieldOf(c.Sort);
        var beyond = descending
            ? NumericRangeQuery.NewInt64Range(field, null, c.Value, true, false)
            : NumericRangeQuery.NewInt64Range(field, c.Value, null, false, true);
        var sameValueLaterId = new BooleanQuery
        {
            { NumericRangeQuery.NewInt64Range(field, c.Value, c.Value, true, true), Occur.MUST },
            { TermRangeQuery.NewStringRange(Id, c.Id, null, false, false), Occur.MUST },
        };
        return new BooleanQuery { { beyond, Occur.SHOULD }, { sameValueLaterId, Occur.SHOULD } };
    }
}
