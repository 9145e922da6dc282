using System.Runtime.CompilerServices;
using Lucene.Net.Index;
using Lucene.Net.Util;

namespace Portal.Search.Engine;

/// <summary>
/// The doc values of one index segment read once into plain arrays (facet ordinals, coordinates, dates, titles), so
/// that counting every facet over every match is a loop over arrays. A segment never changes once written, so the
/// arrays live as long as the segment's core; deletions are applied by the searcher.
/// </summary>
internal sealed class SegmentColumns
{
    private static readonly ConditionalWeakTable<object, SegmentColumns> Cache = new();

    public required int MaxDoc { get; init; }
    public required Dictionary<string, FacetColumn> Facets { get; init; }
    public required double[] Latitude { get; init; }
    public required double[] Longitude { get; init; }
    public required long[] Verified { get; init; }
    public required string[] Title { get; init; }
    /// <summary>Each document's rank by folded title within the segment (ties share a rank): cheaper to compare than the titles.</summary>
    public required int[] TitleOrd { get; init; }
    /// <summary>Whether each document is another language's item (ranked after the index's own).</summary>
    public required bool[] OtherCulture { get; init; }
    /// <summary>
    /// Each located document's Web Mercator position as fractions of the world (0 west / north, 1 east / south) in 32
    /// bits: the map's grid cell at any zoom is a shift of these, without trigonometry per request.
    /// </summary>
    public required uint[] MercatorX { get; init; }
    public required uint[] MercatorY { get; init; }

    public static SegmentColumns For(AtomicReader reader) => Cache.GetValue(reader.CoreCacheKey, _ => Load(reader));

    private static SegmentColumns Load(AtomicReader reader)
    {
        var maxDoc = reader.MaxDoc;
        var facets = new Dictionary<string, FacetColumn>(StringComparer.Ordinal);
        foreach (var info in reader.FieldInfos)
        {
            if (!info.Name.StartsWith(LuceneSearchIndex.FacetPrefix, StringComparison.Ordinal) || !info.HasDocValues) continue;
            var values = reader.GetSortedSetDocValues(info.Name);
            if (values is null) continue;
            facets[info.Name[LuceneSearchIndex.FacetPrefix.Length..]] = FacetColumn.Load(values, maxDoc);
        }

        var latitude = Doubles(reader.GetNumericDocValues(LuceneSearchIndex.LatitudeField), maxDoc);
        var longitude = Doubles(reader.GetNumericDocValues(LuceneSearchIndex.LongitudeField), maxDoc);
        var verified = new long[maxDoc];
        if (reader.GetNumericDocValues(LuceneSearchIndex.VerifiedField) is { } v)
            for (var d = 0; d < maxDoc; d++) verified[d] = v.Get(d);
        var title = new string[maxDoc];
        var titleOrd = new int[maxDoc];
        if (reader.GetSortedDocValues(LuceneSearchIndex.SortTitleField) is { } sorted)
        {
            var names = new string[sorted.ValueCount];
            var bytes = new BytesRef();
            for (var o = 0; o < names.Length; o++)
            {
                sorted.LookupOrd(o, bytes);
                names[o] = bytes.Utf8ToString();
            }
            for (var d = 0; d < maxDoc; d++)
            {
                var ord = sorted.GetOrd(d);
                title[d] = ord < 0 ? "" : names[ord];
                titleOrd[d] = ord;
            }
        }
        else Array.Fill(title, "");
        var other = new bool[maxDoc];
        if (reader.GetNumericDocValues(LuceneSearchIndex.OtherCultureField) is { } others)
            for (var d = 0; d < maxDoc; d++) other[d] = others.Get(d) != 0;
        var mercatorX = new uint[maxDoc];
        var mercatorY = new uint[maxDoc];
        for (var d = 0; d < maxDoc; d++)
            if (!double.IsNaN(latitude[d]) && !double.IsNaN(longitude[d])) (mercatorX[d], mercatorY[d]) = Mercator(latitude[d], longitude[d]);
        return new SegmentColumns
        {
            MaxDoc = maxDoc, Facets = facets, Latitude = latitude, Longitude = longitude, Verified = verified, Title = title, TitleOrd = titleOrd, OtherCulture = other,
            MercatorX = mercatorX, MercatorY = mercatorY,
        };
    }

    /// <summary>A position in Web Mercator, each axis a fraction of the world in 32 bits (latitudes beyond ±85.05° at the edge).</summary>
    public static (uint X, uint Y) Mercator(double latitude, double longitude)
    {
        var x = (Math.Clamp(longitude, -180, 180) + 180) / 360;
        var sin = Math.Sin(Math.Clamp(latitude, -85.05, 85.05) * Math.PI / 180);
        var y = 0.5 - Math.Log((1 + sin) / (1 - sin)) / (4 * Math.PI);
        return (Fraction(x), Fraction(y));
    }

    private static uint Fraction(double value) => (uint)Math.Clamp(Math.Floor(value * 4294967296.0), 0, uint.MaxValue);

    private static double[] Doubles(NumericDocValues? values, int maxDoc)
    {
        var result = new double[maxDoc];
        if (values is null)
        {
            Array.Fill(result, double.NaN);
            return result;
        }
        for (var d = 0; d < maxDoc; d++) result[d] = BitConverter.Int64BitsToDouble(values.Get(d));
        return result;
    }
}

/// <summary>One facet's values per document in compressed rows: the ordinals of doc d are Ords[Start[d]..Start[d+1]].</summary>
internal sealed class FacetColumn
{
    public required int[] Start { get; init; }
    public required int[] Ords { get; init; }
    public required string[] Values { get; init; }
    public required Dictionary<string, int> OrdOf { get; init; }

    public static FacetColumn Load(SortedSetDocValues values, int maxDoc)
    {
        var start = new int[maxDoc + 1];
        var ords = new List<int>(maxDoc * 2);
        for (var d = 0; d < maxDoc; d++)
        {
            start[d] = ords.Count;
            values.SetDocument(d);
            long ord;
            while ((ord = values.NextOrd()) != SortedSetDocValues.NO_MORE_ORDS) ords.Add((int)ord);
        }
        start[maxDoc] = ords.Count;
        var names = new string[values.ValueCount];
        var bytes = new BytesRef();
        var ordOf = new Dictionary<string, int>(names.Length, StringComparer.Ordinal);
        for (var o = 0; o < names.Length; o++)
        {
            values.LookupOrd(o, bytes);
            names[o] = bytes.Utf8ToString();
            ordOf[names[o]] = o;
        }
        return new FacetColumn { Start = start, Ords = ords.ToArray(), Values = names, OrdOf = ordOf };
    }
}
