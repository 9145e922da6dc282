using Portal.Events.Services;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Events;

/// <summary>The privacy page tells registrants what happens to their data and after how long (the retention setting's default).</summary>
public sealed class PrivacyPageTests(SharedSite site) : IClassFixture<SharedSite>
{
    [Theory]
    [InlineData("/fr/donnees-personnelles", "Inscriptions aux événements", "{0} mois après l'événement")]
    [InlineData("/de/datenschutz", "Anmeldungen zu Veranstaltungen", "{0} Monate nach der Veranstaltung")]
    public async Task The_privacy_page_says_registrants_data_are_deleted_after_the_retention_period(string url, string heading, string period)
    {
        using var client = site.Factory.CreateClient();
        var page = Browser.Decode(await client.GetStringAsync(url));
        page.Should().Contain(heading).And.Contain(string.Format(System.Globalization.CultureInfo.InvariantCulture, period, new EventsOptions().RetentionMonths));
    }
}
