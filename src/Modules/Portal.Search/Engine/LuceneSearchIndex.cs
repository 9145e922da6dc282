using System.Globalization;
using System.Text.RegularExpressions;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Miscellaneous;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;
using Portal.Core.Hosting;
using LuceneDirectory = Lucene.Net.Store.Directory;

namespace Portal.Search.Engine;

/// <summary>
/// The search index of one culture: writes documents, and answers a <see cref="SearchQuery"/> with hits and
/// disjunctive facet counts in one pass over the matches. Thread-safe: one writer, searchers refreshed after writes.
/// </summary>
public sealed partial class LuceneSearchIndex : IDisposable
{
    public const string FacetPrefix = "f.";
    public const string TypeFacet = "type";
    internal const string IdField = "id";
    internal const string TitleField = "t";
    internal const string TextField = "x";
    /// <summary>The labels of the terms that tag the item, in every language.</summary>
    internal const string LabelsField = "k";
    internal const string WordsField = "words";
    internal const string SuggestField = "sugg";
    internal const string LatitudeField = "lat";
    internal const string LongitudeField = "lon";
    internal const string VerifiedField = "verified";
    internal const string SortTitleField = "sorttitle";
    /// <summary>The item's language when it is not the index's: stored, and 1 in a doc value that ranks it after the index's own.</summary>
    internal const string OtherCultureField = "otherlang";
    /// <summary>What a map marker shows, in one uncompressed doc value: id, type, title, url, then each stored short text.</summary>
    internal const string MarkerField = "marker";
    /// <summary>The summary again as a doc value: a page of hits reads it without decompressing stored fields.</summary>
    internal const string SummaryField = "summarydv";
    /// <summary>Longer summaries than this are read from the stored fields (doc values keep short values).</summary>
    private const int SummaryValueLimit = 16_000;
    private const char Separator = '\u001f';
    private const string CursorKey = "cursor";
    /// <summary>Hits beyond this rank are not served (page × pageSize): deep pages are for crawlers, not people.</summary>
    public const int MaxRank = 10_000;

    private readonly IndexWriter _writer;
    private readonly SearcherManager _searchers;
    private readonly PortalAnalyzer _words;
    private readonly IReadOnlyList<string> _stored;

    public string Culture { get; }
    public PortalAnalyzer Analyzer { get; }
    /// <summary>The same analysis without stemming, for prefixes, fuzzy matching and marking.</summary>
    internal PortalAnalyzer Words => _words;
    /// <summary>The last content change applied, stored in the index's own commit so that both move together.</summary>
    public long Cursor { get; private set; }

    /// <param name="create">true starts an empty index; false opens an existing one and fails when there is none.</param>
    /// <param name="storedFields">The names of the short texts stored with each document, in the order markers keep them.</param>
    public LuceneSearchIndex(LuceneDirectory directory, string culture, bool create, IReadOnlyList<string>? storedFields = null)
    {
        Culture = culture;
        _stored = storedFields ?? [];
        Analyzer = new PortalAnalyzer(culture, stem: true);
        _words = new PortalAnalyzer(culture, stem: false);
        var analyzer = new PerFieldAnalyzerWrapper(Analyzer, new Dictionary<string, Analyzer> { [WordsField] = _words });
        var config = new IndexWriterConfig(PortalAnalyzer.Version, analyzer)
        {
            OpenMode = create ? OpenMode.CREATE : OpenMode.APPEND,
            RAMBufferSizeMB = 64,
        };
        _writer = new IndexWriter(directory, config);
        try
        {
            if (create) _writer.Commit();
            Cursor = _writer.CommitData.TryGetValue(CursorKey, out var c) && long.TryParse(c, CultureInfo.InvariantCulture, out var n) ? n : 0;
            _searchers = new SearcherManager(_writer, true, new TieredSearcherFactory());
            // Read every segment once: a damaged file shows here rather than in a visitor's search.
            var searcher = _searchers.Acquire();
            try
            {
                foreach (var leaf in searcher.IndexReader.Leaves) SegmentColumns.For(leaf.AtomicReader);
            }
            finally { _searchers.Release(searcher); }
        }
        catch
        {
            _writer.Dispose();
            throw;
        }
    }

    public int Count
    {
        get
        {
            var searcher = _searchers.Acquire();
            try { return searcher.IndexReader.NumDocs; }
            finally { _searchers.Release(searcher); }
        }
    }

    // ---------------------------------------------------------------- writing

    public void Upsert(SearchDocument document) => _writer.UpdateDocument(new Term(IdField, document.Id), ToLucene(document));

    public void Add(SearchDocument document) => _writer.AddDocument(ToLucene(document));

    public void Delete(string id) => _writer.DeleteDocuments(new Term(IdField, id));

    /// <summary>Makes the writes durable with the cursor they reach, and visible to the next searches.</summary>
    public void Commit(long cursor)
    {
        _writer.SetCommitData(new Dictionary<string, string> { [CursorKey] = cursor.ToString(CultureInfo.InvariantCulture) });
        _writer.Commit();
        Cursor = cursor;
        _searchers.MaybeRefreshBlocking();
    }

    /// <summary>After a full build: fewer, larger segments answer faster.</summary>
    public void Optimize() => _writer.ForceMerge(1);

    [GeneratedRegex(@"\b(\p{L}+)[-‐](\p{L}+)\b")]
    private static partial Regex Hyphenated();

    private Document ToLucene(SearchDocument d)
    {
        var doc = new Document
        {
            new StringField(IdField, d.Id, Field.Store.YES),
            new StoredField("type", d.Type),
            new StoredField("title", d.Title),
            new StoredField("url", d.Url),
            new TextField(TitleField, d.Title, Field.Store.NO),
        };
        // "Haus-Notruf" is also indexed as "Hausnotruf", "porte-à-porte" as "porteàporte": either spelling finds it.
        var text = d.Labels.Length == 0 ? d.Title + "\n" + d.Text : d.Title + "\n" + d.Text + "\n" + d.Labels;
        var joined = string.Join(' ', Hyphenated().Matches(text).Select(m => m.Groups[1].Value + m.Groups[2].Value));
        doc.Add(new TextField(TextField, joined.Length == 0 ? d.Text : d.Text + "\n" + joined, Field.Store.NO));
        if (d.Labels.Length > 0) doc.Add(new TextField(LabelsField, d.Labels, Field.Store.NO));
        doc.Add(new TextField(WordsField, joined.Length == 0 ? text : text + "\n" + joined, Field.Store.NO));
        foreach (var word in TextFolding.Words(text).Where(w => w.Length >= 3 && !w.All(char.IsAsciiDigit)).Select(w => w.ToLowerInvariant()).Distinct())
            doc.Add(new StringField(SuggestField, TextFolding.Fold(word) + "|" + word, Field.Store.NO));
        if (d.Summary is { Length: > 0 }) doc.Add(new StoredField("summary", d.Summary));
        // "\0" says "longer than a doc value holds: read the stored field".
        doc.Add(new BinaryDocValuesField(SummaryField, new BytesRef(d.Summary is { Length: > SummaryValueLimit } ? "\0" : d.Summary ?? "")));
        foreach (var name in _stored)
            if (d.Stored.GetValueOrDefault(name) is { Length: > 0 } stored) doc.Add(new StoredField(name, stored));
        var lat = d.Latitude ?? double.NaN;
        var lon = d.Longitude ?? double.NaN;
        doc.Add(new DoubleDocValuesField(LatitudeField, lat));
        doc.Add(new DoubleDocValuesField(LongitudeField, lon));
        if (d.Latitude is not null && d.Longitude is not null)
        {
            doc.Add(new StoredField("lat", lat));
            doc.Add(new StoredField("lon", lon));
        }
        var verified = d.LastVerified?.Ticks ?? 0;
        doc.Add(new NumericDocValuesField(VerifiedField, verified));
        if (verified != 0) doc.Add(new StoredField(VerifiedField, verified));
        doc.Add(new SortedDocValuesField(SortTitleField, new BytesRef(TextFolding.Fold(d.Title))));
        var other = d.Culture.Length > 0 && d.Culture != Culture ? d.Culture : "";
        if (other.Length > 0) doc.Add(new StoredField(OtherCultureField, other));
        doc.Add(new NumericDocValuesField(OtherCultureField, other.Length > 0 ? 1 : 0));
        doc.Add(new BinaryDocValuesField(MarkerField, new BytesRef(string.Join(Separator, [d.Id, d.Type, d.Title, d.Url, other, .. _stored.Select(n => d.Stored.GetValueOrDefault(n) ?? "")]))));
        doc.Add(new SortedSetDocValuesField(FacetPrefix + TypeFacet, new BytesRef(d.Type)));
        foreach (var (facet, values) in d.Facets)
        {
            if (facet == TypeFacet) continue;
            foreach (var value in values.Distinct(StringComparer.Ordinal))
                doc.Add(new SortedSetDocValuesField(FacetPrefix + facet, new BytesRef(value)));
        }
        return doc;
    }

    // ---------------------------------------------------------------- searching

    /// <summary>
    /// The hits and facet counts of a query, from the answers kept for the index's present state when it was asked
    /// already (see <see cref="AnswerCache{T}"/>). The result is shared: its readers never change it.
    /// </summary>
    public SearchResult Search(SearchQuery query)
    {
        var searcher = _searchers.Acquire();
        try { return Answer(_searches, searcher, () => AnswerKey.Of(query, "s"), () => SearchRelaxing(searcher, query)); }
        finally { _searchers.Release(searcher); }
    }

    /// <summary>
    /// The answers kept per culture: a few hundred distinct searches (a page of hits and the counts, some KB each), and
    /// fewer maps (up to the cluster threshold's points each).
    /// </summary>
    private readonly AnswerCache<SearchResult> _searches = new(512);
    private readonly AnswerCache<MapResult> _maps = new(64);

    /// <summary>Whether answers are kept (true by default); false answers every question anew, as for a question never asked.</summary>
    public bool KeepAnswers { get; init; } = true;

    /// <summary>The state of the index a searcher reads (its reader's version, which only grows); -1 when unknown (nothing kept).</summary>
    private static long VersionOf(IndexSearcher searcher) => searcher.IndexReader is DirectoryReader directory ? directory.Version : -1;

    /// <summary>The answer kept for the question when answers are kept, otherwise computed anew.</summary>
    private T Answer<T>(AnswerCache<T> kept, IndexSearcher searcher, Func<AnswerKey> question, Func<T> compute) where T : class =>
        KeepAnswers ? kept.GetOrAdd(VersionOf(searcher), question(), compute) : compute();

    private SearchResult Run(IndexSearcher searcher, SearchQuery query, TextQuery text, IReadOnlyList<SearchRelaxation> relaxations, string? correction)
    {
        var pageSize = Math.Clamp(query.PageSize, 1, 100);
        var page = Math.Max(1, query.Page);
        var wanted = (int)Math.Min((long)page * pageSize, MaxRank);
        var collector = new FacetingCollector(query, wanted);
        searcher.Search(text.Query ?? new MatchAllDocsQuery(), collector);
        var ranked = collector.Ranked();
        var hits = new List<SearchHit>(pageSize);
        var leaves = searcher.IndexReader.Leaves;
        var bytes = new BytesRef();
        foreach (var r in ranked.Skip(QueryValues.Offset(page, pageSize)).Take(pageSize))
        {
            // A page of hits from the doc values (plain reads); the stored fields (a compressed block to inflate per
            // hit) only for an index written before the summaries had their doc value.
            var leaf = leaves[ReaderUtil.SubIndex(r.Doc, leaves)];
            var local = r.Doc - leaf.DocBase;
            var reader = leaf.AtomicReader;
            var summaries = reader.GetBinaryDocValues(SummaryField);
            var markers = reader.GetBinaryDocValues(MarkerField);
            string? summary = null;
            if (summaries is not null)
            {
                summaries.Get(local, bytes);
                summary = bytes.Length == 1 && bytes.Bytes[bytes.Offset] == 0 ? null : bytes.Length == 0 ? "" : bytes.Utf8ToString();
            }
            if (summaries is null || markers is null || summary is null)
            {
                hits.Add(StoredHit(searcher.Doc(r.Doc), r, query, text));
                continue;
            }
            markers.Get(local, bytes);
            var parts = Marker(bytes);
            var columns = SegmentColumns.For(reader);
            var lat = columns.Latitude[local];
            var lon = columns.Longitude[local];
            var located = !double.IsNaN(lat) && !double.IsNaN(lon);
            hits.Add(Hit(parts[0], parts[1], parts[2], parts[3], StoredOf(parts),
                located ? lat : null, located ? lon : null, columns.Verified[local], parts[4], summary, r, query, text));
        }
        return new SearchResult
        {
            Total = collector.Total, OwnTotal = collector.OwnTotal, Page = page, PageSize = pageSize, Hits = hits, FacetCounts = collector.Counts, Fuzzy = text.Fuzzy,
            FarthestKm = query.Near is null ? null : Math.Round(collector.Farthest, 2),
            Relaxations = relaxations, Correction = correction,
        };
    }

    /// <summary>The values callers keep per state of the index (<see cref="Memo{T}"/>): few, under fixed keys.</summary>
    private readonly AnswerCache<object> _memos = new(64);

    /// <summary>
    /// A value computed from the index as it is now (a block's few entries out of the whole directory), kept under
    /// <paramref name="key"/> and computed again only once the index has changed: its cost then no longer grows with
    /// the directory on every page. The keys are the caller's own, few and fixed (never from a request).
    /// </summary>
    public T Memo<T>(string key, Func<LuceneSearchIndex, T> compute)
    {
        var searcher = _searchers.Acquire();
        try { return (T)_memos.GetOrAdd(VersionOf(searcher), new AnswerKey(key, null), () => compute(this)!); }
        finally { _searchers.Release(searcher); }
    }

    /// <summary>
    /// How many entries have a position (what the home page's map teaser says): counted over the segments' coordinate
    /// columns once per state of the index, then read from memory until the index changes.
    /// </summary>
    public int LocatedCount() => Memo("located", index =>
    {
        var searcher = index._searchers.Acquire();
        try
        {
            var count = 0;
            foreach (var leaf in searcher.IndexReader.Leaves)
            {
                var columns = SegmentColumns.For(leaf.AtomicReader);
                var live = leaf.AtomicReader.LiveDocs;
                var latitude = columns.Latitude;
                for (var d = 0; d < columns.MaxDoc; d++)
                    if (!double.IsNaN(latitude[d]) && (live is null || live.Get(d))) count++;
            }
            return count;
        }
        finally { index._searchers.Release(searcher); }
    });

    private SearchHit StoredHit(Document doc, Ranked r, SearchQuery query, TextQuery text) =>
        Hit(doc.Get(IdField), doc.Get("type"), doc.Get("title"), doc.Get("url"), StoredOf(name => doc.Get(name)),
            doc.GetField("lat")?.GetDoubleValue(), doc.GetField("lon")?.GetDoubleValue(), doc.GetField(VerifiedField)?.GetInt64Value() ?? 0,
            doc.Get(OtherCultureField), doc.Get("summary"), r, query, text);

    private SearchHit Hit(string id, string type, string title, string url, Dictionary<string, string> stored, double? latitude, double? longitude,
        long verified, string? otherCulture, string? summary, Ranked r, SearchQuery query, TextQuery text) => new()
    {
        Id = id, Type = type, Title = title, Url = url, Stored = stored, Latitude = latitude, Longitude = longitude,
        DistanceKm = query.Near is null || double.IsNaN(r.Distance) ? null : Math.Round(r.Distance, 2),
        LastVerified = verified != 0 ? new DateTime(verified, DateTimeKind.Utc) : null,
        OtherCulture = otherCulture is { Length: > 0 } ? otherCulture : null,
        Score = r.Score,
        Snippet = summary is { Length: > 0 } ? Snippets.Make(summary, text, Analyzer, _words) : [],
    };

    /// <summary>
    /// Every hit of a query placed on a map: the points themselves when there are at most <paramref name="threshold"/>,
    /// otherwise one cluster per cell of a grid of about 64 screen pixels at <paramref name="zoom"/> (Web Mercator),
    /// placed at its points' mean position. Hits without a position are counted apart.
    /// </summary>
    public MapResult Map(SearchQuery query, int zoom, int threshold)
    {
        var searcher = _searchers.Acquire();
        try { return Answer(_maps, searcher, () => AnswerKey.Of(query, "m", zoom, threshold), () => Map(searcher, query, zoom, threshold)); }
        finally { _searchers.Release(searcher); }
    }

    private MapResult Map(IndexSearcher searcher, SearchQuery query, int zoom, int threshold)
    {
        // 4 cells of 64 px across a 256 px tile: 2^(zoom + 2) across the world. Cells are counted as the hits are
        // found; the points themselves are kept only while they may still be few enough to send.
        var collector = CollectRelaxing(searcher, query, threshold + 1, Math.Clamp(zoom, 0, 20) + 2);
        if (collector.Located <= threshold)
        {
            var points = collector.Points!;
            var list = new List<MapPoint>(points.Count);
            var leaves = searcher.IndexReader.Leaves;
            var markers = leaves.Select(l => l.AtomicReader.GetBinaryDocValues(MarkerField)).ToArray();
            var bytes = new BytesRef();
            foreach (var (doc, lat, lon) in points)
            {
                var leaf = ReaderUtil.SubIndex(doc, leaves);
                if (markers[leaf] is not { } values) continue;
                values.Get(doc - leaves[leaf].DocBase, bytes);
                var parts = Marker(bytes);
                list.Add(new MapPoint(parts[0], parts[1], parts[2], parts[3], StoredOf(parts), lat, lon, parts[4].Length > 0 ? parts[4] : null));
            }
            return new MapResult(collector.Total, collector.Unlocated, list, []);
        }
        return new MapResult(collector.Total, collector.Unlocated, [],
            collector.Cells!.Values.Select(c => new MapCluster(c.Latitude / c.Count, c.Longitude / c.Count, c.Count)).ToList());
    }

    /// <summary>A hit's marker column: id, type, title, address, other language, then the stored texts in declared order.</summary>
    private static string[] Marker(BytesRef bytes) => System.Text.Encoding.UTF8.GetString(bytes.Bytes, bytes.Offset, bytes.Length).Split(Separator);

    /// <summary>The stored texts of a marker column (those given, by name).</summary>
    private Dictionary<string, string> StoredOf(string[] marker)
    {
        var stored = new Dictionary<string, string>(Math.Max(0, Math.Min(_stored.Count, marker.Length - 5)), StringComparer.Ordinal);
        for (var i = 0; i < _stored.Count && 5 + i < marker.Length; i++)
            if (marker[5 + i] is { Length: > 0 } value) stored[_stored[i]] = value;
        return stored;
    }

    private Dictionary<string, string> StoredOf(Func<string, string?> read)
    {
        var stored = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var name in _stored)
            if (read(name) is { Length: > 0 } value) stored[name] = value;
        return stored;
    }

    private static FacetingCollector Collect(IndexSearcher searcher, SearchQuery query, TextQuery text, int pointLimit, int gridBits)
    {
        var counting = new SearchQuery
        {
            Text = query.Text, Filters = query.Filters, Box = query.Box, Near = query.Near, Sort = SearchSort.Relevance, Facets = [],
        };
        var collector = new FacetingCollector(counting, 1, collectPoints: true, rank: false, pointLimit, gridBits);
        searcher.Search(text.Query ?? new MatchAllDocsQuery(), collector);
        return collector;
    }

    /// <summary>Completions of the last word typed, most frequent first, with accents as written in the items.</summary>
    public IReadOnlyList<Suggestion> Suggest(string typed, int limit = 10)
    {
        var words = TextFolding.Words(typed).ToList();
        if (words.Count == 0 || char.IsWhiteSpace(typed[^1])) return [];
        var last = TextFolding.Fold(words[^1]);
        if (last.Length < 2) return [];
        var before = typed[..typed.LastIndexOf(words[^1], StringComparison.Ordinal)];
        var searcher = _searchers.Acquire();
        try
        {
            var terms = MultiFields.GetTerms(searcher.IndexReader, SuggestField);
            if (terms is null) return [];
            var forms = new Dictionary<string, (string Display, int Count, int Total)>(StringComparer.Ordinal);
            var e = terms.GetEnumerator();
            if (e.SeekCeil(new BytesRef(last)) == TermsEnum.SeekStatus.END) return [];
            var scanned = 0;
            do
            {
                var term = e.Term.Utf8ToString();
                if (!term.StartsWith(last, StringComparison.Ordinal)) break;
                var bar = term.IndexOf('|');
                var folded = term[..bar];
                var display = term[(bar + 1)..];
                var freq = e.DocFreq;
                forms[folded] = forms.TryGetValue(folded, out var f)
                    ? (freq > f.Count ? display : f.Display, Math.Max(freq, f.Count), f.Total + freq)
                    : (display, freq, freq);
            } while (++scanned < 5000 && e.MoveNext());
            return forms.Values.OrderByDescending(f => f.Total).ThenBy(f => f.Display, StringComparer.Ordinal).Take(limit)
                .Select(f => new Suggestion(before + f.Display, f.Total)).ToList();
        }
        finally { _searchers.Release(searcher); }
    }

    public void Dispose()
    {
        _searchers.Dispose();
        try { _writer.Dispose(); }
        catch (DirectoryNotFoundException)
        {
            // The index's folder was removed under it (a restore drops the index so the next start rebuilds it from
            // the database): there is nothing left to commit into, and nothing is lost.
        }
    }
}
