using Portal.Core.Localization;

namespace Portal.Core.Content;

/// <summary>Code-side alteration of definitions, for module migrations: reads like the definition it makes.</summary>
public static class ContentDefinitionBuilders
{
    public static async Task AlterTypeAsync(this IContentDefinitionStore store, string name, Action<ContentTypeDefinition> alter)
    {
        var type = await store.GetTypeAsync(name) ?? new ContentTypeDefinition { Name = name, DisplayName = name };
        alter(type);
        await store.SaveTypeAsync(type);
    }

    public static async Task AlterPartAsync(this IContentDefinitionStore store, string name, Action<ContentPartDefinition> alter)
    {
        var part = await store.GetPartAsync(name) ?? new ContentPartDefinition { Name = name };
        alter(part);
        await store.SavePartAsync(part);
    }

    /// <summary>Adds the part to the type, or moves it; the part's name in the type is the part definition's name.</summary>
    public static ContentTypeDefinition WithPart(this ContentTypeDefinition type, string partName, int? position = null, string? name = null)
    {
        name ??= partName;
        var existing = type.Parts.FirstOrDefault(p => p.Name == name);
        if (existing is null)
        {
            existing = new ContentTypePartDefinition { Name = name, PartName = partName, Position = position ?? type.Parts.Count };
            type.Parts.Add(existing);
        }
        else if (position is not null) existing.Position = position.Value;
        return type;
    }

    /// <summary>Marks a part of the type as the same in every language (see <see cref="ContentTypePartDefinition.CultureNeutral"/>).</summary>
    public static ContentTypeDefinition WithCultureNeutralPart(this ContentTypeDefinition type, string name)
    {
        var part = type.Parts.FirstOrDefault(p => p.Name == name) ?? throw new ArgumentException($"The type '{type.Name}' has no part '{name}'.", nameof(name));
        part.CultureNeutral = true;
        return type;
    }

    /// <summary>Marks fields of the part as the same in every language (see <see cref="FieldSettings.CultureNeutral"/>).</summary>
    public static ContentPartDefinition WithCultureNeutralFields(this ContentPartDefinition part, params string[] fields)
    {
        foreach (var name in fields)
            (part.Fields.FirstOrDefault(f => f.Name == name) ?? throw new ArgumentException($"The part '{part.Name}' has no field '{name}'.", nameof(fields))).Settings.CultureNeutral = true;
        return part;
    }

    /// <summary>Names the part: <paramref name="displayName"/> in the default culture, <paramref name="displayNameDe"/> its German (the old pair).</summary>
    public static ContentPartDefinition Named(this ContentPartDefinition part, string displayName, string displayNameDe)
    {
        part.DisplayName = LegacyLabels.Pair(displayName, displayNameDe);
        return part;
    }

    public static ContentPartDefinition Named(this ContentPartDefinition part, LocalizedText displayName)
    {
        part.DisplayName = displayName;
        return part;
    }

    public static ContentPartDefinition WithField(this ContentPartDefinition part, string name, string fieldType, string displayName, string? displayNameDe = null, Action<FieldSettings>? settings = null)
    {
        var field = part.Fields.FirstOrDefault(f => f.Name == name);
        if (field is null)
        {
            field = new ContentPartFieldDefinition { Name = name, Position = part.Fields.Count };
            part.Fields.Add(field);
        }
        field.FieldType = fieldType;
        field.DisplayName = LegacyLabels.Pair(displayName, displayNameDe);
        settings?.Invoke(field.Settings);
        return part;
    }
}
