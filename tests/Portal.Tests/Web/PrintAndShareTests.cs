using System.Net;
using System.Text.RegularExpressions;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Web;

/// <summary>Entries and searches print with their address and date, can be shared without a third party, and a search prints as a list.</summary>
public sealed class PrintAndShareTests(SeededSite site) : IClassFixture<SeededSite>
{
    [Fact]
    public async Task The_printable_list_holds_the_searchs_results_ten_per_page_with_address_contact_and_hours()
    {
        using var client = site.Factory.CreateBrowser();
        var search = await client.GetStringAsync("/fr/recherche?q=Metz");
        var link = Browser.Decode(Regex.Match(search, "<p class=\"print-link\"><a href=\"([^\"]+)\"").Groups[1].Value);
        link.Should().Be("/fr/recherche/imprimer?q=Metz");
        var total = int.Parse(Regex.Match(search, "id=\"search-status\" role=\"status\" class=\"search-status\">\\s*(\\d+)").Groups[1].Value);

        var response = await client.GetAsync(link);
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var html = Browser.Decode(await response.Content.ReadAsStringAsync());
        var listed = Math.Min(total, 100);
        Regex.Matches(html, "<li class=\"print-entry\">").Count.Should().Be(listed);
        Regex.Matches(html, "<section class=\"print-page\"").Count.Should().Be((listed + 9) / 10, "one printed page per 10 results");
        html.Should().Contain("<h1>Liste imprimable : Metz</h1>").And.Contain("Adresse : ").And.Contain("Contact : ").And.Contain("Horaires : ")
            .And.Contain("http://localhost/fr/acteurs/").And.Contain("Liste établie le ");
        // An offer without an address of its own shows its organisation's.
        Regex.IsMatch(html, "<h2>Gymnastique douce – Metz</h2>\\s*<p class=\"type-label\">[^<]*</p>\\s*<p>Adresse : [^<]*Metz</p>").Should().BeTrue();
    }

    [Fact]
    public async Task The_printable_list_speaks_german_and_refuses_a_bad_query_without_an_error_page()
    {
        using var client = site.Factory.CreateBrowser();
        var german = await client.GetAsync("/de/suche/drucken?q=Metz");
        german.StatusCode.Should().Be(HttpStatusCode.OK);
        Browser.Decode(await german.Content.ReadAsStringAsync()).Should().Contain("Druckbare Liste: Metz").And.Contain("Adresse: ");
        (await client.GetAsync("/fr/recherche/imprimer?lat=999&lon=2")).StatusCode.Should().Be(HttpStatusCode.BadRequest);
        var wrongLanguage = await client.GetAsync("/fr/recherche/drucken?q=Metz");
        wrongLanguage.StatusCode.Should().Be(HttpStatusCode.MovedPermanently);
        wrongLanguage.Headers.Location!.OriginalString.Should().Be("/fr/recherche/imprimer?q=Metz");
    }

    [Fact]
    public async Task An_entry_page_offers_print_and_share_without_third_parties_and_prints_its_address_and_date()
    {
        using var client = site.Factory.CreateBrowser();
        var html = Browser.Decode(await client.GetStringAsync("/fr/acteurs/centre-communal-d-action-sociale-de-metz"));
        var canonical = Regex.Match(html, "<link rel=\"canonical\" href=\"([^\"]+)\"").Groups[1].Value;
        canonical.Should().Be("http://localhost/fr/acteurs/centre-communal-d-action-sociale-de-metz");
        html.Should().Contain("data-print hidden>Imprimer</button>", "printing needs no script: the button only appears with one")
            .And.Contain("href=\"mailto:?subject=Centre%20communal%20d%27action%20sociale%20de%20Metz&body=" + Uri.EscapeDataString(canonical) + "\"")
            .And.Contain($"data-copy-link=\"{canonical}\"")
            .And.Contain($"<p class=\"print-source\">Imprimé depuis {canonical} le ")
            .And.Contain("/_content/Portal.Theme/css/print.css");
        Regex.Matches(html, "<script[^>]+src=\"(https?:)?//").Count.Should().Be(0, "no third-party script");
    }
}
