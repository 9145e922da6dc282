using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Portal.Core.Data;
using Portal.Core.DataMigrations;
using Portal.Core.Recipes;
using Portal.Core.Security;
using Portal.Core.Settings;

namespace Portal.Core.Setup;

public sealed class SiteState
{
    public DateTime SetupUtc { get; set; }
    public string Recipe { get; set; } = "";
}

/// <summary>
/// At every start: applies the EF migrations and the modules' data migrations. On the first start against an empty
/// database it also runs the setup recipe and creates the administrator, all in one transaction.
/// </summary>
public sealed class SetupService(
    PortalDbContext db,
    DataMigrationRunner dataMigrations,
    RecipeExecutor recipes,
    IDocumentStore documents,
    UserManager<PortalUser> users,
    RoleManager<IdentityRole> roles,
    IConfiguration configuration,
    TimeProvider clock,
    IEnumerable<ModuleDatabase> moduleDatabases,
    IServiceProvider services,
    ILogger<SetupService> logger)
{
    public const string DefaultAdminEmail = "admin@portal.localhost";

    public async Task MigrateAsync(CancellationToken cancellationToken = default)
    {
        await db.Database.MigrateAsync(cancellationToken);
        // Then each module's own tables, in the modules' dependency order, each with its own migration history.
        foreach (var module in moduleDatabases)
            await ((ModuleDbContext)services.GetRequiredService(module.ContextType)).Database.MigrateAsync(cancellationToken);
        await dataMigrations.RunAllAsync();
    }

    /// <summary>Returns false when the site was set up already.</summary>
    public async Task<bool> SetupIfNeededAsync(CancellationToken cancellationToken = default)
    {
        if (await documents.ExistsAsync(DocumentKeys.SiteState)) return false;

        var recipe = configuration["Portal:Setup:Recipe"] is { Length: > 0 } r ? r : "portal-base";
        var email = configuration["Portal:Setup:AdminEmail"] is { Length: > 0 } e ? e : DefaultAdminEmail;
        var password = configuration["Portal:Setup:AdminPassword"];
        var generated = string.IsNullOrEmpty(password);
        if (generated) password = GeneratePassword();

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await recipes.ExecuteAsync(recipe, cancellationToken);
        await CreateAdministratorAsync(email, password!);
        await documents.SaveAsync(DocumentKeys.SiteState, new SiteState { SetupUtc = clock.GetUtcNow().UtcDateTime, Recipe = recipe });
        await transaction.CommitAsync(cancellationToken);

        if (generated)
            logger.LogWarning("Site set up from the recipe {Recipe}. Administrator {Email} created with the generated password {Password} — it is shown only this once: sign in at /admin and change it.", recipe, email, password);
        else
            logger.LogInformation("Site set up from the recipe {Recipe}. Administrator {Email} created with the configured password.", recipe, email);
        return true;
    }

    private async Task CreateAdministratorAsync(string email, string password)
    {
        if (!await roles.RoleExistsAsync(Roles.Administrator))
            Check(await roles.CreateAsync(new IdentityRole(Roles.Administrator)), "the Administrator role");
        var user = await users.FindByEmailAsync(email);
        if (user is null)
        {
            user = new PortalUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = "Administrator", CreatedUtc = clock.GetUtcNow().UtcDateTime };
            Check(await users.CreateAsync(user, password), $"the administrator {email} (Portal:Setup:AdminPassword)");
        }
        if (!await users.IsInRoleAsync(user, Roles.Administrator))
            Check(await users.AddToRoleAsync(user, Roles.Administrator), "the administrator's role");
    }

    private static void Check(IdentityResult result, string what)
    {
        if (!result.Succeeded)
            throw new InvalidOperationException($"Setup could not create {what}: {string.Join(" ", result.Errors.Select(e => e.Description))}");
    }

    /// <summary>20 characters from letters, digits and symbols: meets every rule of the password policy.</summary>
    public static string GeneratePassword()
    {
        const string lower = "abcdefghijkmnopqrstuvwxyz", upper = "ABCDEFGHJKLMNPQRSTUVWXYZ", digits = "23456789", symbols = "-_.!?#";
        var all = lower + upper + digits + symbols;
        var chars = new[] { Pick(lower), Pick(upper), Pick(digits), Pick(symbols) }.Concat(Enumerable.Range(0, 16).Select(_ => Pick(all))).ToArray();
        RandomNumberGenerator.Shuffle(chars.AsSpan());
        return new string(chars);

        static char Pick(string set) => set[RandomNumberGenerator.GetInt32(set.Length)];
    }
}
