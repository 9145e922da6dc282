using Portal.Core.Content;
using Portal.Core.DataMigrations;
using Portal.Core.Localization;
using Portal.Taxonomies.Services;

namespace Portal.Taxonomies;

/// <summary>The Vocabulary type: edited through the vocabulary screens, not the generic editor.</summary>
public sealed class Migrations(IContentDefinitionStore store) : DataMigration
{
    public override async Task<int> CreateAsync()
    {
        await store.AlterPartAsync(VocabularyStore.PartName, p => p.Named("Vocabulaire", "Vokabular"));
        await store.AlterTypeAsync(VocabularyStore.ContentType, t =>
        {
            t.DisplayName = LegacyLabels.Pair("Vocabulaire", "Vokabular");
            t.Creatable = false;
            t.Listable = false;
            t.WithPart("TitlePart").WithPart(VocabularyStore.PartName);
        });
        return 1;
    }
}
