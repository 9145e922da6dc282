using Portal.Contents.ViewModels;

namespace Portal.Moderation.Services;

/// <summary>The public forms (partner space, proposals) show some of the back-office editor's fields, without its helper buttons.</summary>
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
}
