using System.Text.Json;
using System.Text.Json.Nodes;

namespace Portal.Core.Content;

/// <summary>One version of a content item. The published and latest versions are flags, as in Orchard.</summary>
public sealed class ContentItem
{
    public long Id { get; set; }
    public string ContentItemId { get; set; } = "";
    public string ContentItemVersionId { get; set; } = "";
    public int Number { get; set; } = 1;
    public string ContentType { get; set; } = "";
    public string DisplayText { get; set; } = "";
    public bool Latest { get; set; }
    public bool Published { get; set; }
    public string Status { get; set; } = ContentStatus.Draft;
    public string Culture { get; set; } = "";
    public string? LocalizationSet { get; set; }
    public string? Owner { get; set; }
    public string? Author { get; set; }
    public DateTime CreatedUtc { get; set; }
    public DateTime ModifiedUtc { get; set; }
    public DateTime? PublishedUtc { get; set; }
    /// <summary>The public path of the item within its culture (from AutoroutePart), copied here to be indexed.</summary>
    public string? Path { get; set; }
    /// <summary>Changes at every save of this row; EF refuses a save over a row changed meanwhile.</summary>
    public string ConcurrencyStamp { get; set; } = Guid.NewGuid().ToString("N");

    private JsonObject? _data;

    /// <summary>The parts and fields, serialized. Use <see cref="Data"/> to read or change them.</summary>
    public string Content
    {
        get => _data is null ? _content : _data.ToJsonString(ContentJson.Options);
        set { _content = value; _data = null; }
    }
    private string _content = "{}";

    public JsonObject Data
    {
        get => _data ??= JsonNode.Parse(string.IsNullOrWhiteSpace(_content) ? "{}" : _content) as JsonObject ?? new JsonObject();
        set => _data = value;
    }

    /// <summary>
    /// Serializes the data once and keeps only the text (until <see cref="Data"/> is read again): a save reads
    /// <see cref="Content"/> several times (to detect changes, to bind, to snapshot), each a serialization of the tree.
    /// </summary>
    internal void Serialize()
    {
        if (_data is null) return;
        _content = _data.ToJsonString(ContentJson.Options);
        _data = null;
    }

    /// <summary>An unsaved copy of this version (to validate or show an editor again: the content manager saves).</summary>
    public ContentItem Copy() => new()
    {
        ContentItemId = ContentItemId, ContentItemVersionId = ContentItemVersionId, ContentType = ContentType, Culture = Culture,
        LocalizationSet = LocalizationSet, Owner = Owner, Status = Status, Latest = Latest, Published = Published, Path = Path,
        DisplayText = DisplayText, Content = Content,
    };

    /// <summary>
    /// A copy of this row as stored, every column included: what a read model keeps is never handed out itself (a page
    /// that reads <see cref="Data"/> parses its own tree from the text).
    /// </summary>
    public ContentItem Clone() => new()
    {
        Id = Id, ContentItemId = ContentItemId, ContentItemVersionId = ContentItemVersionId, Number = Number, ContentType = ContentType,
        DisplayText = DisplayText, Latest = Latest, Published = Published, Status = Status, Culture = Culture, LocalizationSet = LocalizationSet,
        Owner = Owner, Author = Author, CreatedUtc = CreatedUtc, ModifiedUtc = ModifiedUtc, PublishedUtc = PublishedUtc, Path = Path,
        ConcurrencyStamp = ConcurrencyStamp, Content = Content,
    };

    /// <summary>An unsaved copy of this version with other data, to show an editor again.</summary>
    public ContentItem WithData(JsonObject data, string concurrencyStamp)
    {
        var copy = Copy();
        copy.Data = data;
        copy.ConcurrencyStamp = concurrencyStamp;
        return copy;
    }

    public JsonObject? Part(string name) => Data[name] as JsonObject;

    public JsonObject GetOrCreatePart(string name)
    {
        if (Data[name] is JsonObject part) return part;
        part = new JsonObject();
        Data[name] = part;
        return part;
    }

    public JsonNode? Field(string part, string field) => Part(part)?[field];

    /// <summary>Typed access to a part: <c>item.As&lt;AddressPart&gt;()</c>.</summary>
    public T As<T>() where T : new()
    {
        var node = Part(typeof(T).Name);
        return node is null ? new T() : node.Deserialize<T>(ContentJson.Options) ?? new T();
    }

    public void Apply<T>(T part) => Data[typeof(T).Name] = JsonSerializer.SerializeToNode(part, ContentJson.Options);
}

public static class ContentStatus
{
    public const string Draft = "Draft";
    public const string Published = "Published";
    public const string Unpublished = "Unpublished";
    public const string Deleted = "Deleted";
    // Any other value is the name of a workflow state, which the workflow's module owns.
}

public static class ContentJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        PropertyNamingPolicy = null,
        DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull,
        // Stored, never written into a page as is: keep accents readable in the database.
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };
}
