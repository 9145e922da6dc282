using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;
using Portal.Core.Content;
using Portal.Core.Data;
using Portal.Core.Hosting;
using Portal.Core.Modules;
using Portal.Moderation.Controllers;
using Portal.Moderation.Services;

namespace Portal.Moderation;

public sealed class Startup : IModuleStartup
{
    public void ConfigureServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddRouteTable(ModerationRoutes.Table);
        services.AddPermissions<Permissions>();
        services.AddRecipeStep<WorkflowStep>().AddRecipeStep<DemoAccountsStep>();
        services.AddScoped<WorkflowStore>();
        services.AddScoped<PartnerScope>();
        services.AddSingleton<PartnerTypes>();
        // The directory's offers; other modules contribute their own types the same way.
        services.AddPartnerType(new PartnerType(Portal.Directory.DirectoryTypes.Action, "Actor", T => T["Add an activity"]));
        services.AddPartnerType(new PartnerType(Portal.Directory.DirectoryTypes.AidantSupport, "Actor", T => T["Add a support for carers"]));
        services.AddScoped<ModerationService>();
        services.AddScoped<IWorkflowLabels, WorkflowLabels>();
        services.AddScoped<FourEyes>();
        services.AddModuleSettings<Settings.FreshnessSettingsStore>();
        services.AddDataMigration<Migrations>();
        services.AddScoped<ModerationMails>();
        services.AddScoped<ProposalStamps>();
        services.AddScoped<OrganisationSearch>();
        services.AddScoped<OrganisationReviewer>();
        services.AddContentHandler<ProposedOrganisationHandler>();
        services.AddScoped<VersionDiff>();
        services.AddScoped<OtherLanguageVersions>();
        services.AddScoped<VerificationRecorder>();
        services.AddContentHandler<PublicationVerification>().AddContentHandler<TransitionMailer>();
        services.AddSingleton<VerificationTokens>();
        services.AddScoped<FreshnessService>();
        services.AddScoped<AccountService>();
        services.AddHostedService<FreshnessJob>();
        services.AddScoped<IAdminMenu, ModerationAdminMenu>();
        services.AddScoped<ISiteNavigation, ModerationNavigation>();
        services.AddScoped<ISitemapSource, ModerationNavigation>();
        services.AddScoped<IDashboardCards, ModerationDashboard>();
        var perHour = int.TryParse(configuration["Portal:Moderation:ProposalsPerHour"], out var n) ? n : 5;
        services.AddRateLimiter(o => o.AddPolicy(ProposalController.RateLimit, context => RateLimitPartition.GetFixedWindowLimiter(
            context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
            _ => new FixedWindowRateLimiterOptions { PermitLimit = perHour, Window = TimeSpan.FromHours(1), QueueLimit = 0 })));
    }
}

/// <summary>The review queue (with what waits), the stale entries and the accounts in the back office's menu.</summary>
public sealed class ModerationAdminMenu(PortalDbContext db, IStringLocalizer<ModerationAdminMenu> T) : IAdminMenu
{
    public IEnumerable<AdminMenuItem> GetItems()
    {
        // Only the workflow puts a version in review: no need to read the workflows for the count (an indexed query).
        var waiting = db.ContentItems.Count(i => i.Latest && !i.Published && i.Status == WorkflowStates.InReview);
        return
        [
            new(waiting == 0 ? T["Review queue"].Value : T["Review queue ({0} waiting)", waiting].Value, "/admin/review", Permissions.ReviewSubmissions, 150),
            new(T["Entries to check"], "/admin/freshness", Permissions.ViewFreshness, 160),
            new(T["Accounts"], "/admin/users", Portal.Users.Permissions.ManageUsers, 900),
        ];
    }
}

/// <summary>"Propose an entry" and the partner space, in the footer.</summary>
public sealed class ModerationNavigation(IStringLocalizer<ModerationNavigation> T) : ISiteNavigation, ISitemapSource
{
    public IEnumerable<IReadOnlyDictionary<string, string>> GetPages(IReadOnlyList<string> cultures) => [SitemapPages.Of(cultures, ProposalController.PathOf)];


    public Task<IEnumerable<NavigationItem>> GetItemsAsync(string culture) => Task.FromResult<IEnumerable<NavigationItem>>(
    [
        new(T["Propose an entry"], ProposalController.PathOf(culture), NavigationArea.Footer, 800),
        new(T["Partner space"], $"/{culture}/{PartnerRoutes.Segment(culture)}", NavigationArea.Footer, 810),
    ]);
}

/// <summary>On the back-office dashboard: how many submissions wait and for how long; how many entries need checking.</summary>
public sealed class ModerationDashboard(PortalDbContext db, WorkflowStore workflows, FreshnessService freshness, TimeProvider clock, IStringLocalizer<ModerationDashboard> T) : IDashboardCards
{
    public async Task<IEnumerable<DashboardCard>> GetAsync()
    {
        var types = await workflows.TypesAsync();
        var waiting = await db.ContentItems.AsNoTracking().Where(i => i.Latest && !i.Published && i.Status == WorkflowStates.InReview && types.Contains(i.ContentType))
            .Select(i => i.ModifiedUtc).ToListAsync();
        var cards = new List<DashboardCard>();
        if (waiting.Count > 0)
        {
            var days = (int)(clock.GetUtcNow().UtcDateTime - waiting.Min()).TotalDays;
            cards.Add(new(T["Review queue: {0} waiting, the oldest for {1} days", waiting.Count, days], "/admin/review", Permissions.ReviewSubmissions, Urgent: days >= 7));
        }
        var stale = (await freshness.StaleAsync()).Count;
        if (stale > 0) cards.Add(new(T["Entries to check: {0} not verified for too long", stale], "/admin/freshness", Permissions.ViewFreshness));
        return cards;
    }
}
