using Lucene.Net.Store;
using Portal.Search.Engine;

namespace Portal.Tests.Search;

/// <summary>The words of a query on a small index of known documents: which match, in which order, and how a query is loosened.</summary>
public sealed class QuerySemanticsTests : IDisposable
{
    private readonly LuceneSearchIndex _index = new(new RAMDirectory(), "fr", create: true);

    public QuerySemanticsTests()
    {
        Add("all", "Natation adaptée", "Séances de natation pour les personnes malvoyantes, piscine chauffée.");
        Add("two", "Natation du dimanche", "Séances de natation à la piscine municipale.");
        Add("one", "Club de lecture", "Des livres en gros caractères pour les personnes malvoyantes.");
        Add("title", "Handisport en salle", "Basket et tennis de table.");
        Add("text", "Club omnisport", "Une section handisport ouverte à tous.");
        Add("label", "Club de la vallée", "Des séances pour tous.", labels: "Sport adapté et handisport");
        Add("cafe", "Café des aidants", "Un temps d'échange entre aidants, autour d'un café.");
        Add("alzheimer", "Halte-répit Alzheimer", "Accueil des personnes atteintes de la maladie d'Alzheimer.");
        _index.Commit(1);
    }

    private void Add(string id, string title, string text, string labels = "") =>
        _index.Add(new SearchDocument { Id = id, Type = "Action", Title = title, Text = text, Labels = labels, Url = "/fr/" + id });

    private SearchResult Search(string text, SynonymTable? synonyms = null) =>
        _index.Search(new SearchQuery { Text = text, PrefixLastWord = false, PageSize = 20, Synonyms = synonyms });

    private static List<string> Ids(SearchResult result) => result.Hits.Select(h => h.Id).ToList();

    [Fact]
    public void Documents_with_every_word_come_first_then_those_with_most_of_them()
    {
        // Three words: two of them are enough (75 %, rounded down), but the document with all three ranks first.
        var result = Search("natation piscine malvoyantes");
        Ids(result).Should().Equal("all", "two");
        result.Relaxations.Should().BeEmpty();
        // Four words: three are enough.
        Ids(Search("natation piscine malvoyantes dimanche")).Should().BeEquivalentTo(["all", "two"]);
        Ids(Search("natation piscine malvoyantes chauffée")).Should().Equal("all");
    }

    [Fact]
    public void Up_to_two_words_every_word_is_required()
    {
        Ids(Search("natation malvoyantes")).Should().Equal("all");
        Ids(Search("natation dimanche")).Should().Equal("two");
    }

    [Fact]
    public void A_title_match_ranks_above_a_term_label_match_which_ranks_above_a_text_match()
    {
        Ids(Search("handisport")).Should().Equal("title", "label", "text");
    }

    [Fact]
    public void A_typo_is_forgiven_in_the_normal_query_and_ranks_below_the_exact_word()
    {
        var result = Search("handisprot");
        Ids(result).Should().BeEquivalentTo(["title", "label", "text"]);
        result.Relaxations.Should().BeEmpty("a typo is not a relaxation: the normal query forgives one letter from five");
        result.Correction.Should().Be("handisport");

        Add("typo", "Handisprot", "Une faute dans le titre.");
        _index.Commit(2);
        Ids(Search("handisport")).Should().StartWith(["title"]).And.EndWith("typo");
    }

    [Fact]
    public void Quotes_require_the_words_together_and_a_minus_excludes_a_word()
    {
        Ids(Search("\"piscine municipale\"")).Should().Equal("two");
        Ids(Search("natation -dimanche")).Should().Equal("all");
        Ids(Search("club -\"gros caractères\"")).Should().BeEquivalentTo(["text", "label"]);
        Ids(Search("-natation")).Should().NotContain(["all", "two"]).And.Contain("cafe");
    }

    [Fact]
    public void Synonyms_find_the_other_words_of_their_group_even_as_a_phrase()
    {
        var synonyms = new SynonymTable([["démence", "Alzheimer", "troubles cognitifs"], ["groupe de parole", "café des aidants"]], _index.Analyzer);
        Ids(Search("démence", synonyms)).Should().Equal("alzheimer");
        Ids(Search("troubles cognitifs", synonyms)).Should().Equal("alzheimer");
        Ids(Search("groupe de parole", synonyms)).Should().Equal("cafe");
        Search("démence").Total.Should().Be(0, "without the group, the word is unknown");
    }

    [Fact]
    public void When_nothing_matches_the_least_important_word_is_left_out_and_said()
    {
        var result = Search("piscine zorglubbe");
        Ids(result).Should().BeEquivalentTo(["all", "two"]);
        result.Relaxations.Should().ContainSingle(r => r.Kind == SearchRelaxationKind.DroppedWords).Which.Words.Should().Equal("zorglubbe");

        var common = Search("natation lecture");
        common.Relaxations.Should().Contain(r => r.Kind == SearchRelaxationKind.DroppedWords)
            .Which.Words.Should().Equal(new[] { "natation" }, "the most common word is the least specific one");
        Ids(common).Should().Equal("one");
    }

    [Fact]
    public void A_word_too_far_from_any_known_one_is_tried_with_more_spelling_differences()
    {
        // Four letters: no typo forgiven in the normal query, one when nothing matched.
        var result = Search("cafa");
        Ids(result).Should().Equal("cafe");
        result.Relaxations.Should().ContainSingle().Which.Kind.Should().Be(SearchRelaxationKind.SimilarSpellings);
        result.Fuzzy.Should().BeTrue();
    }

    [Fact]
    public void Words_that_only_ask_are_left_out_of_a_question_but_searched_when_alone()
    {
        Add("ask", "Comment trouver une aide", "Où trouver de l'aide : quelles démarches faire.");
        _index.Commit(2);
        // Without the asking words, "comment trouver … café … aidants" would need three of four words and find nothing.
        var result = Search("comment trouver un café pour les aidants");
        Ids(result).Should().Equal("cafe");
        result.Relaxations.Should().BeEmpty("the asking words are not words to match");
        Ids(Search("comment trouver")).Should().Equal(new[] { "ask" }, "asked alone, the words are what is searched");
    }

    [Fact]
    public void From_three_words_a_word_the_index_does_not_know_at_all_does_not_count_in_the_minimum()
    {
        // Four words would need three; two of them unknown to the index, the two known ones are what counts.
        var result = Search("natation malvoyantes zorglub bidulex");
        Ids(result).Should().Equal("all");
        result.Relaxations.Should().BeEmpty();
        Search("natation zorglub").Relaxations.Should().NotBeEmpty("up to two words, each is required");
    }

    [Fact]
    public void A_word_most_items_contain_does_not_make_up_for_a_missing_word_that_says_more()
    {
        using var index = new LuceneSearchIndex(new RAMDirectory(), "fr", create: true);
        // "personne" is in nearly every item, "visite" in all of these, "tactile" only in the two tactile visits.
        for (var i = 0; i < 30; i++)
            index.Add(new SearchDocument { Id = "p" + i, Type = "Action", Title = "Atelier " + i, Text = "Pour toute personne, visite libre " + i, Url = "/fr/p" + i });
        index.Add(new SearchDocument { Id = "tactile", Type = "Action", Title = "Visite tactile", Text = "Visite tactile du musée, pour toute personne.", Url = "/fr/t" });
        index.Add(new SearchDocument { Id = "tactile-only", Type = "Action", Title = "Visite tactile", Text = "Toucher les œuvres.", Url = "/fr/to" });
        index.Commit(1);
        var result = index.Search(new SearchQuery { Text = "personne visite tactile", PrefixLastWord = false, PageSize = 50 });
        // Three words, two needed: "personne" + "visite" would be enough for every workshop; being common, it is not counted.
        result.Hits.Select(h => h.Id).Should().Equal("tactile", "tactile-only");
    }

    public void Dispose() => _index.Dispose();
}
