using System.Text.Json.Nodes;

namespace Portal.Core.Content;

public sealed class ContentTypeDefinition
{
    public string Name { get; set; } = "";
    public string DisplayName { get; set; } = "";
    /// <summary>German display name; the French one is <see cref="DisplayName"/>.</summary>
    public string? DisplayNameDe { get; set; }
    public string? Description { get; set; }
    public bool Creatable { get; set; } = true;
    public bool Listable { get; set; } = true;
    public bool Versionable { get; set; } = true;
    public List<ContentTypePartDefinition> Parts { get; set; } = [];

    public string DisplayNameFor(string culture) => culture == "de" && !string.IsNullOrEmpty(DisplayNameDe) ? DisplayNameDe : DisplayName;
}

public sealed class ContentTypePartDefinition
{
    /// <summary>The name of the part within the type, also its key in the item's JSON.</summary>
    public string Name { get; set; } = "";
    /// <summary>The part definition it uses; the type's own fields live in a part named after the type.</summary>
    public string PartName { get; set; } = "";
    public int Position { get; set; }
}

public sealed class ContentPartDefinition
{
    public string Name { get; set; } = "";
    public string? DisplayName { get; set; }
    public string? DisplayNameDe { get; set; }
    public string? Description { get; set; }
    public List<ContentPartFieldDefinition> Fields { get; set; } = [];
}

public sealed class ContentPartFieldDefinition
{
    public string Name { get; set; } = "";
    public string FieldType { get; set; } = "";
    public string DisplayName { get; set; } = "";
    public string? DisplayNameDe { get; set; }
    public int Position { get; set; }
    public FieldSettings Settings { get; set; } = new();

    public string LabelFor(string culture) => culture == "de" && !string.IsNullOrEmpty(DisplayNameDe) ? DisplayNameDe : DisplayName;
}

/// <summary>The settings every field type understands; each type reads those that mean something to it.</summary>
public sealed class FieldSettings
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
    public string? Hint { get; set; }
    public string? HintDe { get; set; }
    public string? Editor { get; set; }
    /// <summary>Free settings for field types added by modules (e.g. the vocabulary of a taxonomy field).</summary>
    public JsonObject? Extra { get; set; }

    public string? HintFor(string culture) => culture == "de" && !string.IsNullOrEmpty(HintDe) ? HintDe : Hint;
}

public sealed class FieldOption
{
    public string Value { get; set; } = "";
    public string Label { get; set; } = "";
    public string? LabelDe { get; set; }

    public string LabelFor(string culture) => culture == "de" && !string.IsNullOrEmpty(LabelDe) ? LabelDe : Label;
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
