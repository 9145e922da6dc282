using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Portal.Contents.ViewModels;
using Portal.Core.Content;
using Portal.Core.Content.Fields;
using Portal.Core.Data;
using Portal.Core.Localization;

namespace Portal.Contents.Services;

/// <summary>Builds the generic editor of an item from its type's definition.</summary>
public sealed class ContentEditorBuilder(Portal.Core.Localization.Cultures cultures, 
    IContentDefinitionStore definitions,
    IEnumerable<IContentFieldType> fieldTypes,
    IEnumerable<IFieldEditorDataProvider> editorData,
    IEnumerable<IContentEditorAction> editorActions,
    PortalDbContext db,
    IStringLocalizer<ContentEditorBuilder> T)
{
    private readonly Dictionary<string, IContentFieldType> _fieldTypes = fieldTypes.ToDictionary(f => f.Name);
    private readonly Dictionary<string, IFieldEditorDataProvider> _editorData = editorData.ToDictionary(p => p.FieldType);

    public async Task<ContentEditorViewModel> BuildAsync(ContentTypeDefinition type, ContentItem item, bool isNew, ContentValidationResult? validation = null,
        string? message = null, bool canPublish = false, bool canDelete = false)
    {
        validation ??= new ContentValidationResult();
        var culture = cultures.Current;
        var contentCulture = cultures.Find(item.Data["LocalizationPart"]?["Culture"]?["Text"]?.GetValue<string>() ?? item.Culture)?.Code;
        var hasPublished = !isNew && await db.ContentItems.AnyAsync(i => i.ContentItemId == item.ContentItemId && i.Published);
        var model = new ContentEditorViewModel
        {
            Type = type, Item = item, IsNew = isNew, Validation = validation, Message = message,
            CanPublish = canPublish, CanDelete = canDelete, HasPublishedVersion = hasPublished,
        };
        foreach (var (typePart, part) in await definitions.GetPartsOfAsync(type))
        {
            var fields = new List<FieldEditor>();
            foreach (var field in part.Fields.OrderBy(f => f.Position))
            {
                if (!_fieldTypes.TryGetValue(field.FieldType, out var fieldType)) continue;
                var prefix = $"{typePart.Name}.{field.Name}";
                fields.Add(new FieldEditor
                {
                    Prefix = prefix,
                    Field = field,
                    FieldType = fieldType,
                    Value = item.Field(typePart.Name, field.Name),
                    Errors = validation.For(prefix).ToList(),
                    Label = T[field.LabelFor(culture, cultures)],
                    Hint = field.Settings.HintFor(culture, cultures) is { } hint ? T[hint].Value : null,
                    Culture = culture,
                    ContentCulture = contentCulture,
                    EditorData = _editorData.TryGetValue(fieldType.Name, out var provider) ? await provider.GetAsync(field) : null,
                    Actions = editorActions.Where(a => a.FieldFor(type) == prefix).Select(a => (a.Name, a.Label)).ToList(),
                });
            }
            if (fields.Count == 0) continue;
            var legend = typePart.Name == type.Name ? type.DisplayNameFor(culture, cultures)
                : part.DisplayName.ForOrNull(culture, cultures) ?? T[typePart.Name].Value;
            model.Parts.Add(new PartEditor(typePart.Name, legend, fields));
        }
        return model;
    }

}
