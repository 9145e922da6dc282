using Lucene.Net.Index;
using Lucene.Net.Search;

namespace Portal.Search.Engine;

/// <summary>
/// One pass over the documents the words match. A document outside the map area is dropped. Otherwise it either
/// passes every facet filter (a hit: ranked, and counted in every facet), fails exactly one (counted in that facet
/// only, which makes the counts disjunctive: ticking "visuel" still shows how many "auditif" there are), or fails
/// more (ignored).
/// </summary>
internal sealed class FacetingCollector : ICollector
{
    private readonly SearchQuery _query;
    private readonly int _wanted;
    private readonly string[] _active;          // facets with a filter
    private readonly HashSet<string>[] _selected;
    private readonly string[] _counted;         // facets to count
    private readonly BoundingBox? _box;
    private readonly PriorityQueue<Ranked, Ranked> _top;
    private readonly Dictionary<string, Dictionary<string, int>> _counts = new(StringComparer.Ordinal);

    private Scorer? _scorer;
    private SegmentColumns _columns = null!;
    private int _docBase;
    private FacetColumn?[] _activeColumns = [];
    private bool[][] _activeOrds = [];
    private FacetColumn?[] _countedColumns = [];
    private int[][] _segmentCounts = [];
    private int[] _activeToCounted = [];

    public int Total { get; private set; }
    /// <summary>The matches in the index's own language (the others are another language's only version).</summary>
    public int OwnTotal { get; private set; }
    /// <summary>With a point to measure from: the distance of the farthest hit, in km (0 when none).</summary>
    public double Farthest { get; private set; }
    /// <summary>With points collected: the hits that have a position (global doc, latitude, longitude), up to the limit given.</summary>
    public List<(int Doc, double Latitude, double Longitude)>? Points { get; }
    /// <summary>With points collected: how many hits have a position (all of them, even past the points' limit).</summary>
    public int Located { get; private set; }
    /// <summary>
    /// With a grid given: the located hits per cell of the Web Mercator grid (cell key → count and the sums of their
    /// coordinates), gathered as the hits are found.
    /// </summary>
    public Dictionary<long, (int Count, double Latitude, double Longitude)>? Cells { get; }
    /// <summary>With points collected: the matches without a position (hits when there is no area; outside the hits when there is one).</summary>
    public int Unlocated { get; private set; }
    public IReadOnlyDictionary<string, Dictionary<string, int>> Counts
    {
        get
        {
            Flush();
            return _counts;
        }
    }

    private readonly bool _rank = true;
    private readonly int _pointLimit = int.MaxValue;
    private readonly int _cellShift;

    /// <param name="collectPoints">Keep the located hits (see <see cref="Points"/>).</param>
    public FacetingCollector(SearchQuery query, int wanted, bool collectPoints = false) : this(query, wanted, collectPoints, true, int.MaxValue, null)
    {
    }

    /// <summary>
    /// For a map: the located hits kept up to <paramref name="pointLimit"/>, every one counted into the cells of a grid of
    /// 2^<paramref name="gridBits"/> cells across the world when given, and no ranking when <paramref name="rank"/> is false.
    /// </summary>
    public FacetingCollector(SearchQuery query, int wanted, bool collectPoints, bool rank, int pointLimit, int? gridBits)
    {
        if (collectPoints) Points = new List<(int, double, double)>(Math.Min(pointLimit, 1024));
        _rank = rank;
        _pointLimit = pointLimit;
        if (gridBits is { } bits)
        {
            _cellShift = 32 - Math.Clamp(bits, 1, 31);
            Cells = new Dictionary<long, (int, double, double)>();
        }
        _query = query;
        _wanted = Math.Max(1, wanted);
        var filters = query.Filters.Where(f => f.Value.Count > 0).OrderBy(f => f.Key, StringComparer.Ordinal).ToList();
        _active = filters.Select(f => f.Key).ToArray();
        _selected = filters.Select(f => f.Value).ToArray();
        _counted = query.Facets.Distinct(StringComparer.Ordinal).ToArray();
        foreach (var facet in _counted) _counts[facet] = new Dictionary<string, int>(StringComparer.Ordinal);
        _box = query.Near is { } near ? Intersect(query.Box, near.Bounds()) : query.Box;
        _top = new PriorityQueue<Ranked, Ranked>(_wanted + 1, new WorstFirst(query.Sort));
    }

    private static BoundingBox Intersect(BoundingBox? a, BoundingBox b) => a is not { } box ? b
        : new BoundingBox(Math.Max(box.MinLon, b.MinLon), Math.Max(box.MinLat, b.MinLat), Math.Min(box.MaxLon, b.MaxLon), Math.Min(box.MaxLat, b.MaxLat));

    public bool AcceptsDocsOutOfOrder => true;

    public void SetScorer(Scorer scorer) => _scorer = scorer;

    public void SetNextReader(AtomicReaderContext context)
    {
        Flush();
        _columns = SegmentColumns.For(context.AtomicReader);
        _docBase = context.DocBase;
        _activeColumns = new FacetColumn?[_active.Length];
        _activeOrds = new bool[_active.Length][];
        _activeToCounted = new int[_active.Length];
        for (var i = 0; i < _active.Length; i++)
        {
            _activeToCounted[i] = Array.IndexOf(_counted, _active[i]);
            if (!_columns.Facets.TryGetValue(_active[i], out var column)) continue;
            var ords = new bool[column.Values.Length];
            foreach (var value in _selected[i])
                if (column.OrdOf.TryGetValue(value, out var ord)) ords[ord] = true;
            _activeColumns[i] = column;
            _activeOrds[i] = ords;
        }
        _countedColumns = new FacetColumn?[_counted.Length];
        _segmentCounts = new int[_counted.Length][];
        for (var i = 0; i < _counted.Length; i++)
        {
            if (!_columns.Facets.TryGetValue(_counted[i], out var column)) continue;
            _countedColumns[i] = column;
            _segmentCounts[i] = new int[column.Values.Length];
        }
    }

    public void Collect(int doc)
    {
        var distance = double.NaN;
        if (_box is { } box)
        {
            var lat = _columns.Latitude[doc];
            var lon = _columns.Longitude[doc];
            if (double.IsNaN(lat))
            {
                // Not in any area; a map still says how many matching entries it cannot place.
                if (Points is not null && PassesEveryFacet(doc)) Unlocated++;
                return;
            }
            if (!box.Contains(lat, lon)) return;
            if (_query.Near is { } near)
            {
                distance = GeoCircle.DistanceKm(near.Latitude, near.Longitude, lat, lon);
                if (distance > near.RadiusKm) return;
            }
        }
        else if (_query.Near is { } near && !double.IsNaN(_columns.Latitude[doc]))
            distance = GeoCircle.DistanceKm(near.Latitude, near.Longitude, _columns.Latitude[doc], _columns.Longitude[doc]);

        var failed = -1;
        for (var i = 0; i < _activeColumns.Length; i++)
        {
            if (Matches(_activeColumns[i], _activeOrds[i], doc)) continue;
            if (failed >= 0) return; // fails two facets: counted nowhere
            failed = i;
        }
        if (failed >= 0)
        {
            var c = _activeToCounted[failed];
            if (c >= 0) Count(c, doc);
            return;
        }

        Total++;
        if (!_columns.OtherCulture[doc]) OwnTotal++;
        if (distance > Farthest) Farthest = distance;
        if (Points is not null)
        {
            var lat = _columns.Latitude[doc];
            if (double.IsNaN(lat)) Unlocated++;
            else
            {
                Located++;
                if (Points.Count < _pointLimit) Points.Add((_docBase + doc, lat, _columns.Longitude[doc]));
                if (Cells is not null)
                {
                    var key = ((long)(_columns.MercatorX[doc] >> _cellShift) << 32) | (_columns.MercatorY[doc] >> _cellShift);
                    ref var cell = ref System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(Cells, key, out _);
                    cell = (cell.Count + 1, cell.Latitude + lat, cell.Longitude + _columns.Longitude[doc]);
                }
            }
        }
        for (var c = 0; c < _countedColumns.Length; c++) Count(c, doc);
        if (!_rank) return;
        var ranked = new Ranked(_docBase + doc, _scorer?.GetScore() ?? 1f, distance, _columns.Verified[doc], _columns.Title[doc], _docBase, _columns.TitleOrd[doc], _columns.OtherCulture[doc]);
        if (_top.Count < _wanted) _top.Enqueue(ranked, ranked);
        else if (_top.Comparer.Compare(ranked, _top.Peek()) > 0) _top.DequeueEnqueue(ranked, ranked);
    }

    private bool PassesEveryFacet(int doc)
    {
        for (var i = 0; i < _activeColumns.Length; i++)
            if (!Matches(_activeColumns[i], _activeOrds[i], doc)) return false;
        return true;
    }

    private static bool Matches(FacetColumn? column, bool[]? selected, int doc)
    {
        if (column is null || selected is null) return false;
        var ords = column.Ords;
        for (int k = column.Start[doc], end = column.Start[doc + 1]; k < end; k++)
            if (selected[ords[k]]) return true;
        return false;
    }

    private void Count(int c, int doc)
    {
        var column = _countedColumns[c];
        if (column is null) return;
        var counts = _segmentCounts[c];
        var ords = column.Ords;
        for (int k = column.Start[doc], end = column.Start[doc + 1]; k < end; k++) counts[ords[k]]++;
    }

    private void Flush()
    {
        for (var c = 0; c < _countedColumns.Length; c++)
        {
            if (_countedColumns[c] is not { } column) continue;
            var counts = _segmentCounts[c];
            var target = _counts[_counted[c]];
            for (var o = 0; o < counts.Length; o++)
            {
                if (counts[o] == 0) continue;
                target[column.Values[o]] = target.GetValueOrDefault(column.Values[o]) + counts[o];
                counts[o] = 0;
            }
        }
    }

    /// <summary>The best hits, best first.</summary>
    public List<Ranked> Ranked()
    {
        var list = new List<Ranked>(_top.Count);
        while (_top.Count > 0) list.Add(_top.Dequeue());
        list.Reverse();
        return list;
    }

    /// <summary>Orders hits worst first, so that the queue's head is the one to drop.</summary>
    private sealed class WorstFirst(SearchSort sort) : IComparer<Ranked>
    {
        // Positive when a ranks better than b.
        public int Compare(Ranked a, Ranked b)
        {
            // The index's own language first, whatever the order: another language's items follow.
            if (a.OtherCulture != b.OtherCulture) return a.OtherCulture ? -1 : 1;
            var primary = sort switch
            {
                SearchSort.Relevance => a.Score.CompareTo(b.Score),
                SearchSort.Distance => Nearer(a.Distance, b.Distance),
                SearchSort.Updated => a.Verified.CompareTo(b.Verified),
                _ => 0,
            };
            if (primary != 0) return primary;
            // a before b alphabetically ranks better; within one segment the titles' ranks say it without reading them.
            var title = a.Segment == b.Segment ? b.TitleOrd.CompareTo(a.TitleOrd) : string.CompareOrdinal(b.Title, a.Title);
            if (title != 0) return title;
            return b.Doc.CompareTo(a.Doc);
        }

        private static int Nearer(double a, double b) => (double.IsNaN(a), double.IsNaN(b)) switch
        {
            (true, true) => 0,
            (true, false) => -1,
            (false, true) => 1,
            _ => b.CompareTo(a),
        };
    }
}

internal readonly record struct Ranked(int Doc, float Score, double Distance, long Verified, string Title, int Segment, int TitleOrd, bool OtherCulture = false);
