using DiffPlex;
using DiffPlex.DiffBuilder;
using DiffPlex.DiffBuilder.Model;
using Portal.Core.Content;
using Portal.Core.Content.Fields;

namespace Portal.Moderation.Services;

public sealed record DiffPiece(string Text, ChangeType Change);

/// <summary>One field, before and after, with word-level changes marked on each side.</summary>
public sealed record FieldDiff(string Key, string Label, string? Before, string? After, IReadOnlyList<IReadOnlyList<DiffPiece>> OldLines, IReadOnlyList<IReadOnlyList<DiffPiece>> NewLines)
{
    public bool Changed => Before != After;
}

/// <summary>The field-by-field, side-by-side comparison of a proposed version with the published one (DiffPlex, word level).</summary>
public sealed class VersionDiff(Portal.Core.Localization.Cultures cultures, IContentDefinitionStore definitions, IEnumerable<IContentFieldType> fieldTypes)
{
    private static readonly string[] Skipped = ["AutoroutePart", "LocalizationPart"];
    private readonly Dictionary<string, IContentFieldType> _types = fieldTypes.ToDictionary(f => f.Name);

    public async Task<List<FieldDiff>> CompareAsync(ContentItem? before, ContentItem after, string culture)
    {
        var type = await definitions.GetTypeAsync(after.ContentType);
        var result = new List<FieldDiff>();
        if (type is null) return result;
        var differ = new Differ();
        var lines = new DiffPlex.Chunkers.LineChunker();
        var words = new DiffPlex.Chunkers.WordChunker();
        foreach (var (typePart, part) in await definitions.GetPartsOfAsync(type))
        {
            if (Skipped.Contains(typePart.Name)) continue;
            foreach (var field in part.Fields.OrderBy(f => f.Position))
            {
                if (!_types.TryGetValue(field.FieldType, out var fieldType)) continue;
                var old = before is null ? null : fieldType.ToText(before.Field(typePart.Name, field.Name));
                var now = fieldType.ToText(after.Field(typePart.Name, field.Name));
                if (old is null && now is null) continue;
                var model = SideBySideDiffBuilder.Diff(differ, old ?? "", now ?? "", false, false, lines, words);
                result.Add(new FieldDiff($"{typePart.Name}.{field.Name}", field.LabelFor(culture, cultures), old, now, Lines(model.OldText), Lines(model.NewText)));
            }
        }
        return result;
    }

    private static List<IReadOnlyList<DiffPiece>> Lines(DiffPaneModel pane) =>
        pane.Lines.Where(l => l.Type != ChangeType.Imaginary).Select(line => (IReadOnlyList<DiffPiece>)(line.SubPieces.Count > 0
            ? line.SubPieces.Where(p => p.Type != ChangeType.Imaginary).Select(p => new DiffPiece(p.Text ?? "", p.Type)).ToList()
            : [new DiffPiece(line.Text ?? "", line.Type)])).ToList();
}
