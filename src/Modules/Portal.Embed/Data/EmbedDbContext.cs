using Microsoft.EntityFrameworkCore;
using Portal.Core.Data;

namespace Portal.Embed.Data;

/// <summary>The widgets and their weekly counters.</summary>
public abstract class EmbedDbContext(DbContextOptions options) : ModuleDbContext(options)
{
    public DbSet<EmbedWidget> Widgets => Set<EmbedWidget>();
    public DbSet<EmbedUsage> Usage => Set<EmbedUsage>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        builder.Entity<EmbedWidget>(e =>
        {
            e.ToTable("EmbedWidgets");
            e.HasKey(w => w.Id);
            e.Property(w => w.Id).HasMaxLength(32);
            e.Property(w => w.Name).HasMaxLength(100);
            e.Property(w => w.Query).HasMaxLength(1000);
            e.Property(w => w.Display).HasConversion<string>().HasMaxLength(8);
            e.Property(w => w.Culture).HasMaxLength(16);
            e.Property(w => w.Palette).HasMaxLength(16);
            e.Property(w => w.Origins).HasMaxLength(2000);
            e.Ignore(w => w.OriginList);
            e.Ignore(w => w.ShowsList);
            e.Ignore(w => w.ShowsMap);
        });
        builder.Entity<EmbedUsage>(e =>
        {
            e.ToTable("EmbedUsage");
            e.HasKey(u => new { u.WidgetId, u.Week });
            e.Property(u => u.WidgetId).HasMaxLength(32);
            e.Property(u => u.Week).HasMaxLength(8);
        });
    }
}

public sealed class SqliteEmbedDbContext(DbContextOptions<SqliteEmbedDbContext> options) : EmbedDbContext(options);

public sealed class PostgresEmbedDbContext(DbContextOptions<PostgresEmbedDbContext> options) : EmbedDbContext(options);

public sealed class SqliteEmbedDesignTimeFactory : SqliteModuleDesignTimeFactory<SqliteEmbedDbContext, EmbedDbContext>;

public sealed class PostgresEmbedDesignTimeFactory : PostgresModuleDesignTimeFactory<PostgresEmbedDbContext, EmbedDbContext>;
