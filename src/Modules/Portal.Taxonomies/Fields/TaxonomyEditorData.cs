using Portal.Core.Content;
using Portal.Core.Content.Fields;
using Portal.Taxonomies.Services;

namespace Portal.Taxonomies.Fields;

/// <summary>Gives the TaxonomyTerms editor its vocabulary.</summary>
public sealed class TaxonomyEditorData(VocabularyStore vocabularies) : IFieldEditorDataProvider
{
    public string FieldType => TaxonomyTermsFieldType.TypeName;

    public async Task<object?> GetAsync(ContentPartFieldDefinition field) =>
        TaxonomyTermsFieldType.VocabularyOf(field.Settings) is { } name ? await vocabularies.GetAsync(name) : null;
}
