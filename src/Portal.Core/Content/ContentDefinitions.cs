using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using Portal.Core.Localization;

namespace Portal.Core.Content;

public sealed class ContentTypeDefinition : IJsonOnDeserialized
{
    public string Name { get; set; } = "";
    public LocalizedText DisplayName { get; set; } = LocalizedText.Empty;
    public string? Description { get; set; }
    public bool Creatable { get; set; } = true;
    public bool Listable { get; set; } = true;
    public bool Versionable { get; set; } = true;
    public List<ContentTypePartDefinition> Parts { get; set; } = [];

    public string DisplayNameFor(string culture, Cultures cultures) => DisplayName.For(culture, cultures);

    /// <summary>The old shape's German sibling, read only.</summary>
    [JsonInclude, JsonPropertyName("DisplayNameDe")]
    private string? LegacyDisplayNameDe { get => null; set => _legacyDisplayNameDe = value; }
    private string? _legacyDisplayNameDe;

    void IJsonOnDeserialized.OnDeserialized() => DisplayName = LegacyLabels.Pair(DisplayName, _legacyDisplayNameDe);
}

public sealed class ContentTypePartDefinition
{
    /// <summary>The name of the part within the type, also its key in the item's JSON.</summary>
    public string Name { get; set; } = "";
    /// <summary>The part definition it uses; the type's own fields live in a part named after the type.</summary>
    public string PartName { get; set; } = "";
    public int Position { get; set; }
    /// <summary>
    /// Every field of the part, in this type, is the same in every language: saving one version of a localization set
    /// copies them to the others (an address, a contact).
    /// </summary>
    public bool CultureNeutral { get; set; }
}

public sealed class ContentPartDefinition : IJsonOnDeserialized
{
    public string Name { get; set; } = "";
    public LocalizedText DisplayName { get; set; } = LocalizedText.Empty;
    public string? Description { get; set; }
    public List<ContentPartFieldDefinition> Fields { get; set; } = [];

    [JsonInclude, JsonPropertyName("DisplayNameDe")]
    private string? LegacyDisplayNameDe { get => null; set => _legacyDisplayNameDe = value; }
    private string? _legacyDisplayNameDe;

    void IJsonOnDeserialized.OnDeserialized() => DisplayName = LegacyLabels.Pair(DisplayName, _legacyDisplayNameDe);
}

public sealed class ContentPartFieldDefinition : IJsonOnDeserialized
{
    public string Name { get; set; } = "";
    public string FieldType { get; set; } = "";
    public LocalizedText DisplayName { get; set; } = LocalizedText.Empty;
    public int Position { get; set; }
    public FieldSettings Settings { get; set; } = new();

    public string LabelFor(string culture, Cultures cultures) => DisplayName.For(culture, cultures);

    [JsonInclude, JsonPropertyName("DisplayNameDe")]
    private string? LegacyDisplayNameDe { get => null; set => _legacyDisplayNameDe = value; }
    private string? _legacyDisplayNameDe;

    void IJsonOnDeserialized.OnDeserialized() => DisplayName = LegacyLabels.Pair(DisplayName, _legacyDisplayNameDe);
}

/// <summary>The settings every field type understands; each type reads those that mean something to it.</summary>
public sealed class FieldSettings : IJsonOnDeserialized
{
    public bool Required { get; set; }
    public int? MaxLength { get; set; }
    public int? MinLength { get; set; }
    public string? Pattern { get; set; }
    public string? PatternMessage { get; set; }
    public decimal? Minimum { get; set; }
    public decimal? Maximum { get; set; }
    public int? Scale { get; set; }
    public List<FieldOption> Options { get; set; } = [];
    public bool Multiple { get; set; }
    public List<string> ContentTypes { get; set; } = [];
    public LocalizedText Hint { get; set; } = LocalizedText.Empty;
    public string? Editor { get; set; }
    /// <summary>
    /// The value does not depend on the language (a phone number, a point, taxonomy terms): saving one version of a
    /// localization set copies it to the others.
    /// </summary>
    public bool CultureNeutral { get; set; }
    /// <summary>Free settings for field types added by modules (e.g. the vocabulary of a taxonomy field).</summary>
    public JsonObject? Extra { get; set; }

    public string? HintFor(string culture, Cultures cultures) => Hint.ForOrNull(culture, cultures);

    [JsonInclude, JsonPropertyName("HintDe")]
    private string? LegacyHintDe { get => null; set => _legacyHintDe = value; }
    private string? _legacyHintDe;

    void IJsonOnDeserialized.OnDeserialized() => Hint = LegacyLabels.Pair(Hint, _legacyHintDe);
}

public sealed class FieldOption : IJsonOnDeserialized
{
    public string Value { get; set; } = "";
    public LocalizedText Label { get; set; } = LocalizedText.Empty;

    public string LabelFor(string culture, Cultures cultures) => Label.For(culture, cultures);

    [JsonInclude, JsonPropertyName("LabelDe")]
    private string? LegacyLabelDe { get => null; set => _legacyLabelDe = value; }
    private string? _legacyLabelDe;

    void IJsonOnDeserialized.OnDeserialized() => Label = LegacyLabels.Pair(Label, _legacyLabelDe);
}

/// <summary>A stored definition (a type or a part), one row each, its body as JSON.</summary>
public sealed class ContentDefinitionRecord
{
    public long Id { get; set; }
    public string Kind { get; set; } = "";
    public string Name { get; set; } = "";
    public string Definition { get; set; } = "{}";
    public DateTime ModifiedUtc { get; set; }

    public const string TypeKind = "Type";
    public const string PartKind = "Part";
}
