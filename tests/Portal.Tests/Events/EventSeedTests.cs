using Microsoft.EntityFrameworkCore;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Events;

/// <summary>The seed recipes' sample events: dated from the day the site is set up, so that some are always upcoming and some over.</summary>
public sealed class EventSeedTests
{
    [Theory]
    [InlineData("grande-region", "Atelier équilibre et prévention des chutes – Metz", "Gleichgewichtstraining und Sturzprävention – Metz")]
    [InlineData("seine-saint-denis", "Groupe de parole des aidants – Aubervilliers", "Gesprächsgruppe für pflegende Angehörige – Aubervilliers")]
    public async Task A_seed_recipe_brings_upcoming_past_full_online_and_bilingual_sample_events(string recipe, string bilingualFr, string bilingualDe)
    {
        using var factory = new PortalFactory(recipe: recipe);
        using var client = factory.CreateClient();
        var agenda = await client.GetStringAsync("/fr/agenda");
        agenda.Should().Contain(bilingualFr).And.Contain("Complet").And.Contain("En ligne");
        (await client.GetStringAsync("/de/veranstaltungen")).Should().Contain(bilingualDe);
        (await client.GetStringAsync("/fr/agenda/archives")).Should().Contain("Compte rendu disponible");
        agenda.Should().Contain("class=\"site-notice\"", "the site says it shows sample data").And.NotContain("visio.example.org");

        var events = await factory.WithDbAsync(db => db.ContentItems.Where(i => i.Latest && i.ContentType == "Event").Select(i => new { i.Content, i.Published }).ToListAsync());
        events.Should().HaveCountGreaterThanOrEqualTo(5).And.OnlyContain(e => e.Published && e.Content.Contains("\"Sample\":{\"Value\":true}"));
    }
}
