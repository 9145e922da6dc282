using System.Text.Json;
using Portal.Core.Content;
using Portal.Core.Content.Fields;

namespace Portal.Core.Recipes.Steps;

/// <summary>{ "name": "ContentDefinition", "ContentParts": [...], "ContentTypes": [...] }: creates or replaces definitions.</summary>
public sealed class ContentDefinitionStep(IContentDefinitionStore store, IEnumerable<IContentFieldType> fieldTypes) : IRecipeStep
{
    public string Name => "ContentDefinition";

    public async Task ExecuteAsync(RecipeStepContext context)
    {
        var known = fieldTypes.Select(f => f.Name).ToHashSet();
        var parts = context.Step["ContentParts"]?.Deserialize<List<ContentPartDefinition>>(ContentJson.Options) ?? [];
        var types = context.Step["ContentTypes"]?.Deserialize<List<ContentTypeDefinition>>(ContentJson.Options) ?? [];

        foreach (var part in parts)
        {
            if (string.IsNullOrWhiteSpace(part.Name)) throw new RecipeStepException("a content part has no Name.");
            foreach (var field in part.Fields)
            {
                if (string.IsNullOrWhiteSpace(field.Name)) throw new RecipeStepException($"a field of part {part.Name} has no Name.");
                if (!known.Contains(field.FieldType))
                    throw new RecipeStepException($"field {part.Name}.{field.Name} has the unknown type \"{field.FieldType}\"; known types: {string.Join(", ", known.Order())}.");
                if (field.DisplayName.IsEmpty) field.DisplayName = field.Name;
            }
            await store.SavePartAsync(part);
        }

        foreach (var type in types)
        {
            if (string.IsNullOrWhiteSpace(type.Name) || !type.Name.All(char.IsAsciiLetterOrDigit))
                throw new RecipeStepException($"the content type name \"{type.Name}\" must be letters and digits only.");
            if (type.DisplayName.IsEmpty) type.DisplayName = type.Name;
            for (var i = 0; i < type.Parts.Count; i++)
            {
                var typePart = type.Parts[i];
                if (string.IsNullOrEmpty(typePart.PartName)) typePart.PartName = typePart.Name;
                if (string.IsNullOrEmpty(typePart.Name)) typePart.Name = typePart.PartName;
                if (typePart.Position == 0) typePart.Position = i;
                if (typePart.PartName != type.Name && await store.GetPartAsync(typePart.PartName) is null)
                    throw new RecipeStepException($"type {type.Name} uses the part \"{typePart.PartName}\", which is not defined.");
            }
            await store.SaveTypeAsync(type);
        }
    }
}
