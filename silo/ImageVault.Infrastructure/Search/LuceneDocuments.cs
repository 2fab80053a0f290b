using System.Text.Json;
using ImageVault.Grains.Ports;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Util;

namespace ImageVault.Infrastructure.Search;

/// <summary>Field names and the mapping of <see cref="ImageSearchDocument"/> to a Lucene document and back.</summary>
internal static class LuceneDocuments
{
    public const string Uid = "uid", Kind = "kind", Tenant = "tenant", Id = "id", IdSort = "id_sort", Version = "version";
    public const string Place = "place", Camera = "camera";
    public const string Text = "text", Tag = "tag", Album = "album", Make = "make", Model = "model", Format = "format";
    public const string Orientation = "orientation", Trashed = "trashed", Favourite = "fav", HasLocation = "has_loc";
    public const string Captured = "captured", Uploaded = "uploaded", SortCaptured = "sort_captured", SortUploaded = "sort_uploaded";
    public const string Rating = "rating", LongEdge = "long_edge", Lat = "lat", Lon = "lon", Stored = "doc";
    public const string Colour = "colour", ColourCell = "colour_cell", Stacked = "stacked", Embedding = "embedding";
    public const string TagFacet = "tag_dv", CameraFacet = "camera_dv", YearFacet = "year_dv", ColourFacet = "colour_dv", AnalysisFacet = "analysis_dv", StageFacet = "stage_dv", PlaceFacet = "place_dv";
    public const string KindImage = "image", KindTombstone = "tombstone";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static Term UidTerm(string tenant, string id) => new(Uid, $"{tenant}/{id}");

    public static Document ToLucene(ImageSearchDocument d)
    {
        var doc = new Document
        {
            new StringField(Uid, $"{d.Tenant}/{d.Id}", Field.Store.NO),
            new StringField(Kind, KindImage, Field.Store.NO),
            new StringField(Tenant, d.Tenant, Field.Store.NO),
            new StringField(Id, d.Id, Field.Store.NO),
            new SortedDocValuesField(IdSort, new BytesRef(d.Id)),
            new StoredField(Version, d.Version),
            new TextField(Text, d.SearchableText(), Field.Store.NO),
            new StringField(Format, d.Format, Field.Store.NO),
            new StringField(Orientation, d.Orientation, Field.Store.NO),
            new StringField(Trashed, d.Trashed ? "1" : "0", Field.Store.NO),
            new StringField(Favourite, d.Favourite ? "1" : "0", Field.Store.NO),
            new StringField(Stacked, d.Stacked ? "1" : "0", Field.Store.NO),
            new SortedSetDocValuesField(AnalysisFacet, new BytesRef(d.Analysis)),
            new SortedSetDocValuesField(StageFacet, new BytesRef(d.Stage.Length > 0 ? d.Stage : "unknown")),
            new StringField(HasLocation, d.Latitude is not null && d.Longitude is not null ? "1" : "0", Field.Store.NO),
            new Int32Field(Rating, d.Rating, Field.Store.NO),
            new Int64Field(Uploaded, d.UploadedAt.UtcTicks, Field.Store.NO),
            // Sort keys are both doc values (to sort) and indexed numbers (for the cursor's range clause).
            new NumericDocValuesField(SortUploaded, d.UploadedAt.UtcTicks),
            new Int64Field(SortUploaded, d.UploadedAt.UtcTicks, Field.Store.NO),
            new NumericDocValuesField(SortCaptured, d.CapturedAt?.Ticks ?? d.UploadedAt.UtcTicks),
            new Int64Field(SortCaptured, d.CapturedAt?.Ticks ?? d.UploadedAt.UtcTicks, Field.Store.NO),
            new StoredField(Stored, JsonSerializer.Serialize(d, Json)),
        };
        foreach (var tag in d.Tags.Select(t => t.ToLowerInvariant()).Distinct())
        {
            doc.Add(new StringField(Tag, tag, Field.Store.NO));
            doc.Add(new SortedSetDocValuesField(TagFacet, new BytesRef(tag)));
        }
        foreach (var place in d.Places.Where(p => !string.IsNullOrWhiteSpace(p)).Select(p => p.Trim().ToLowerInvariant()).Distinct())
        {
            doc.Add(new StringField(Place, place, Field.Store.NO));
            doc.Add(new SortedSetDocValuesField(PlaceFacet, new BytesRef(place)));
        }
        foreach (var album in d.AlbumIds) doc.Add(new StringField(Album, album, Field.Store.NO));
        foreach (var colour in d.Colours)
        {
            doc.Add(new StringField(Colour, colour, Field.Store.NO));
            doc.Add(new SortedSetDocValuesField(ColourFacet, new BytesRef(colour)));
        }
        foreach (var cell in d.ColourCells) doc.Add(new StringField(ColourCell, cell, Field.Store.NO));
        if (d.Embedding is { } vector) doc.Add(new StoredField(Embedding, VectorBytes(vector)));
        if (d.Make is { } make) doc.Add(new StringField(Make, make.ToLowerInvariant(), Field.Store.NO));
        if (d.Model is { } model) doc.Add(new StringField(Model, model.ToLowerInvariant(), Field.Store.NO));
        if (d.Camera is { } camera)
        {
            doc.Add(new StringField(Camera, camera, Field.Store.NO));
            doc.Add(new SortedSetDocValuesField(CameraFacet, new BytesRef(camera)));
        }
        if (d.CapturedAt is { } captured)
        {
            doc.Add(new Int64Field(Captured, captured.Ticks, Field.Store.NO));
            doc.Add(new SortedSetDocValuesField(YearFacet, new BytesRef(captured.Year.ToString("D4", System.Globalization.CultureInfo.InvariantCulture))));
        }
        if (d.Latitude is { } lat && d.Longitude is { } lon)
        {
            doc.Add(new DoubleField(Lat, lat, Field.Store.NO));
            doc.Add(new DoubleField(Lon, lon, Field.Store.NO));
        }
        if (d.Width is { } w && d.Height is { } h) doc.Add(new Int32Field(LongEdge, Math.Max(w, h), Field.Store.NO));
        return doc;
    }

    /// <summary>A deleted image leaves its version behind, so a late retry of an older write cannot resurrect it.</summary>
    public static Document Tombstone(string tenant, string id, long version) =>
    [
        new StringField(Uid, $"{tenant}/{id}", Field.Store.NO),
        new StringField(Kind, KindTombstone, Field.Store.NO),
        new StoredField(Version, version),
    ];

    public static byte[] VectorBytes(float[] vector) => System.Runtime.InteropServices.MemoryMarshal.AsBytes(vector.AsSpan()).ToArray();

    public static float[]? VectorOf(Document doc) =>
        doc.GetBinaryValue(Embedding) is { } bytes ? System.Runtime.InteropServices.MemoryMarshal.Cast<byte, float>(bytes.Bytes.AsSpan(bytes.Offset, bytes.Length)).ToArray() : null;

    public static ImageSearchDocument FromLucene(Document doc) =>
        JsonSerializer.Deserialize<ImageSearchDocument>(doc.Get(Stored), Json)!;
}
