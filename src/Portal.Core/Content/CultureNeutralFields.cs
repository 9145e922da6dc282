using System.Text.Json.Nodes;
using Portal.Core.Content.Parts;

namespace Portal.Core.Content;

/// <summary>
/// The fields of a type that are the same in every language, as its definition marks them (a part of the type marked
/// <see cref="ContentTypePartDefinition.CultureNeutral"/>, or a field marked <see cref="FieldSettings.CultureNeutral"/>).
/// The kernel names none: the module that owns a type marks them. The language part itself never is.
/// </summary>
public sealed class CultureNeutralFields
{
    private readonly List<(string Part, string Field)> _fields;

    private CultureNeutralFields(List<(string Part, string Field)> fields) => _fields = fields;

    public IReadOnlyList<(string Part, string Field)> Fields => _fields;

    public bool IsEmpty => _fields.Count == 0;

    /// <summary>"Part.Field" keys, as the audit trail and the editors name fields.</summary>
    public IEnumerable<string> Keys => _fields.Select(f => $"{f.Part}.{f.Field}");

    public bool Contains(string part, string field) => _fields.Contains((part, field));

    public static CultureNeutralFields Of(IEnumerable<(ContentTypePartDefinition TypePart, ContentPartDefinition Part)> parts) =>
        new([.. parts.Where(p => p.TypePart.Name != BuiltInParts.Localization)
            .SelectMany(p => p.Part.Fields.Where(f => p.TypePart.CultureNeutral || f.Settings.CultureNeutral).Select(f => (p.TypePart.Name, f.Name)))]);

    public static async Task<CultureNeutralFields> OfAsync(IContentDefinitionStore definitions, ContentTypeDefinition type) =>
        Of(await definitions.GetPartsOfAsync(type));

    /// <summary>Copies the neutral values of <paramref name="source"/> into <paramref name="target"/>; true when that changed it.</summary>
    public bool CopyTo(JsonObject source, JsonObject target)
    {
        var changed = false;
        foreach (var (part, field) in _fields)
        {
            var value = (source[part] as JsonObject)?[field];
            var targetPart = target[part] as JsonObject;
            if (JsonNode.DeepEquals(value, targetPart?[field])) continue;
            if (value is null) targetPart!.Remove(field);
            else
            {
                if (targetPart is null) target[part] = targetPart = new JsonObject();
                targetPart[field] = value.DeepClone();
            }
            changed = true;
        }
        return changed;
    }

    /// <summary>The neutral fields whose values differ between two versions' data.</summary>
    public IReadOnlyList<string> Differences(JsonObject? before, JsonObject after) =>
        [.. _fields.Where(f => !JsonNode.DeepEquals((before?[f.Part] as JsonObject)?[f.Field], (after[f.Part] as JsonObject)?[f.Field])).Select(f => $"{f.Part}.{f.Field}")];
}
