using Lucene.Net.Store;
using Portal.Search.Engine;

namespace Portal.Tests.Search;

/// <summary>
/// The answers an index keeps for its present state: the same question asked again is the same answer, a different
/// one (other words, filters, page, area, synonyms) is not, and once the index changes no kept answer is given.
/// </summary>
public sealed class AnswerCacheTests : IDisposable
{
    private readonly LuceneSearchIndex _index = new(new RAMDirectory(), "fr", create: true);

    public AnswerCacheTests()
    {
        Add("swim", "Natation adaptée", "malvoyants", 48.9, 2.4);
        Add("read", "Club de lecture", "malvoyants", 49.1, 6.2);
        Add("walk", "Marche nordique", "auditif", 49.2, 6.1);
        _index.Commit(1);
    }

    public void Dispose() => _index.Dispose();

    private void Add(string id, string title, string audience, double lat, double lon) =>
        _index.Upsert(new SearchDocument
        {
            Id = id, Type = "Action", Title = title, Text = title, Url = "/fr/" + id, Latitude = lat, Longitude = lon,
            Facets = new Dictionary<string, List<string>>(StringComparer.Ordinal) { ["public"] = [audience] },
        });

    private static SearchQuery Query(string? text = null, string? audience = null, int page = 1, BoundingBox? box = null, SynonymTable? synonyms = null) => new()
    {
        Text = text, Page = page, PageSize = 1, Facets = ["public"], Box = box, Synonyms = synonyms, PrefixLastWord = false,
        Filters = audience is null ? [] : new Dictionary<string, HashSet<string>>(StringComparer.Ordinal) { ["public"] = [audience] },
    };

    private static List<string> Ids(SearchResult result) => result.Hits.Select(h => h.Id).ToList();

    [Fact]
    public void The_same_question_is_answered_from_memory_and_another_one_is_not()
    {
        var first = _index.Search(Query(audience: "malvoyants"));
        first.Total.Should().Be(2);
        _index.Search(Query(audience: "malvoyants")).Should().BeSameAs(first, "nothing changed in the index");

        var other = _index.Search(Query(audience: "auditif"));
        other.Should().NotBeSameAs(first);
        Ids(other).Should().Equal("walk");
        Ids(_index.Search(Query(audience: "malvoyants", page: 2))).Should().NotEqual(Ids(first));
        Ids(_index.Search(Query(text: "natation"))).Should().Equal("swim");
        _index.Search(Query(box: new BoundingBox(5, 48, 7, 50))).Total.Should().Be(2);
        _index.Search(Query(box: new BoundingBox(2, 48, 3, 49))).Total.Should().Be(1);

        var synonyms = new SynonymTable([["natation", "nage"]], new PortalAnalyzer("fr", stem: true));
        _index.Search(Query(text: "nage")).Total.Should().Be(0);
        Ids(_index.Search(Query(text: "nage", synonyms: synonyms))).Should().Equal(["swim"], "another synonym table is another question");
    }

    [Fact]
    public void Once_the_index_changes_no_kept_answer_is_given()
    {
        var before = _index.Search(Query(audience: "auditif"));
        var map = _index.Map(Query(audience: "auditif"), 8, 100);
        before.Total.Should().Be(1);
        _index.Map(Query(audience: "auditif"), 8, 100).Should().BeSameAs(map);

        Add("sing", "Chorale", "auditif", 49.0, 6.0);
        _index.Commit(2);
        var after = _index.Search(Query(audience: "auditif"));
        after.Should().NotBeSameAs(before);
        after.Total.Should().Be(2);
        after.FacetCounts["public"]["auditif"].Should().Be(2);
        _index.Map(Query(audience: "auditif"), 8, 100).Points.Select(p => p.Id).Should().BeEquivalentTo(["walk", "sing"]);

        _index.Delete("walk");
        _index.Commit(3);
        _index.Search(Query(audience: "auditif")).Total.Should().Be(1);
        _index.Map(Query(audience: "auditif"), 8, 100).Points.Select(p => p.Id).Should().Equal("sing");
    }

    [Fact]
    public void Filters_given_in_another_order_are_the_same_question()
    {
        var a = new SearchQuery { Facets = ["public"], Filters = new(StringComparer.Ordinal) { ["public"] = ["malvoyants", "auditif"], ["type"] = ["Action"] } };
        var b = new SearchQuery { Facets = ["public"], Filters = new(StringComparer.Ordinal) { ["type"] = ["Action"], ["public"] = ["auditif", "malvoyants"] } };
        _index.Search(b).Should().BeSameAs(_index.Search(a));
        _index.Search(a).Total.Should().Be(3);
    }
}
