using System.Text.Json;
using System.Text.Json.Serialization;

namespace Portal.Core.Localization;

/// <summary>Reads a bare string (the old shape: a text naming no culture) or an object culture → text; writes the object (a bare string when no culture is named).</summary>
public sealed class LocalizedTextJsonConverter : JsonConverter<LocalizedText>
{
    public override bool HandleNull => true;

    public override LocalizedText Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.Null: return LocalizedText.Empty;
            case JsonTokenType.String: return LocalizedText.Of(reader.GetString());
            case JsonTokenType.StartObject:
                var entries = new List<KeyValuePair<string, string>>();
                while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
                {
                    var culture = reader.GetString()!;
                    reader.Read();
                    if (reader.TokenType is not (JsonTokenType.String or JsonTokenType.Null))
                        throw new JsonException($"The text of the culture \"{culture}\" must be a string.");
                    entries.Add(new(culture, reader.GetString() ?? ""));
                }
                return new LocalizedText(entries);
            default: throw new JsonException("A localized text is a string or an object { \"culture\": \"text\" }.");
        }
    }

    public override void Write(Utf8JsonWriter writer, LocalizedText value, JsonSerializerOptions options)
    {
        if (value.Entries is [{ Key: LocalizedText.Unspecified } only])
        {
            writer.WriteStringValue(only.Value);
            return;
        }
        writer.WriteStartObject();
        foreach (var (culture, text) in value.Entries) writer.WriteString(culture, text);
        writer.WriteEndObject();
    }
}
