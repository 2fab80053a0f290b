using System.Threading.Channels;
using ImageVault.Grains.Ports;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Cjk;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Store;
using Lucene.Net.Util;
using static ImageVault.Infrastructure.Search.LuceneDocuments;

namespace ImageVault.Infrastructure.Search;

/// <summary>
/// The embedded search index: Lucene.Net in a folder. All writes pass through one loop that takes
/// whatever is queued, applies it with version checks, commits once and refreshes the searcher
/// (group commit), so each acknowledged write is durable and visible without an fsync per write.
/// </summary>
public sealed class LuceneImageSearchIndex : IImageSearchIndex, IAsyncDisposable
{
    private const int MaxBatch = 512;
    private const int FacetValuesPerField = 25;
    private static readonly Dictionary<string, string> FacetNames = new()
    {
        [TagFacet] = SearchFacets.Tags, [CameraFacet] = SearchFacets.Cameras, [YearFacet] = SearchFacets.Years,
        [ColourFacet] = SearchFacets.Colours, [AnalysisFacet] = SearchFacets.Analysis, [StageFacet] = SearchFacets.Stages, [PlaceFacet] = SearchFacets.Places,
    };

    private readonly FSDirectory _directory;
    // CJK bigrams (and words for everything else), as the cluster engines' cjk analyzer: "面包" finds "面包店" in both profiles.
    private readonly Analyzer _analyzer = new CJKAnalyzer(LuceneVersion.LUCENE_48);
    private readonly IndexWriter _writer;
    private readonly SearcherManager _searchers;
    private readonly Channel<WriteOp> _queue = Channel.CreateUnbounded<WriteOp>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Task _loop;
    private readonly HnswVectorIndex _vectors = new();

    private sealed record WriteOp(Term Uid, long Version, Document Document, string Tenant, float[]? Vector, TaskCompletionSource<bool> Done);

    public LuceneImageSearchIndex(string path)
    {
        _directory = FSDirectory.Open(path);
        _writer = new IndexWriter(_directory, new IndexWriterConfig(LuceneVersion.LUCENE_48, _analyzer) { OpenMode = OpenMode.CREATE_OR_APPEND });
        _writer.Commit(); // an empty index is still an index: searchers can open it
        _searchers = new SearcherManager(_writer, applyAllDeletes: true, searcherFactory: null);
        LoadVectors();
        _loop = Task.Run(WriteLoopAsync);
    }

    public Task<bool> UpsertAsync(ImageSearchDocument document, CancellationToken ct = default) =>
        Enqueue(UidTerm(document.Tenant, document.Id), document.Version, ToLucene(document), document.Tenant, document.Embedding);

    public Task DeleteAsync(string tenant, string imageId, long version, CancellationToken ct = default) =>
        Enqueue(UidTerm(tenant, imageId), version, Tombstone(tenant, imageId, version), tenant, null);

    public Task<IReadOnlyList<SimilarHit>> SimilarAsync(string tenant, float[] vector, int k, CancellationToken ct = default)
    {
        // Ask the graph for extra neighbours: trashed images are in it and are filtered out here.
        var nearest = _vectors.Nearest(tenant, vector, Math.Clamp(k, 1, 1000) * 2 + 10);
        var searcher = _searchers.Acquire();
        try
        {
            var hits = new List<SimilarHit>();
            foreach (var (uid, similarity) in nearest)
            {
                var top = searcher.Search(new BooleanQuery
                {
                    { new TermQuery(new Term(Uid, uid)), Occur.MUST },
                    { new TermQuery(new Term(Kind, KindImage)), Occur.MUST },
                    { new TermQuery(new Term(Trashed, "0")), Occur.MUST },
                }, 1);
                if (top.TotalHits > 0) hits.Add(new SimilarHit(FromLucene(searcher.Doc(top.ScoreDocs[0].Doc)), similarity));
                if (hits.Count == k) break;
            }
            return Task.FromResult<IReadOnlyList<SimilarHit>>(hits);
        }
        finally { _searchers.Release(searcher); }
    }

    /// <summary>Fills the vector graphs from the stored vectors of every image document.</summary>
    private void LoadVectors()
    {
        var searcher = _searchers.Acquire();
        try
        {
            var top = searcher.Search(new TermQuery(new Term(Kind, KindImage)), Math.Max(1, searcher.IndexReader.MaxDoc));
            foreach (var hit in top.ScoreDocs)
            {
                var doc = searcher.Doc(hit.Doc);
                if (VectorOf(doc) is not { } vector) continue;
                var d = FromLucene(doc);
                _vectors.Set(d.Tenant, $"{d.Tenant}/{d.Id}", vector);
            }
        }
        finally { _searchers.Release(searcher); }
    }

    public Task<ImageSearchResult> SearchAsync(string tenant, ImageSearchQuery query, CancellationToken ct = default)
    {
        var after = query.Cursor is { } c ? SearchCursor.Decode(c, query.Sort) : null;
        var limit = Math.Clamp(query.Limit, 1, 500);
        var searcher = _searchers.Acquire();
        try
        {
            var lucene = LuceneQueries.Build(tenant, query, _analyzer, after);
            var top = TopFieldCollector.Create(LuceneQueries.SortOf(query.Sort), limit + 1, true, false, false, false);
            var facets = query.Facets && after is null ? new FacetCollector([.. FacetNames.Keys]) : null;
            searcher.Search(lucene, facets is null ? top : MultiCollector.Wrap(top, facets));
            var docs = top.GetTopDocs();
            var hits = docs.ScoreDocs.Take(limit).Select(h => FromLucene(searcher.Doc(h.Doc))).ToArray();
            string? next = null;
            if (docs.ScoreDocs.Length > limit && docs.ScoreDocs[limit - 1] is FieldDoc last)
                next = new SearchCursor(query.Sort, Convert.ToInt64(last.Fields[0], System.Globalization.CultureInfo.InvariantCulture), hits[^1].Id).Encode();
            // Total means the whole result on every page, as the distributed adapters report it.
            var total = after is null ? docs.TotalHits : CountAll(searcher, tenant, query);
            return Task.FromResult(new ImageSearchResult(total, hits, next, facets?.Top(FacetValuesPerField).ToDictionary(f => FacetNames[f.Key], f => f.Value)));
        }
        finally { _searchers.Release(searcher); }
    }

    private long CountAll(IndexSearcher searcher, string tenant, ImageSearchQuery query)
    {
        var counter = new TotalHitCountCollector();
        searcher.Search(LuceneQueries.Build(tenant, query, _analyzer, after: null), counter);
        return counter.TotalHits;
    }

    public Task<IReadOnlyList<string>> ImageIdsInAlbumAsync(string tenant, string albumId, int limit, CancellationToken ct = default)
    {
        var searcher = _searchers.Acquire();
        try
        {
            var q = new BooleanQuery
            {
                { new TermQuery(new Term(Tenant, tenant)), Occur.MUST },
                { new TermQuery(new Term(Kind, KindImage)), Occur.MUST },
                { new TermQuery(new Term(Album, albumId)), Occur.MUST },
            };
            var top = searcher.Search(q, Math.Clamp(limit, 1, 10_000));
            return Task.FromResult<IReadOnlyList<string>>(top.ScoreDocs.Select(h => FromLucene(searcher.Doc(h.Doc)).Id).ToArray());
        }
        finally { _searchers.Release(searcher); }
    }

    private Task<bool> Enqueue(Term uid, long version, Document doc, string tenant, float[]? vector)
    {
        var op = new WriteOp(uid, version, doc, tenant, vector, new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously));
        return _queue.Writer.TryWrite(op) ? op.Done.Task : Task.FromException<bool>(new ObjectDisposedException(nameof(LuceneImageSearchIndex)));
    }

    private async Task WriteLoopAsync()
    {
        var batch = new List<WriteOp>(MaxBatch);
        while (await _queue.Reader.WaitToReadAsync())
        {
            batch.Clear();
            while (batch.Count < MaxBatch && _queue.Reader.TryRead(out var op)) batch.Add(op);
            try
            {
                var written = Apply(batch);
                _writer.Commit();
                _searchers.MaybeRefreshBlocking();
                for (var i = 0; i < batch.Count; i++)
                    if (written[i]) _vectors.Set(batch[i].Tenant, batch[i].Uid.Text, batch[i].Vector);
                for (var i = 0; i < batch.Count; i++) batch[i].Done.TrySetResult(written[i]);
            }
            catch (Exception e)
            {
                foreach (var op in batch) op.Done.TrySetException(e);
            }
        }
    }

    // Version check against the newest of: this batch so far, else the index as last committed.
    private bool[] Apply(List<WriteOp> batch)
    {
        var inBatch = new Dictionary<string, long>();
        var written = new bool[batch.Count];
        var searcher = _searchers.Acquire();
        try
        {
            for (var i = 0; i < batch.Count; i++)
            {
                var op = batch[i];
                var key = op.Uid.Text;
                var current = inBatch.TryGetValue(key, out var v) ? v : IndexedVersion(searcher, op.Uid);
                if (current >= op.Version) continue;
                _writer.UpdateDocument(op.Uid, op.Document);
                inBatch[key] = op.Version;
                written[i] = true;
            }
        }
        finally { _searchers.Release(searcher); }
        return written;
    }

    private static long IndexedVersion(IndexSearcher searcher, Term uid)
    {
        var top = searcher.Search(new TermQuery(uid), 1);
        return top.TotalHits == 0 ? 0 : searcher.Doc(top.ScoreDocs[0].Doc).GetField(LuceneDocuments.Version)?.GetInt64Value() ?? 0;
    }

    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        await _loop;
        _searchers.Dispose();
        _vectors.Dispose();
        _writer.Dispose();
        _analyzer.Dispose();
        _directory.Dispose();
    }
}
