using Portal.Core.Content;
using Portal.Core.Content.Parts;
using Portal.Core.Localization;

namespace Portal.Knowledge;

/// <summary>The module's types, vocabularies and address segments per culture.</summary>
public static class KnowledgeTypes
{
    public const string GoodPractice = "GoodPractice";
    public const string GuideSide = "GuideSide";
    public const string GlossaryVocabulary = "care-glossary";
    public const string FundingVocabulary = "funding";

    public const string GoodPractices = "good-practices";
    public const string Replicate = "replicate";
    public const string Guide = "cross-border-guide";
    public const string Glossary = "glossary";

    public static readonly RouteTable Routes = new RouteTable()
        .Add(GoodPractices, ("fr", "projets-inspirants"), ("de", "gute-praxis"))
        .Add(Replicate, ("fr", "reproduire"), ("de", "uebernehmen"))
        .Add(Guide, ("fr", "bien-vieillir-frontiere"), ("de", "gut-aelter-werden-grenze"))
        .Add(Glossary, ("fr", "glossaire"), ("de", "glossar"));

    public static string PathOf(string key, string culture) => Routes.Path(key, culture);

    /// <summary>The address of a glossary term: the glossary page of the culture, at the term's anchor.</summary>
    public static string TermUrl(string culture, string slug) => $"{PathOf(Glossary, culture)}#{slug}";
}

/// <summary>A good practice lives below the list (/fr/projets-inspirants/…), a side of the guide below the guide.</summary>
public sealed class KnowledgeRoutes : IAutoroutePrefix
{
    public string? PrefixFor(ContentItem item) => item.ContentType switch
    {
        KnowledgeTypes.GoodPractice => KnowledgeTypes.Routes.Segment(KnowledgeTypes.GoodPractices, item.Culture),
        KnowledgeTypes.GuideSide => KnowledgeTypes.Routes.Segment(KnowledgeTypes.Guide, item.Culture),
        _ => null,
    };
}
