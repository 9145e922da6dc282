using System.Net;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Portal.Tests.Moderation;

/// <summary>Every write goes through the content manager: one audit row per change, and few round trips.</summary>
public sealed class WritePathTests(ITestOutputHelper output)
{
    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task A_partners_submission_is_one_request_with_few_database_round_trips(string provider)
    {
        var counter = new CommandCounter("/fr/espace-partenaire");
        using var factory = new PortalFactory(provider, recipe: "grande-region") { ConfigureTestServices = counter.Register }
            .WithSetting("Portal:Setup:DemoPassword", WorkflowTests.DemoPassword);
        counter.Requests = factory.Services.GetRequiredService<IHttpContextAccessor>();
        var action = await WorkflowTests.Partner1ActionAsync(factory);
        using var partner = await WorkflowTests.SignedInAsync(factory, "partner1@portal.example");
        var edit = $"/fr/espace-partenaire/{action.ContentItemId}";
        counter.Reset();

        var proposed = await partner.SubmitAsync(edit, edit, ("TitlePart.Title.Text", "Marche douce du lundi matin"));

        proposed.StatusCode.Should().Be(HttpStatusCode.Redirect);
        output.WriteLine($"{provider}: a partner's submit ran {counter.Count} database commands");
        counter.Count.Should().BeLessThan(40);
    }
}
