using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Portal.Core.Content;
using Portal.Core.Content.Fields;

namespace Portal.Contents.Services;

/// <summary>Reads the generic editor's form into an item's parts: "Part.Field.Property" names, one field type each.</summary>
public sealed class ContentFormBinder(IContentDefinitionStore definitions, IEnumerable<IContentFieldType> fieldTypes)
{
    private readonly Dictionary<string, IContentFieldType> _fieldTypes = fieldTypes.ToDictionary(f => f.Name);

    public async Task<JsonObject> BindAsync(ContentTypeDefinition type, IFormCollection form, JsonObject? existing)
    {
        // Parts the editor does not show (added by another module or a recipe) are kept as they were.
        var data = existing?.DeepClone() as JsonObject ?? new JsonObject();
        foreach (var (typePart, part) in await definitions.GetPartsOfAsync(type))
        {
            if (part.Fields.Count == 0) continue;
            var partData = data[typePart.Name] as JsonObject ?? new JsonObject();
            foreach (var field in part.Fields)
            {
                if (!_fieldTypes.TryGetValue(field.FieldType, out var fieldType)) continue;
                var value = fieldType.ReadForm(form, $"{typePart.Name}.{field.Name}");
                if (value is null) partData.Remove(field.Name);
                else partData[field.Name] = value;
            }
            data[typePart.Name] = partData;
        }
        return data;
    }
}
