using System.Text.Json.Nodes;
using Portal.Contents.ViewModels;

namespace Portal.Moderation.Services;

/// <summary>The public forms (partner space, proposals) show some of the back-office editor's fields, and take only those from a post.</summary>
public static class EditorFields
{
    public static void Keep(ContentEditorViewModel editor, Func<FieldEditor, bool> keep)
    {
        var parts = editor.Parts.Select(p => p with
        {
            Fields = p.Fields.Where(keep).Select(f => f.Actions.Count == 0 ? f : new FieldEditor
            {
                Prefix = f.Prefix, Field = f.Field, FieldType = f.FieldType, Value = f.Value, Errors = f.Errors, Label = f.Label, Hint = f.Hint, Culture = f.Culture, EditorData = f.EditorData,
            }).ToList(),
        }).Where(p => p.Fields.Count > 0).ToList();
        editor.Parts.Clear();
        editor.Parts.AddRange(parts);
    }

    /// <summary>The fields the form renders ("Part.Field"): the allow-list of what a post may set.</summary>
    public static HashSet<string> Shown(ContentEditorViewModel editor) =>
        editor.Parts.SelectMany(p => p.Fields).Select(f => f.Prefix).ToHashSet(StringComparer.Ordinal);

    /// <summary>
    /// What a post sets, limited to the shown fields: any other field keeps its value in <paramref name="existing"/>
    /// (or stays absent), whatever extra names the post carried.
    /// </summary>
    public static JsonObject OnlyShown(JsonObject bound, JsonObject? existing, IReadOnlySet<string> shown)
    {
        var result = new JsonObject();
        foreach (var (partName, partNode) in bound)
        {
            if (partNode is not JsonObject part)
            {
                if (existing?[partName] is { } kept) result[partName] = kept.DeepClone();
                continue;
            }
            var before = existing?[partName] as JsonObject;
            var filtered = new JsonObject();
            // In the order the item had them, then the new ones: an unchanged post stays the same JSON.
            foreach (var (fieldName, value) in before ?? [])
            {
                var source = shown.Contains($"{partName}.{fieldName}") ? part[fieldName] : value;
                if (source is not null) filtered[fieldName] = source.DeepClone();
            }
            foreach (var (fieldName, value) in part)
                if (before?.ContainsKey(fieldName) != true && shown.Contains($"{partName}.{fieldName}")) filtered[fieldName] = value?.DeepClone();
            if (filtered.Count > 0 || before is not null) result[partName] = filtered;
        }
        foreach (var (partName, value) in existing ?? [])
            if (!result.ContainsKey(partName)) result[partName] = value?.DeepClone();
        return result;
    }
}
