using Portal.Core.Localization;
using Portal.Taxonomies.Services;

namespace Portal.Network.Services;

public sealed record Choice(string Slug, string Label);

/// <summary>The sides of the border, languages and fields of expertise a member picks from: three vocabularies, labelled in one culture.</summary>
public sealed class NetworkChoices
{
    public required IReadOnlyList<Choice> Sides { get; init; }
    public required IReadOnlyList<Choice> Languages { get; init; }
    public required IReadOnlyList<Choice> Expertise { get; init; }

    public string LabelOf(IReadOnlyList<Choice> choices, string slug) => choices.FirstOrDefault(c => c.Slug == slug)?.Label ?? slug;

    public static async Task<NetworkChoices> LoadAsync(VocabularyStore vocabularies, Cultures cultures, string culture)
    {
        async Task<IReadOnlyList<Choice>> Of(string name) => (await vocabularies.GetAsync(name))?.Terms
            .Select(t => new Choice(t.Slug, t.LabelFor(culture, cultures))).ToList() ?? [];
        return new NetworkChoices
        {
            Sides = await Of(NetworkRoutes.SideVocabulary),
            Languages = await Of(NetworkRoutes.LanguageVocabulary),
            Expertise = (await Of(NetworkRoutes.ExpertiseVocabulary)).OrderBy(c => c.Label, StringComparer.Create(System.Globalization.CultureInfo.GetCultureInfo(culture), true)).ToList(),
        };
    }
}
