namespace Portal.Core.Content.Fields;

public enum FieldEditorLayout
{
    /// <summary>One control, labelled by the field's name.</summary>
    Single,
    /// <summary>Several controls in a fieldset whose legend is the field's name.</summary>
    Group,
    /// <summary>A check box followed by its label.</summary>
    Checkbox,
}
