using Microsoft.Data.Sqlite;
using Portal.Search.Engine;

namespace Portal.Benchmarks;

/// <summary>
/// The baseline: the same corpus in SQLite with an FTS5 index (unicode61, accents removed), facet values in a table
/// indexed by (facet, value, item), and the same answer computed the way an application on SQLite would: a count,
/// the first page, and for each facet a GROUP BY over the matches with every other facet's filter applied.
/// In memory, so the baseline does not pay for disk.
/// </summary>
public sealed class SqliteBaseline : IDisposable
{
    private readonly SqliteConnection _connection = new("Data Source=:memory:");

    public SqliteBaseline()
    {
        _connection.Open();
        _connection.CreateFunction("dist", (double lat1, double lon1, double lat2, double lon2) => GeoCircle.DistanceKm(lat1, lon1, lat2, lon2), isDeterministic: true);
        Execute("""
            CREATE TABLE items(id INTEGER PRIMARY KEY, key TEXT NOT NULL, culture TEXT NOT NULL, type TEXT NOT NULL, title TEXT NOT NULL, lat REAL, lon REAL, verified INTEGER);
            CREATE VIRTUAL TABLE items_fts USING fts5(title, text, content='', tokenize='unicode61 remove_diacritics 2');
            CREATE TABLE facets(item INTEGER NOT NULL, facet TEXT NOT NULL, value TEXT NOT NULL);
            """);
    }

    public long SizeBytes => (long)Scalar("PRAGMA page_count") * (long)Scalar("PRAGMA page_size");

    public void Load(IEnumerable<CorpusItem> items)
    {
        using var transaction = _connection.BeginTransaction();
        using var item = Command("INSERT INTO items(id, key, culture, type, title, lat, lon, verified) VALUES ($id, $key, $culture, $type, $title, $lat, $lon, $verified)");
        using var fts = Command("INSERT INTO items_fts(rowid, title, text) VALUES ($id, $title, $text)");
        using var facet = Command("INSERT INTO facets(item, facet, value) VALUES ($id, $facet, $value)");
        var id = 0L;
        foreach (var source in items)
        {
            id++;
            Run(item, ("$id", id), ("$key", source.Id), ("$culture", source.Culture), ("$type", source.Type), ("$title", source.Title),
                ("$lat", (object?)source.Lat ?? DBNull.Value), ("$lon", (object?)source.Lon ?? DBNull.Value), ("$verified", source.Verified.Ticks));
            Run(fts, ("$id", id), ("$title", source.Title), ("$text", source.Text));
            Run(facet, ("$id", id), ("$facet", "type"), ("$value", source.Type));
            foreach (var (name, values) in source.Facets)
                foreach (var value in values) Run(facet, ("$id", id), ("$facet", name), ("$value", value));
        }
        transaction.Commit();
        Execute("""
            CREATE INDEX facets_by_value ON facets(facet, value, item);
            CREATE INDEX facets_by_item ON facets(item, facet, value);
            CREATE INDEX items_by_place ON items(culture, lat, lon);
            ANALYZE;
            """);
    }

    public sealed record Answer(int Total, List<string> Top, Dictionary<string, Dictionary<string, int>> Facets);

    public Answer Search(BenchQuery query)
    {
        var parameters = new List<(string, object)> { ("$c", query.Culture) };
        var match = Match(query.Q);
        if (match is not null) parameters.Add(("$m", match));
        var filters = new Dictionary<string, List<string>>(query.Filters);
        if (query.Types.Count > 0) filters["type"] = query.Types;
        var valueIndex = 0;
        var facetClauses = new Dictionary<string, string>();
        foreach (var (facet, values) in filters)
        {
            var names = values.Select(v => { var n = "$v" + valueIndex++; parameters.Add((n, v)); return n; }).ToList();
            var f = "$f" + valueIndex++;
            parameters.Add((f, facet));
            facetClauses[facet] = $"i.id IN (SELECT item FROM facets WHERE facet = {f} AND value IN ({string.Join(", ", names)}))";
        }
        if (query.Box is { } box)
            parameters.AddRange([("$minLat", box.MinLat), ("$maxLat", box.MaxLat), ("$minLon", box.MinLon), ("$maxLon", box.MaxLon)]);
        if (query.Near is { } near)
        {
            var b = near.Bounds();
            parameters.AddRange([("$nLat", near.Latitude), ("$nLon", near.Longitude), ("$r", near.RadiusKm),
                ("$bMinLat", b.MinLat), ("$bMaxLat", b.MaxLat), ("$bMinLon", b.MinLon), ("$bMaxLon", b.MaxLon)]);
        }

        string Matches(string? without)
        {
            var where = new List<string> { "i.culture = $c" };
            if (match is not null) where.Add("i.id IN (SELECT rowid FROM items_fts WHERE items_fts MATCH $m)");
            if (query.Box is not null) where.Add("i.lat BETWEEN $minLat AND $maxLat AND i.lon BETWEEN $minLon AND $maxLon");
            if (query.Near is not null) where.Add("i.lat BETWEEN $bMinLat AND $bMaxLat AND i.lon BETWEEN $bMinLon AND $bMaxLon AND dist(i.lat, i.lon, $nLat, $nLon) <= $r");
            where.AddRange(facetClauses.Where(c => c.Key != without).Select(c => c.Value));
            return "SELECT i.id FROM items i WHERE " + string.Join(" AND ", where);
        }

        var total = Convert.ToInt32(Scalar($"SELECT COUNT(*) FROM ({Matches(null)})", parameters));
        string topSql = query.Near is not null
            ? $"SELECT i.key FROM items i WHERE i.id IN ({Matches(null)}) ORDER BY dist(i.lat, i.lon, $nLat, $nLon) LIMIT 20"
            : match is not null
                ? $"SELECT i.key FROM items_fts JOIN items i ON i.id = items_fts.rowid WHERE items_fts MATCH $m AND i.id IN ({Matches(null)}) ORDER BY items_fts.rank LIMIT 20"
                : $"SELECT i.key FROM items i WHERE i.id IN ({Matches(null)}) ORDER BY i.title LIMIT 20";
        var top = new List<string>();
        using (var command = Command(topSql, parameters))
        using (var reader = command.ExecuteReader())
            while (reader.Read()) top.Add(reader.GetString(0));

        var facets = new Dictionary<string, Dictionary<string, int>>();
        foreach (var facet in Corpus.FacetNames)
        {
            var counts = new Dictionary<string, int>();
            using var command = Command($"SELECT value, COUNT(*) FROM facets WHERE facet = $facet AND item IN ({Matches(facet)}) GROUP BY value", parameters);
            command.Parameters.AddWithValue("$facet", facet);
            using var reader = command.ExecuteReader();
            while (reader.Read()) counts[reader.GetString(0)] = reader.GetInt32(1);
            facets[facet] = counts;
        }
        return new Answer(total, top, facets);
    }

    /// <summary>Every word must match (quoted, so FTS5 gives no character a meaning); the last one as a prefix, as ours does.</summary>
    private static string? Match(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        var parts = new List<string>();
        var phrases = System.Text.RegularExpressions.Regex.Matches(text, "\"([^\"]+)\"").Select(m => m.Groups[1].Value).ToList();
        var rest = System.Text.RegularExpressions.Regex.Replace(text, "\"[^\"]*\"", " ").Replace("\"", " ");
        var words = rest.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        for (var i = 0; i < words.Length; i++) parts.Add("\"" + words[i] + "\"" + (i == words.Length - 1 && !char.IsWhiteSpace(text[^1]) && text[^1] != '"' ? "*" : ""));
        parts.AddRange(phrases.Select(p => "\"" + p + "\""));
        return parts.Count == 0 ? null : string.Join(" ", parts);
    }

    private void Execute(string sql)
    {
        using var command = Command(sql);
        command.ExecuteNonQuery();
    }

    private object Scalar(string sql, IEnumerable<(string, object)>? parameters = null)
    {
        using var command = Command(sql, parameters);
        return command.ExecuteScalar()!;
    }

    private SqliteCommand Command(string sql, IEnumerable<(string Name, object Value)>? parameters = null)
    {
        var command = _connection.CreateCommand();
        command.CommandText = sql;
        if (parameters is not null) foreach (var (name, value) in parameters) command.Parameters.AddWithValue(name, value);
        return command;
    }

    private static void Run(SqliteCommand command, params (string Name, object Value)[] values)
    {
        command.Parameters.Clear();
        foreach (var (name, value) in values) command.Parameters.AddWithValue(name, value);
        command.ExecuteNonQuery();
    }

    public void Dispose() => _connection.Dispose();
}
