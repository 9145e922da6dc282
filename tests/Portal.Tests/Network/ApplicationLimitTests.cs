using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Network.Data;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Network;

/// <summary>
/// The limit of applications per address: only recorded applications count, and one past the limit comes back as a
/// page with the form as typed and the reason (it used to be an empty 429 answer, which lost what the visitor typed).
/// </summary>
public sealed class ApplicationLimitTests
{
    public static TheoryData<string> Providers => TestDatabases.Providers;

    private static FormUrlEncodedContent Application(string token, string email, bool complete = true) => new(
    [
        new("__RequestVerificationToken", token), new("Name", "Grete Grenzgängerin"), new("Email", email), new("Organisation", "Pflegestützpunkt Saarlouis"),
        new("JobTitle", "Pflegeberaterin"), new("Side", "germany"), new("Languages", "de"), new("Expertise", complete ? "caregivers" : ""), new("Consent", "true"),
    ]);

    [Theory, MemberData(nameof(Providers))]
    public async Task Forms_sent_back_with_errors_do_not_count_and_an_application_past_the_limit_keeps_what_was_typed_and_says_why(string provider)
    {
        using var factory = NetworkSite.Create(provider, ("Portal:Network:ApplicationsPerHour", "2"));
        using var applicant = factory.CreateBrowser();
        var token = await applicant.TokenAsync("/de/netzwerk/beitreten");

        // Five forms with an error, corrected each time: none of them uses up the address's applications.
        for (var i = 0; i < 5; i++)
            (await applicant.PostAsync("/de/netzwerk/beitreten", Application(token, $"grete{i}@pflege.example.de", complete: false))).StatusCode.Should().Be(HttpStatusCode.BadRequest);
        for (var i = 0; i < 2; i++)
        {
            var applied = await applicant.PostAsync("/de/netzwerk/beitreten", Application(token, $"grete{i}@pflege.example.de"));
            applied.StatusCode.Should().Be(HttpStatusCode.OK, "application {0} of the two an address may send an hour", i + 1);
            Browser.Decode(await applied.Content.ReadAsStringAsync()).Should().Contain("role=\"status\"");
        }

        // The third: not recorded; the form again, as typed, with the reason, in the page's language, and when to come back.
        var refused = await applicant.PostAsync("/de/netzwerk/beitreten", Application(token, "grete2@pflege.example.de"));
        refused.StatusCode.Should().Be(HttpStatusCode.TooManyRequests);
        refused.Headers.RetryAfter!.Delta!.Value.Should().BePositive().And.BeLessThanOrEqualTo(TimeSpan.FromHours(1));
        var page = Browser.Decode(await refused.Content.ReadAsStringAsync());
        page.Should().Contain("id=\"net-limit\"").And.Contain("noch nicht gespeichert").And.Contain("<html lang=\"de\"")
            .And.Contain("value=\"Grete Grenzgängerin\"").And.Contain("value=\"grete2@pflege.example.de\"").And.Contain("value=\"Pflegestützpunkt Saarlouis\"")
            .And.Contain("action=\"/de/netzwerk/beitreten\"");
        await factory.WithScopeAsync(async sp =>
            (await sp.GetRequiredService<NetworkDbContext>().Professionals.AsNoTracking().CountAsync(p => p.Email.StartsWith("grete"))).Should().Be(2, "the refused application is not recorded"));
    }
}
