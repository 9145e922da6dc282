using Microsoft.EntityFrameworkCore;
using Portal.Core.Data;

namespace Portal.Newsletter.Data;

/// <summary>The newsletter's own tables: subscribers, editions and the send record of each recipient.</summary>
public abstract class NewsletterDbContext(DbContextOptions options) : ModuleDbContext(options)
{
    public DbSet<Subscriber> Subscribers => Set<Subscriber>();
    public DbSet<Edition> Editions => Set<Edition>();
    public DbSet<Delivery> Deliveries => Set<Delivery>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        builder.Entity<Subscriber>(e =>
        {
            e.ToTable("NewsletterSubscribers");
            e.HasKey(s => s.Id);
            e.Property(s => s.Id).HasMaxLength(32);
            e.Property(s => s.Email).HasMaxLength(254);
            e.Property(s => s.Culture).HasMaxLength(10);
            e.Property(s => s.Audiences).HasMaxLength(100);
            e.Property(s => s.Token).HasMaxLength(64);
            e.Property(s => s.Status).HasMaxLength(20);
            e.Ignore(s => s.AudienceList);
            e.HasIndex(s => s.Email).IsUnique();
            e.HasIndex(s => s.Token).IsUnique();
            e.HasIndex(s => new { s.Status, s.CreatedUtc });
        });
        builder.Entity<Edition>(e =>
        {
            e.ToTable("NewsletterEditions");
            e.HasKey(x => x.Id);
            e.Property(x => x.Id).HasMaxLength(32);
            e.Property(x => x.Status).HasMaxLength(20);
            e.Property(x => x.Audiences).HasMaxLength(100);
            e.Property(x => x.CreatedBy).HasMaxLength(256);
            e.HasIndex(x => new { x.Status, x.SendStartedUtc });
        });
        builder.Entity<Delivery>(e =>
        {
            e.ToTable("NewsletterDeliveries");
            e.HasKey(d => d.Id);
            e.Property(d => d.EditionId).HasMaxLength(32);
            e.Property(d => d.SubscriberId).HasMaxLength(32);
            e.Property(d => d.Status).HasMaxLength(20);
            e.HasIndex(d => new { d.EditionId, d.SubscriberId }).IsUnique();
            e.HasIndex(d => new { d.EditionId, d.Status, d.Id });
        });
    }
}

public sealed class SqliteNewsletterDbContext(DbContextOptions<SqliteNewsletterDbContext> options) : NewsletterDbContext(options);

public sealed class PostgresNewsletterDbContext(DbContextOptions<PostgresNewsletterDbContext> options) : NewsletterDbContext(options);

public sealed class SqliteNewsletterDesignTimeFactory : SqliteModuleDesignTimeFactory<SqliteNewsletterDbContext, NewsletterDbContext>;

public sealed class PostgresNewsletterDesignTimeFactory : PostgresModuleDesignTimeFactory<PostgresNewsletterDbContext, NewsletterDbContext>;
