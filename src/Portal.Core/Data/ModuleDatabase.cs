using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Microsoft.Extensions.DependencyInjection;

namespace Portal.Core.Data;

/// <summary>A module context the site migrates at start, after the kernel's.</summary>
public sealed record ModuleDatabase(Type ContextType, string HistoryTable);

public static class ModuleDatabaseServiceCollectionExtensions
{
    /// <summary>
    /// Registers a module's tables: <typeparamref name="TContext"/> is what the module injects; the provider subclass
    /// that matches the site's database is the one created, on the kernel's connection.
    /// </summary>
    public static IServiceCollection AddModuleDbContext<TContext, TSqlite, TPostgres>(this IServiceCollection services)
        where TContext : ModuleDbContext
        where TSqlite : TContext
        where TPostgres : TContext
    {
        var history = HistoryTableOf(typeof(TContext));
        // The options are built once (a context's options built per request cost more than the page's own queries);
        // each request's context is then given the connection of that request's kernel context.
        services.AddDbContext<TSqlite>(o => o.UseSqlite(s => s.MigrationsHistoryTable(history)).AddInterceptors(KernelTransactionCommands.Instance),
            contextLifetime: ServiceLifetime.Scoped, optionsLifetime: ServiceLifetime.Singleton);
        services.AddDbContext<TPostgres>(o => o.UseNpgsql(s => s.MigrationsHistoryTable(history)).AddInterceptors(KernelTransactionCommands.Instance),
            contextLifetime: ServiceLifetime.Scoped, optionsLifetime: ServiceLifetime.Singleton);
        services.AddScoped<TContext>(sp =>
        {
            TContext context = sp.GetRequiredService<DatabaseOptions>().Provider == DatabaseProvider.Postgres
                ? sp.GetRequiredService<TPostgres>()
                : sp.GetRequiredService<TSqlite>();
            var kernel = sp.GetRequiredService<PortalDbContext>();
            context.Database.SetDbConnection(kernel.Database.GetDbConnection(), contextOwnsConnection: false);
            context.ShareWith(kernel);
            return context;
        });
        services.AddSingleton(new ModuleDatabase(typeof(TContext), history));
        return services;
    }

    /// <summary>"EventsDbContext" keeps its migrations in "__EFMigrationsHistory_Events".</summary>
    public static string HistoryTableOf(Type context)
    {
        var name = context.Name.EndsWith("DbContext", StringComparison.Ordinal) ? context.Name[..^"DbContext".Length] : context.Name;
        return "__EFMigrationsHistory_" + name;
    }
}

/// <summary>For `dotnet ef migrations add` in a module: derive one per provider subclass.</summary>
public abstract class SqliteModuleDesignTimeFactory<TSqlite, TContext> : IDesignTimeDbContextFactory<TSqlite>
    where TSqlite : TContext where TContext : ModuleDbContext
{
    public TSqlite CreateDbContext(string[] args) => (TSqlite)Activator.CreateInstance(typeof(TSqlite),
        new DbContextOptionsBuilder<TSqlite>().UseSqlite("Data Source=design.db", s => s.MigrationsHistoryTable(ModuleDatabaseServiceCollectionExtensions.HistoryTableOf(typeof(TContext)))).Options)!;
}

/// <summary>For `dotnet ef migrations add` in a module: derive one per provider subclass.</summary>
public abstract class PostgresModuleDesignTimeFactory<TPostgres, TContext> : IDesignTimeDbContextFactory<TPostgres>
    where TPostgres : TContext where TContext : ModuleDbContext
{
    public TPostgres CreateDbContext(string[] args) => (TPostgres)Activator.CreateInstance(typeof(TPostgres),
        new DbContextOptionsBuilder<TPostgres>().UseNpgsql("Host=localhost;Database=design", s => s.MigrationsHistoryTable(ModuleDatabaseServiceCollectionExtensions.HistoryTableOf(typeof(TContext)))).Options)!;
}
