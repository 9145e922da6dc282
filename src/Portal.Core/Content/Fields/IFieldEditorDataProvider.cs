namespace Portal.Core.Content.Fields;

/// <summary>What a field's editor needs beyond its value (the terms of a vocabulary, the items a picker offers).</summary>
public interface IFieldEditorDataProvider
{
    string FieldType { get; }

    Task<object?> GetAsync(ContentPartFieldDefinition field);
}
