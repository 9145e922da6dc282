using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging;
using Portal.Core.Content;
using Portal.Core.Content.Fields;
using Portal.Core.Content.Parts;
using Portal.Core.Data;
using Portal.Directory;
using Portal.Taxonomies.Fields;
using Portal.Taxonomies.Models;
using Portal.Taxonomies.Services;

namespace Portal.ImportExport.Import;

/// <summary>
/// Imports Actors, Actions and AidantSupports from a spreadsheet. <see cref="PlanAsync"/> is the dry run: it reads
/// the file, maps the columns, checks every row as the editor would (plus taxonomy terms, coordinates, duplicates)
/// and says what each row would become, writing nothing. <see cref="ApplyAsync"/> plans again, then writes every row in
/// one database transaction, a batch at a time with a fresh change tracker, or none.
/// </summary>
public sealed class ImportService(
    Portal.Core.Localization.Cultures cultures,
    PortalDbContext db,
    SpreadsheetReader reader,
    ImportTargets targetCatalog,
    IContentManager contentManager,
    VocabularyStore vocabularies,
    IStringLocalizer<ImportService> T,
    ILogger<ImportService> logger)
{
    public static readonly string[] ImportableTypes = [DirectoryTypes.Actor, DirectoryTypes.Action, DirectoryTypes.AidantSupport];

    /// <summary>Reads the headers and proposes a mapping (or takes the given one).</summary>
    public Task<(ImportTable Table, ImportMapping Mapping, IReadOnlyList<ImportTarget> Targets)> PrepareAsync(string fileName, byte[] bytes, string contentType, ImportMapping? mapping) =>
        PrepareAsync(reader.Read(fileName, bytes), contentType, mapping);

    /// <summary>The same, for a file read once already (the back office keeps what it read at upload).</summary>
    public async Task<(ImportTable Table, ImportMapping Mapping, IReadOnlyList<ImportTarget> Targets)> PrepareAsync(ImportTable table, string contentType, ImportMapping? mapping)
    {
        var targets = await targetCatalog.ForAsync(contentType);
        var proposed = ImportTargets.Propose(contentType, table.Headers, targets);
        if (mapping is not null)
            foreach (var header in table.Headers.Where(h => h.Length > 0))
                proposed.Columns[header] = mapping.TargetOf(header) ?? "";
        proposed.Name = mapping?.Name ?? "";
        return (table, proposed, targets);
    }

    public Task<ImportReport> PlanAsync(string fileName, byte[] bytes, string contentType, ImportMapping? mapping, bool publish = false) =>
        PlanAsync(fileName, reader.Read(fileName, bytes), contentType, mapping, publish);

    public Task<ImportReport> PlanAsync(string fileName, ImportTable read, string contentType, ImportMapping? mapping, bool publish = false) =>
        PlanAsync(fileName, read, contentType, mapping, publish, null, CancellationToken.None);

    /// <summary>The dry run, saying every <see cref="ProgressStep"/> rows how many it has checked; stops when cancelled.</summary>
    public async Task<ImportReport> PlanAsync(string fileName, ImportTable read, string contentType, ImportMapping? mapping, bool publish, Action<int>? progress, CancellationToken cancellationToken)
    {
        if (!ImportableTypes.Contains(contentType))
            throw new ArgumentException($"Only {string.Join(", ", ImportableTypes)} can be imported.", nameof(contentType));
        var (table, fullMapping, targets) = await PrepareAsync(read, contentType, mapping);
        var report = new ImportReport { FileName = fileName, ContentType = contentType, Description = table.Description, Mapping = fullMapping, Table = table, Published = publish };
        report.Issues.AddRange(table.Problems);
        if (table.Problems.Any(p => p.Row == 0)) return report;

        var context = await ContextAsync(contentType, targets, fullMapping, table.Headers, report);
        if (report.Issues.Any(i => i.Row == 0 && i.Severity == ImportSeverity.Error)) return report;

        // Read once for every row: the definitions, the paths taken (see ContentWriteBatch).
        using var batch = contentManager.BeginBatch();
        var rowsWithReadingErrors = table.Problems.Where(p => p.Severity == ImportSeverity.Error).Select(p => p.Row).ToHashSet();
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        // A chunk of rows at a time: each row's cells converted and its existing item found by its keys, then the texts of
        // the items matched read in one query, then each row compared and checked. No item's text is kept longer.
        var drafted = 0;
        foreach (var chunk in table.Rows.Chunk(PlanChunk))
        {
            var drafts = new List<RowDraft>(chunk.Length);
            foreach (var row in chunk)
            {
                if (drafted++ % ProgressStep == 0)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    progress?.Invoke(report.Rows.Count + drafts.Count);
                }
                drafts.Add(await DraftRowAsync(row, context, seen));
            }
            var matched = drafts.Where(d => d.Match is not null).Select(d => d.Match!.ContentItemId).Distinct().ToList();
            var latest = matched.Count == 0 ? [] : await db.ContentItems.AsNoTracking().Where(i => matched.Contains(i.ContentItemId) && i.Latest)
                .ToDictionaryAsync(i => i.ContentItemId, StringComparer.Ordinal, cancellationToken);
            foreach (var draft in drafts)
            {
                var plan = await PlanRowAsync(draft, latest, context, report, publish);
                if (rowsWithReadingErrors.Contains(draft.Row.Number)) plan.Action = ImportAction.Error;
                report.Rows.Add(plan);
            }
        }
        if (report.Rows.Count == 0) report.Issues.Add(ImportIssue.File(T["The file has a header row but no data row."]));
        progress?.Invoke(report.Rows.Count);
        return report;
    }

    /// <summary>Plans, then writes every row in one transaction; with any error, nothing is written.</summary>
    public Task<ImportReport> ApplyAsync(string fileName, byte[] bytes, string contentType, ImportMapping? mapping, bool publish, CancellationToken cancellationToken = default) =>
        ApplyAsync(fileName, reader.Read(fileName, bytes), contentType, mapping, publish, cancellationToken);

    public Task<ImportReport> ApplyAsync(string fileName, ImportTable table, string contentType, ImportMapping? mapping, bool publish, CancellationToken cancellationToken = default) =>
        ApplyAsync(fileName, table, contentType, mapping, publish, null, null, cancellationToken);

    /// <summary>
    /// Plans and writes in one transaction, saying every <see cref="ProgressStep"/> rows how many are written;
    /// <paramref name="beforeCommit"/> writes what must commit with the rows (the job's new state). A cancel or any
    /// failure rolls everything back.
    /// </summary>
    public async Task<ImportReport> ApplyAsync(string fileName, ImportTable table, string contentType, ImportMapping? mapping, bool publish,
        Action<int>? progress, Func<ImportReport, Task>? beforeCommit, CancellationToken cancellationToken)
    {
        // The rows are checked again before the transaction begins (on SQLite it holds the one write lock from its start):
        // each write is validated by the content manager once more, and an update names the version it was planned on,
        // so an item changed in between stops the import instead of being overwritten.
        var watch = System.Diagnostics.Stopwatch.StartNew();
        var report = await PlanAsync(fileName, table, contentType, mapping, publish, progress, cancellationToken);
        report.Time("plan", watch);
        if (report.HasErrors) return report;
        var planned = report.Rows.Count;
        using var batch = contentManager.BeginBatch();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        // Thousands of rows go into indexes at random places (the ids are random): in SQLite's default page cache (2 MB),
        // each would read its pages again from the file. The usual cache is given back after the commit or the rollback.
        await using var cache = await SqlitePageCache.WidenAsync(db, megabytes: 16, cancellationToken);
        try
        {
            var done = 0;
            // The rows to change, a batch at a time: their latest versions read in one query; the content manager validates
            // and handles each write (journal and audit rows included) and the batch is saved at once, with a fresh change tracker.
            foreach (var chunk in Batches(report.Rows.Where(r => r.Action is ImportAction.Create or ImportAction.Update)))
            {
                cancellationToken.ThrowIfCancellationRequested();
                var ids = chunk.Where(r => r.Action == ImportAction.Update).Select(r => r.ContentItemId!).ToList();
                var latest = ids.Count == 0 ? [] : await db.ContentItems.Where(i => ids.Contains(i.ContentItemId) && i.Latest).ToDictionaryAsync(i => i.ContentItemId, cancellationToken);
                report.Time("read latest", watch);
                foreach (var row in chunk)
                {
                    ContentResult result;
                    if (row.Action == ImportAction.Create)
                    {
                        var item = await contentManager.NewAsync(contentType);
                        item.Data = row.Data!;
                        item.Culture = row.Culture ?? cultures.Default;
                        result = await contentManager.CreateAsync(item, publish);
                        row.ContentItemId = item.ContentItemId;
                        report.Time("create", watch);
                    }
                    else
                    {
                        result = latest.TryGetValue(row.ContentItemId!, out var current)
                            ? await contentManager.UpdateAsync(current, row.Data!, row.Stamp ?? current.ConcurrencyStamp, publish)
                            : ContentResult.NotFound(T["The item {0} does not exist.", row.ContentItemId!]);
                        report.Time("update", watch);
                    }
                    if (!result.Succeeded)
                        throw new ImportAbortedException(row.Row, result.Message ?? result.Validation.ToString());
                    // The row's data now belongs to the saved version: the report keeps no copy of it.
                    row.Data = null;
                    if (++done % ProgressStep == 0)
                    {
                        cancellationToken.ThrowIfCancellationRequested();
                        progress?.Invoke(planned + done);
                    }
                }
                await batch.SaveAsync(cancellationToken);
                report.Time("save", watch);
            }
            progress?.Invoke(planned + done);
            cancellationToken.ThrowIfCancellationRequested();
            report.Applied = true;
            if (beforeCommit is not null) await beforeCommit(report);
            await transaction.CommitAsync(CancellationToken.None);
            report.Time("commit", watch);
            logger.LogInformation("Imported {File} as {Type}: {Created} created, {Updated} updated, {Unchanged} unchanged ({Mode}); seconds by section: {Timings}",
                fileName, contentType, report.Count(ImportAction.Create), report.Count(ImportAction.Update), report.Count(ImportAction.Unchanged), publish ? "published" : "drafts",
                string.Join(", ", report.Timings.Select(t => $"{t.Key} {t.Value:F1}")));
        }
        catch (ImportAbortedException e)
        {
            await transaction.RollbackAsync(CancellationToken.None);
            Detach();
            report.Applied = false;
            report.Issues.Add(new(e.Row, "", ImportSeverity.Error, T["This row could not be saved ({0}); nothing was imported.", e.Reason]));
        }
        catch
        {
            await transaction.RollbackAsync(CancellationToken.None);
            Detach();
            report.Applied = false;
            throw;
        }
        return report;
    }

    /// <summary>Rows between two progress reports (and cancellation checks).</summary>
    public const int ProgressStep = 50;

    /// <summary>
    /// Rows planned together, whose matched items' texts are read in one query: few, because a row's converted values wait
    /// for the rest of its chunk, and short-lived objects are the cheap ones for the garbage collector.
    /// </summary>
    private const int PlanChunk = 100;

    /// <summary>Rows written with one change tracker and saved at once.</summary>
    public const int BatchSize = 250;

    /// <summary>
    /// The rows in batches of 1, 2, 4… up to <see cref="BatchSize"/>: the first saves come after a few rows, so a row or
    /// a database that refuses a save (a full disk) stops the import early; the large ones keep the saves few.
    /// </summary>
    private static IEnumerable<ImportRowPlan[]> Batches(IEnumerable<ImportRowPlan> rows)
    {
        var size = 1;
        var batch = new List<ImportRowPlan>();
        foreach (var row in rows)
        {
            batch.Add(row);
            if (batch.Count < size) continue;
            yield return batch.ToArray();
            batch.Clear();
            size = Math.Min(size * 2, BatchSize);
        }
        if (batch.Count > 0) yield return batch.ToArray();
    }

    private void Detach() => db.ChangeTracker.Clear();

    private sealed class ImportAbortedException(int row, string reason) : Exception(reason)
    {
        public int Row { get; } = row;
        public string Reason { get; } = reason;
    }

    // ------------------------------------------------------------------ context

    private sealed class Context
    {
        public required string ContentType { get; init; }
        public required List<(int Column, string Header, ImportTarget Target)> Columns { get; init; }
        public required Dictionary<string, Vocabulary> Vocabularies { get; init; }
        public required Vocabulary? Territories { get; init; }
        private readonly Dictionary<Vocabulary, TermIndex> _indexes = [];
        /// <summary>The terms of a vocabulary by slug, label and code, indexed at first use.</summary>
        public TermIndex Index(Vocabulary vocabulary) => _indexes.TryGetValue(vocabulary, out var index) ? index : _indexes[vocabulary] = new TermIndex(vocabulary);
        public required (double South, double West, double North, double East)? Bounds { get; init; }
        public required List<ContentItem> Actors { get; init; }
        /// <summary>The existing items by identifier, external id and duplicate key, built once per import.</summary>
        public Dictionary<string, ContentItem> ById { get; } = new(StringComparer.Ordinal);
        public Dictionary<string, ContentItem> ByExternalId { get; } = new(StringComparer.Ordinal);
        /// <summary>The external id of each existing item that has one, by item id (the items' texts are not kept).</summary>
        public Dictionary<string, string> ExternalIds { get; } = new(StringComparer.Ordinal);
        public Dictionary<(string Kind, string Value), List<ContentItem>> ByKey { get; } = [];
        /// <summary>The actors a row may name, by identifier, external id, SIRET and normalised name, built once per import.</summary>
        public ILookup<string, ContentItem> ActorsById { get; set; } = Empty;
        public ILookup<string, ContentItem> ActorsByExternalId { get; set; } = Empty;
        public ILookup<string, ContentItem> ActorsBySiret { get; set; } = Empty;
        public ILookup<string, ContentItem> ActorsByName { get; set; } = Empty;
        private static readonly ILookup<string, ContentItem> Empty = Array.Empty<ContentItem>().ToLookup(i => "");
    }

    private async Task<Context> ContextAsync(string contentType, IReadOnlyList<ImportTarget> targets, ImportMapping mapping, IReadOnlyList<string> headers, ImportReport report)
    {
        var byKey = targets.ToDictionary(t => t.Key);
        var columns = new List<(int, string, ImportTarget)>();
        foreach (var (header, key) in mapping.Columns)
        {
            if (string.IsNullOrEmpty(key)) continue;
            if (!byKey.TryGetValue(key, out var target))
            {
                report.Issues.Add(new(0, header, ImportSeverity.Error, T["The column '{0}' is mapped to '{1}', which is not a field of this type.", header, key]));
                continue;
            }
            if (columns.FirstOrDefault(c => c.Item3.Key == key).Item2 is { } other)
            {
                report.Issues.Add(new(0, header, ImportSeverity.Error, T["The columns '{0}' and '{1}' both feed '{2}': keep one.", other, header, target.LabelFor(cultures.Current, cultures)]));
                continue;
            }
            // The column's position in the file (the mapping leaves out columns without a header).
            var index = headers.ToList().FindIndex(h => string.Equals(h, header, StringComparison.OrdinalIgnoreCase));
            if (index >= 0) columns.Add((index, header, target));
        }

        // A required field without a column would fail on every row: said once.
        bool Mapped(string key) => columns.Any(c => c.Item3.Key == key);
        foreach (var target in targets.Where(t => t.Definition?.Settings.Required == true && t.FieldType != "GeoPoint"))
        {
            if (Mapped(target.Key)) continue;
            if (target.Key == $"{DirectoryTypes.Actor}.Territory" && (Mapped("AddressPart.InseeCode") || Mapped("AddressPart.Commune"))) continue;
            if (target.Key == "LocalizationPart.Culture") continue;
            report.Issues.Add(new(0, "", ImportSeverity.Error, T["No column gives '{0}', which every item needs: map a column to it.", target.LabelFor(cultures.Current, cultures)]));
        }
        if (Mapped(targets.First(t => t.Key.EndsWith(ImportTarget.LatitudeSuffix)).Key) != Mapped(targets.First(t => t.Key.EndsWith(ImportTarget.LongitudeSuffix)).Key))
            report.Issues.Add(new(0, "", ImportSeverity.Error, T["Latitude and longitude go together: map both columns or neither."]));

        var vocabularyNames = targets.Where(t => t.FieldType == "TaxonomyTerms").Select(t => TaxonomyTermsFieldType.VocabularyOf(t.Definition!.Settings)).OfType<string>().Append("territories").Distinct();
        var loaded = new Dictionary<string, Vocabulary>();
        foreach (var name in vocabularyNames)
            if (await vocabularies.GetAsync(name) is { } vocabulary) loaded[name] = vocabulary;
        var territories = loaded.GetValueOrDefault("territories");
        var placed = territories?.Terms.Where(t => t.Latitude is not null && t.Longitude is not null).ToList() ?? [];
        // The territory is the box around every place the vocabulary knows, with a margin of about 25 km.
        (double, double, double, double)? bounds = placed.Count == 0 ? null
            : (placed.Min(t => t.Latitude!.Value) - 0.25, placed.Min(t => t.Longitude!.Value) - 0.35, placed.Max(t => t.Latitude!.Value) + 0.25, placed.Max(t => t.Longitude!.Value) + 0.35);

        // The existing items are read one at a time for their keys, and each one's text is dropped at once: a row's plan
        // reads the text of the item it matches, with its chunk (see PlanAsync). Held for every item of the type, the texts
        // would weigh more than the file.
        var picker = columns.Any(c => c.Item3.FieldType == "ContentPicker");
        var existing = new List<ContentItem>();
        var actors = contentType == DirectoryTypes.Actor ? existing : [];
        var actorKeys = new List<(ContentItem Actor, string? ExternalId, string? Siret)>();
        var context = new Context
        {
            ContentType = contentType, Columns = columns, Vocabularies = loaded, Territories = territories, Bounds = bounds, Actors = actors,
        };
        if (picker && contentType != DirectoryTypes.Actor)
            await foreach (var actor in Keyed(DirectoryTypes.Actor))
            {
                actors.Add(actor);
                actorKeys.Add((actor, Text(actor, DirectoryTypes.EntryPart, "ExternalId"), Text(actor, DirectoryTypes.Actor, "Siret")));
                actor.Content = "{}";
            }
        await foreach (var item in Keyed(contentType))
        {
            existing.Add(item);
            context.ById[item.ContentItemId] = item;
            var external = Text(item, DirectoryTypes.EntryPart, "ExternalId");
            if (external is not null)
            {
                context.ByExternalId.TryAdd(external, item);
                context.ExternalIds[item.ContentItemId] = external;
            }
            foreach (var kind in new[] { "SIRET", "FINESS", "name and commune" })
                if (KeyOf(item, kind, context) is { } value)
                {
                    if (!context.ByKey.TryGetValue((kind, value), out var list)) context.ByKey[(kind, value)] = list = [];
                    list.Add(item);
                }
            if (picker && contentType == DirectoryTypes.Actor) actorKeys.Add((item, external, Text(item, DirectoryTypes.Actor, "Siret")));
            item.Content = "{}";
        }
        if (picker)
        {
            context.ActorsById = actors.ToLookup(a => a.ContentItemId, StringComparer.Ordinal);
            context.ActorsByExternalId = actorKeys.Where(a => a.ExternalId is not null).ToLookup(a => a.ExternalId!, a => a.Actor, StringComparer.Ordinal);
            context.ActorsBySiret = actorKeys.Where(a => a.Siret is not null).ToLookup(a => a.Siret!.Replace(" ", ""), a => a.Actor, StringComparer.Ordinal);
            context.ActorsByName = actors.ToLookup(a => ImportTargets.Normalize(a.DisplayText), StringComparer.Ordinal);
        }
        return context;
    }

    /// <summary>
    /// The latest versions of a type with only what finding an item by its keys needs (the rest is read with the chunk
    /// of rows that matches it): one object per item of the type is kept for the whole import.
    /// </summary>
    private IAsyncEnumerable<ContentItem> Keyed(string contentType) => db.ContentItems.AsNoTracking().Where(i => i.ContentType == contentType && i.Latest)
        .Select(i => new ContentItem
        {
            ContentItemId = i.ContentItemId, DisplayText = i.DisplayText, Culture = i.Culture, LocalizationSet = i.LocalizationSet, Content = i.Content,
        })
        .AsAsyncEnumerable()
        .Select(i =>
        {
            // One string for each type and language, not one per item.
            (i.ContentType, i.Culture) = (contentType, string.Intern(i.Culture));
            return i;
        });

    // ------------------------------------------------------------------ rows

    /// <summary>A row's cells as field values, and the existing item it is, if any: the first half of its plan.</summary>
    private sealed record RowDraft(ImportRow Row, List<ImportIssue> Issues, Dictionary<string, JsonNode?> Values, string Culture, string? ExternalId,
        Term? CommuneTerm, ImportRowPlan Plan, ContentItem? Match, string? MatchedBy);

    private async Task<RowDraft> DraftRowAsync(ImportRow row, Context context, Dictionary<string, int> seen)
    {
        var issues = new List<ImportIssue>();
        void Error(string column, string message, IReadOnlyList<string>? suggestions = null) => issues.Add(new(row.Number, column, ImportSeverity.Error, message, suggestions));

        // 1. Cells to field values.
        var values = new Dictionary<string, JsonNode?>(); // "Part.Field" → value
        double? latitude = null, longitude = null;
        string latitudeColumn = "", culture = "fr";
        string? externalId = null;
        foreach (var (index, header, target) in context.Columns)
        {
            var cell = row.Cell(index);
            if (cell.StartsWith('='))
            {
                Error(header, T["'{0}' looks like a spreadsheet formula: formulas are not imported. Paste the values only.", Shorten(cell)]);
                continue;
            }
            if (target.Key == ImportTarget.Culture)
            {
                if (cell.Length == 0) continue;
                var code = ImportTargets.Normalize(cell) switch { "fr" or "francais" or "french" or "franzoesisch" => "fr", "de" or "deutsch" or "allemand" or "german" => "de", _ => null };
                if (code is null) Error(header, T["'{0}' is not a language of the site: write fr or de.", Shorten(cell)]);
                else culture = code;
                continue;
            }
            if (target.FieldType == "GeoPoint")
            {
                if (cell.Length == 0) continue;
                if (!FieldValues.TryParseDecimal(cell, out var number))
                {
                    Error(header, T["'{0}' is not a number: write a decimal coordinate such as 49.1193.", Shorten(cell)]);
                    continue;
                }
                if (target.Key.EndsWith(ImportTarget.LatitudeSuffix)) { latitude = (double)number; latitudeColumn = header; }
                else longitude = (double)number;
                continue;
            }
            var key = $"{target.Part}.{target.Field}";
            // An empty cell leaves the field as it is: a column missing from a partner's sheet never erases anything.
            if (cell.Length == 0) continue;
            if (key == $"{DirectoryTypes.EntryPart}.ExternalId") externalId = cell;
            var value = await ConvertAsync(cell, target, context, header, Error);
            if (value is not null) values[key] = value;
        }

        // 2. The position: given, or the commune's centre (flagged).
        var locationKey = $"{context.ContentType}.Location";
        if (latitude is { } lat && longitude is { } lon)
        {
            if (lat is < -90 or > 90 || lon is < -180 or > 180)
                Error(latitudeColumn, T["{0}, {1} are not coordinates: the latitude lies between -90 and 90, the longitude between -180 and 180.", Number(lat), Number(lon)]);
            else if (context.Bounds is { } b && (lat < b.South || lat > b.North || lon < b.West || lon > b.East))
                Error(latitudeColumn, T["The point {0}, {1} lies outside the territory of this site: check the coordinates (latitude first, then longitude).", Number(lat), Number(lon)]);
            else values[locationKey] = new JsonObject { ["Latitude"] = lat, ["Longitude"] = lon };
        }
        else if (latitude is not null || longitude is not null)
            Error(latitudeColumn, T["A position needs both the latitude and the longitude."]);

        // 3. Actors: the territory from the commune when no column gives it.
        var territoryKey = $"{DirectoryTypes.Actor}.Territory";
        var communeTerm = CommuneOf(values, context);
        if (context.ContentType == DirectoryTypes.Actor && !values.ContainsKey(territoryKey) && communeTerm is not null)
            values[territoryKey] = new JsonObject { ["Terms"] = new JsonArray(communeTerm.Slug) };

        // 4. Which existing item the row is, if any.
        var title = (values.GetValueOrDefault("TitlePart.Title") as JsonObject)?["Text"]?.GetValue<string>() ?? "";
        var plan = new ImportRowPlan { Row = row.Number, Title = title, Culture = culture };
        var keys = DuplicateKeys(values, externalId, communeTerm, culture);
        foreach (var (kind, value) in keys)
        {
            if (seen.TryGetValue(kind + "\u0001" + value, out var earlier))
            {
                Error("", T["This row repeats row {0} (same {1}).", earlier, KindLabel(kind)]);
                break;
            }
        }
        foreach (var (kind, value) in keys) seen.TryAdd(kind + "\u0001" + value, row.Number);

        var (match, matchedBy, matchIssue) = FindExisting(context, keys, externalId);
        if (matchIssue is not null) Error("", matchIssue);
        return new RowDraft(row, issues, values, culture, externalId, communeTerm, plan, match, matchedBy);
    }

    /// <summary>The second half: the item as it would be saved (the match's text read for the chunk), checked as the editor checks it.</summary>
    private async Task<ImportRowPlan> PlanRowAsync(RowDraft draft, Dictionary<string, ContentItem> latest, Context context, ImportReport report, bool publish)
    {
        var (row, issues, values, culture, externalId, communeTerm, plan, found, matchedBy) = draft;
        string? placedAt = null;
        void Error(string column, string message) => issues.Add(new(row.Number, column, ImportSeverity.Error, message));
        void Warn(string column, string message) => issues.Add(new(row.Number, column, ImportSeverity.Warning, message));
        var locationKey = $"{context.ContentType}.Location";
        // The latest version of the item found by its keys, as read with the chunk.
        ContentItem? match = null;
        if (found is not null && !latest.TryGetValue(found.ContentItemId, out match))
            // Deleted since the keys were read.
            Error("", T["The item {0} does not exist.", found.ContentItemId]);

        // 5. The item as it would be saved, checked as the editor checks it.
        // The match's data parsed from its text, not through ContentItem.Data: the tree would stay on the item.
        var original = match is null ? null : JsonNode.Parse(string.IsNullOrWhiteSpace(match.Content) ? "{}" : match.Content) as JsonObject ?? new JsonObject();
        var data = original is null ? new JsonObject() : (JsonObject)original.DeepClone();
        foreach (var (key, value) in values)
        {
            var (part, field) = (key[..key.IndexOf('.')], key[(key.IndexOf('.') + 1)..]);
            var partData = data[part] as JsonObject ?? new JsonObject();
            if (value is null) partData.Remove(field);
            else partData[field] = value.DeepClone();
            data[part] = partData;
        }
        if (match is null || values.ContainsKey("LocalizationPart.Culture") || context.Columns.Any(c => c.Target.Key == ImportTarget.Culture))
            data["LocalizationPart"] = new JsonObject { ["Culture"] = new JsonObject { ["Text"] = match is not null && !context.Columns.Any(c => c.Target.Key == ImportTarget.Culture) ? match.Culture : culture } };
        if (match is not null && externalId is not null && matchedBy == "id") (data[DirectoryTypes.EntryPart] as JsonObject)?.Remove("ExternalId");

        var entry = data[DirectoryTypes.EntryPart] as JsonObject ?? new JsonObject();
        if (context.ContentType == DirectoryTypes.Actor && data[context.ContentType]?["Location"] is null && communeTerm is { Latitude: { } clat, Longitude: { } clon })
        {
            (data[context.ContentType] as JsonObject ?? (JsonObject)(data[context.ContentType] = new JsonObject()))["Location"] = new JsonObject { ["Latitude"] = clat, ["Longitude"] = clon };
            entry["LocationApproximate"] = new JsonObject { ["Value"] = true };
            placedAt = communeTerm.DefaultLabel(cultures);
        }
        else if (values.ContainsKey(locationKey) && values[locationKey] is not null) entry.Remove("LocationApproximate");
        data[DirectoryTypes.EntryPart] = entry;

        var candidate = match is null ? await contentManager.NewAsync(context.ContentType) : match.Copy();
        candidate.Data = data;
        candidate.Culture = match?.Culture ?? culture;
        var validation = await contentManager.ValidateAsync(candidate);
        foreach (var error in validation.Errors)
            if (!issues.Any(i => i.Severity == ImportSeverity.Error && i.Column == ColumnOf(error.Key, context)))
                Error(ColumnOf(error.Key, context), error.Message);
        foreach (var warning in validation.Warnings) Warn(ColumnOf(warning.Key, context), warning.Message);
        if (placedAt is not null && !issues.Any(i => i.Severity == ImportSeverity.Error))
            Warn("", T["No coordinates: placed at the centre of {0} and flagged as an approximate position.", placedAt]);

        report.Issues.AddRange(issues);
        plan.Culture = candidate.Culture;
        plan.ContentItemId = match?.ContentItemId;
        // The stamp of the text compared: an update names the version it was planned on.
        plan.Stamp = match?.ConcurrencyStamp;
        plan.MatchedBy = matchedBy;
        if (issues.Any(i => i.Severity == ImportSeverity.Error)) plan.Action = ImportAction.Error;
        else if (match is null) plan.Action = ImportAction.Create;
        else if (JsonNode.DeepEquals(candidate.Data, original) && (!publish || match.Published)) plan.Action = ImportAction.Unchanged;
        else plan.Action = ImportAction.Update;
        // Only a row to write keeps its data (a re-import of a large file is mostly unchanged rows).
        if (plan.Action is ImportAction.Create or ImportAction.Update) plan.Data = candidate.Data;
        return plan;
    }

    private static string Shorten(string text) => text.Length <= 60 ? text : text[..57] + "…";

    private static string Number(double value) => value.ToString("0.#####", CultureInfo.InvariantCulture);

    private string ColumnOf(string key, Context context)
    {
        if (string.IsNullOrEmpty(key)) return "";
        var column = context.Columns.FirstOrDefault(c => c.Target.Key == key || c.Target.Key.StartsWith(key + ".", StringComparison.Ordinal));
        if (column.Header is not null) return column.Header;
        if (key == $"{DirectoryTypes.Actor}.Territory")
            column = context.Columns.FirstOrDefault(c => c.Target.Key is "AddressPart.InseeCode" or "AddressPart.Commune");
        return column.Header ?? key;
    }

    // ------------------------------------------------------------------ values

    private async Task<JsonNode?> ConvertAsync(string cell, ImportTarget target, Context context, string header, Action<string, string, IReadOnlyList<string>?> error)
    {
        var settings = target.Definition!.Settings;
        switch (target.FieldType)
        {
            case "Text" when settings.Options.Count > 0:
            {
                var normalized = ImportTargets.Normalize(cell);
                var option = settings.Options.FirstOrDefault(o => ImportTargets.Normalize(o.Value) == normalized || o.Label.Texts.Any(l => ImportTargets.Normalize(l) == normalized));
                if (option is null)
                {
                    error(header, T["'{0}' is not one of the choices of {1}.", Shorten(cell), target.LabelFor(cultures.Current, cultures)], Closest(cell, settings.Options.Select(o => (o.LabelFor(cultures.Current, cultures), new[] { o.Value }.Concat(o.Label.Texts).ToArray()))));
                    return null;
                }
                return FieldValues.Of("Text", option.Value);
            }
            case "Text": return FieldValues.Of("Text", cell);
            case "Markdown": return FieldValues.Of("Markdown", cell.Replace("\r\n", "\n"));
            case "Html": return FieldValues.Of("Html", cell);
            case "Email": return FieldValues.Of("Email", cell);
            case "Phone": return FieldValues.Of("Phone", cell);
            case "Link":
                return FieldValues.Of("Url", cell.StartsWith("www.", StringComparison.OrdinalIgnoreCase) ? "https://" + cell : cell);
            case "Numeric":
                if (FieldValues.TryParseDecimal(cell, out var number)) return FieldValues.Of("Value", number);
                error(header, T["'{0}' is not a number.", Shorten(cell)], null);
                return null;
            case "Boolean":
                switch (ImportTargets.Normalize(cell))
                {
                    case "oui" or "ja" or "yes" or "true" or "vrai" or "1" or "x": return FieldValues.Of("Value", true);
                    case "non" or "nein" or "no" or "false" or "faux" or "0": return FieldValues.Of("Value", false);
                }
                error(header, T["'{0}' is neither yes nor no: write oui or non (ja or nein).", Shorten(cell)], null);
                return null;
            case "Date":
                var formats = new[] { "yyyy-MM-dd", "yyyy-MM-dd HH:mm", "dd/MM/yyyy", "d/M/yyyy", "dd.MM.yyyy", "d.M.yyyy", "dd-MM-yyyy" };
                if (DateTime.TryParseExact(cell, formats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
                    return FieldValues.Of("Value", date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
                error(header, T["'{0}' is not a date: write it as 31/12/2026 or 2026-12-31.", Shorten(cell)], null);
                return null;
            case "TaxonomyTerms":
                return ConvertTerms(cell, target, context, header, error);
            case "ContentPicker":
                return ConvertActor(cell, context, header, error);
            default:
                error(header, T["Fields of type {0} cannot be imported.", target.FieldType], null);
                return null;
        }
    }

    private JsonNode? ConvertTerms(string cell, ImportTarget target, Context context, string header, Action<string, string, IReadOnlyList<string>?> error)
    {
        var name = TaxonomyTermsFieldType.VocabularyOf(target.Definition!.Settings);
        if (name is null || !context.Vocabularies.TryGetValue(name, out var vocabulary))
        {
            error(header, T["The vocabulary of {0} does not exist on this site.", target.LabelFor(cultures.Current, cultures)], null);
            return null;
        }
        // The whole cell first (a label may hold a comma), then its parts.
        var terms = context.Index(vocabulary);
        var whole = terms.Find(cell);
        var parts = whole is not null ? [cell] : cell.Split([';', '|', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (whole is null && parts.Length == 1 && cell.Contains(',')) parts = cell.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var slugs = new List<string>();
        var failed = false;
        foreach (var part in parts)
        {
            var term = whole ?? terms.Find(part);
            if (term is null)
            {
                failed = true;
                error(header, T["'{0}' is not a term of the list {1}.", Shorten(part), vocabulary.DisplayNameFor(cultures.Current, cultures)],
                    Closest(part, vocabulary.Terms.Select(t => (t.LabelFor(cultures.Current, cultures), new[] { t.Slug }.Concat(t.Label.Texts).ToArray()))));
            }
            else if (!slugs.Contains(term.Slug)) slugs.Add(term.Slug);
        }
        if (failed) return null;
        if (!target.Definition.Settings.Multiple && slugs.Count > 1)
        {
            error(header, T["{0} takes one term only; this cell names {1}.", target.LabelFor(cultures.Current, cultures), slugs.Count], null);
            return null;
        }
        return slugs.Count == 0 ? null : new JsonObject { ["Terms"] = new JsonArray(slugs.Select(s => (JsonNode)JsonValue.Create(s)).ToArray()) };
    }

    private JsonNode? ConvertActor(string cell, Context context, string header, Action<string, string, IReadOnlyList<string>?> error)
    {
        var normalized = ImportTargets.Normalize(cell);
        var digits = new string(cell.Where(char.IsAsciiDigit).ToArray());
        // Looked up in the indexes built once per import: no row scans the actors.
        var found = context.ActorsById[cell].ToList();
        if (found.Count == 0) found = context.ActorsByExternalId[cell].ToList();
        if (found.Count == 0 && digits.Length == 14 && digits.Length == cell.Count(c => !char.IsWhiteSpace(c)))
            found = context.ActorsBySiret[digits].ToList();
        if (found.Count == 0) found = context.ActorsByName[normalized].ToList();
        // One actor translated in two languages is one match.
        var sets = found.GroupBy(a => a.LocalizationSet ?? a.ContentItemId).ToList();
        if (sets.Count == 1)
        {
            var actor = sets[0].OrderBy(a => a.Culture == cultures.Default ? 0 : 1).First();
            return new JsonObject { ["ContentItemIds"] = new JsonArray(actor.ContentItemId) };
        }
        if (sets.Count > 1)
            error(header, T["Several actors are named '{0}': give its identifier or its SIRET instead.", Shorten(cell)], sets.Select(s => s.First().ContentItemId).Take(5).ToList());
        else
            error(header, T["No actor '{0}' is in the directory: import the actors first, or give an actor's name, identifier or SIRET.", Shorten(cell)],
                Closest(cell, context.Actors.Select(a => (a.DisplayText, new[] { a.DisplayText }))));
        return null;
    }

    private static string? Text(ContentItem item, string part, string field) => item.Field(part, field)?["Text"]?.GetValue<string>();

    /// <summary>The commune of the row: its INSEE code, else its name, else the territory it names; found in the territories vocabulary.</summary>
    private static Term? CommuneOf(Dictionary<string, JsonNode?> values, Context context)
    {
        if (context.Territories is not { } territories) return null;
        if ((values.GetValueOrDefault("AddressPart.InseeCode") as JsonObject)?["Text"]?.GetValue<string>() is { } insee
            && context.Index(territories).ByInsee(insee.Trim()) is { } byCode)
            return byCode;
        if ((values.GetValueOrDefault("AddressPart.Commune") as JsonObject)?["Text"]?.GetValue<string>() is { } commune)
        {
            var normalized = ImportTargets.Normalize(commune);
            if (context.Index(territories).CommuneNamed(normalized) is { } named) return named;
        }
        var slug = TaxonomyTermsFieldType.Terms(values.GetValueOrDefault($"{DirectoryTypes.Actor}.Territory")).FirstOrDefault();
        return slug is null ? null : context.Index(territories).BySlug(slug);
    }

    // ------------------------------------------------------------------ duplicates

    private List<(string Kind, string Value)> DuplicateKeys(Dictionary<string, JsonNode?> values, string? externalId, Term? commune, string culture)
    {
        string? Get(string key) => (values.GetValueOrDefault(key) as JsonObject)?["Text"]?.GetValue<string>();
        var keys = new List<(string, string)>();
        if (!string.IsNullOrWhiteSpace(externalId)) keys.Add(("external id", externalId.Trim()));
        if (Get($"{DirectoryTypes.Actor}.Siret") is { } siret) keys.Add(("SIRET", siret.Replace(" ", "")));
        if (Get($"{DirectoryTypes.Actor}.Finess") is { } finess) keys.Add(("FINESS", finess.Replace(" ", "").ToUpperInvariant()));
        var communeName = commune?.DefaultLabel(cultures) ?? Get("AddressPart.Commune");
        if (Get("TitlePart.Title") is { } title && communeName is not null)
            keys.Add(("name and commune", $"{culture}|{ImportTargets.Normalize(title)}|{ImportTargets.Normalize(communeName)}"));
        return keys;
    }

    private string KindLabel(string kind) => kind switch
    {
        "external id" => T["external id"],
        "name and commune" => T["name and commune"],
        "id" => T["identifier"],
        _ => kind,
    };

    private (ContentItem? Match, string? By, string? Problem) FindExisting(Context context, List<(string Kind, string Value)> keys, string? externalId)
    {
        if (!string.IsNullOrWhiteSpace(externalId))
        {
            if (context.ById.TryGetValue(externalId.Trim(), out var byId)) return (byId, "id", null);
            if (context.ByExternalId.TryGetValue(externalId.Trim(), out var byExternal)) return (byExternal, "external id", null);
        }
        foreach (var (kind, value) in keys.Where(k => k.Kind != "external id"))
        {
            var matches = context.ByKey.GetValueOrDefault((kind, value)) ?? [];
            if (matches.Count == 0) continue;
            if (matches.Count > 1)
                return (null, null, T["This row matches several items of the directory by {0} ({1}): give the identifier of the one to update.", KindLabel(kind), string.Join(", ", matches.Select(m => m.ContentItemId))]);
            var match = matches[0];
            var theirs = context.ExternalIds.GetValueOrDefault(match.ContentItemId);
            if (!string.IsNullOrWhiteSpace(externalId) && !string.IsNullOrEmpty(theirs) && theirs != externalId.Trim())
                return (null, null, T["Probable duplicate of '{0}' ({1}, same {2}), which has another external id ({3}).", match.DisplayText, match.ContentItemId, KindLabel(kind), theirs]);
            return (match, kind, null);
        }
        return (null, null, null);
    }

    private string? KeyOf(ContentItem item, string kind, Context context)
    {
        switch (kind)
        {
            case "SIRET": return Text(item, DirectoryTypes.Actor, "Siret")?.Replace(" ", "");
            case "FINESS": return Text(item, DirectoryTypes.Actor, "Finess")?.Replace(" ", "").ToUpperInvariant();
            case "name and commune":
                var commune = Text(item, BuiltInParts.Address, "Commune");
                var insee = Text(item, BuiltInParts.Address, "InseeCode");
                var territories = context.Territories is { } vocabulary ? context.Index(vocabulary) : null;
                var term = insee is null ? null : territories?.ByInsee(insee);
                if (term is null && item.ContentType == DirectoryTypes.Actor && TaxonomyTermsFieldType.Terms(item.Field(DirectoryTypes.Actor, "Territory")).FirstOrDefault() is { } slug)
                    term = territories?.BySlug(slug);
                var name = term?.DefaultLabel(cultures) ?? commune;
                return name is null ? null : $"{item.Culture}|{ImportTargets.Normalize(item.DisplayText)}|{ImportTargets.Normalize(name)}";
            default: return null;
        }
    }

    /// <summary>Up to three labels closest to what was typed (edit distance on normalised text).</summary>
    private static List<string> Closest(string typed, IEnumerable<(string Label, string[] Forms)> candidates)
    {
        var target = ImportTargets.Normalize(typed);
        return candidates
            .Select(c => (c.Label, Distance: c.Forms.Where(f => f.Length > 0).Select(f => Levenshtein(target, ImportTargets.Normalize(f))).DefaultIfEmpty(int.MaxValue).Min()))
            .Where(c => c.Distance <= Math.Max(3, target.Length * 2 / 3))
            .OrderBy(c => c.Distance).ThenBy(c => c.Label, StringComparer.Ordinal)
            .Select(c => c.Label).Distinct().Take(3).ToList();
    }

    private static int Levenshtein(string a, string b)
    {
        if (a.Length == 0) return b.Length;
        if (b.Length == 0) return a.Length;
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++) previous[j] = j;
        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
            (previous, current) = (current, previous);
        }
        return previous[b.Length];
    }
}
