using Portal.Search.Places;

namespace Portal.Tests.Search;

/// <summary>The gazetteer's table on a few hand-made places: names in both languages, exonyms, postcodes.</summary>
public sealed class PlaceTableTests
{
    private static Place Town(string key, string fr, string de, double lat, double lon, PlaceKind kind = PlaceKind.Commune, string[]? names = null, string[]? postcodes = null) => new()
    {
        Key = key, Kind = kind, Labels = new Dictionary<string, string> { ["fr"] = fr, ["de"] = de }, Names = names ?? [], Postcodes = postcodes ?? [],
        Latitude = lat, Longitude = lon,
    };

    private static readonly PlaceTable Table = new([
        Town("metz", "Metz", "Metz", 49.1, 6.17, postcodes: ["57000", "57050"]),
        Town("montigny", "Montigny-lès-Metz", "Montigny-lès-Metz", 49.09, 6.15, postcodes: ["57950"]),
        Town("saarbruecken", "Sarrebruck", "Saarbrücken", 49.23, 7.0, postcodes: ["66111"]),
        Town("trier", "Trèves", "Trier", 49.75, 6.64),
        Town("luxembourg-region", "Luxembourg (Grand-Duché)", "Luxemburg", 49.77, 6.09, PlaceKind.Territory),
        Town("luxembourg-ville", "Luxembourg", "Luxemburg", 49.61, 6.13, names: ["Lëtzebuerg"]),
        Town("ay", "Ay-sur-Moselle", "Ay-sur-Moselle", 49.24, 6.2, names: ["Ay"]),
    ]);

    [Theory]
    [InlineData("répit Metz", "fr", "metz", "répit")]
    [InlineData("Tagespflege Trier", "de", "trier", "Tagespflege")]
    [InlineData("Tagespflege TREVES", "fr", "trier", "Tagespflege")]
    [InlineData("Saarbrücken", "fr", "saarbruecken", "")]
    [InlineData("sarrebruck", "de", "saarbruecken", "")]
    [InlineData("halte répit montigny les metz le lundi", "fr", "montigny", "halte répit le lundi")]
    [InlineData("sport Montigny-lès-Metz", "fr", "montigny", "sport")]
    [InlineData("répit 57000", "fr", "metz", "répit")]
    [InlineData("aide Luxembourg", "fr", "luxembourg-ville", "aide")]
    public void A_place_named_among_the_words_is_recognised_and_taken_out_of_them(string text, string culture, string key, string rest)
    {
        var match = Table.Recognise(text, culture);
        match.Should().NotBeNull(text);
        match!.Place.Key.Should().Be(key);
        match.RemainingText.Should().Be(rest);
    }

    [Theory]
    [InlineData("répit \"Metz\"")]
    [InlineData("répit -Metz")]
    [InlineData("ay")]
    [InlineData("répit")]
    [InlineData("Metzger")]
    [InlineData("12345")]
    public void Quoted_excluded_short_or_unknown_words_are_not_places(string text) =>
        Table.Recognise(text, "fr").Should().BeNull(text);

    [Fact]
    public void Names_postcodes_and_exonyms_find_their_place_in_either_language()
    {
        Table.Find("Sarrebruck", "de")!.Key.Should().Be("saarbruecken");
        Table.Find("SAARBRUCKEN", "fr")!.Key.Should().Be("saarbruecken");
        Table.Find("66111", "fr")!.Key.Should().Be("saarbruecken");
        Table.Find("Lëtzebuerg", "fr")!.Key.Should().Be("luxembourg-ville");
        Table.Find("Luxemburg", "de")!.Key.Should().Be("luxembourg-ville", "a commune comes before a territory of the same name");
        Table.Find("Nowhere", "fr").Should().BeNull();
        Table.Places.Should().HaveCount(7);
        Table.PostcodeCount.Should().Be(4);
    }

    [Fact]
    public void Suggestions_complete_names_and_postcodes_with_their_kind_label_and_point()
    {
        var metz = Table.Suggest("met", "fr", 5);
        metz.Select(s => s.Key).Should().Equal("metz");
        metz[0].Should().Be(new PlaceSuggestion("Metz", PlaceKind.Commune, "Metz", 49.1, 6.17, "metz"));

        var postcodes = Table.Suggest("570", "fr", 5);
        postcodes.Should().ContainSingle().Which.Should().Be(new PlaceSuggestion("57000", PlaceKind.Postcode, "57000 Metz", 49.1, 6.17, "metz"));

        Table.Suggest("lux", "de", 5).Select(s => (s.Key, s.Kind)).Should().Equal(("luxembourg-ville", PlaceKind.Commune), ("luxembourg-region", PlaceKind.Territory));
        Table.Suggest("saarb", "fr", 5).Single().Label.Should().Be("Sarrebruck", "the label is the culture's own name");
        Table.Suggest("x", "fr", 5).Should().BeEmpty();
    }
}
