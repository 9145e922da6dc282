using Microsoft.EntityFrameworkCore;
using Portal.Core.Data;

namespace Portal.Events.Data;

/// <summary>The events module's own tables: registrations and the seats taken per session.</summary>
public abstract class EventsDbContext(DbContextOptions options) : ModuleDbContext(options)
{
    public DbSet<Registration> Registrations => Set<Registration>();
    public DbSet<SessionSeats> Seats => Set<SessionSeats>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        builder.Entity<Registration>(e =>
        {
            e.ToTable("EventRegistrations");
            e.HasKey(r => r.Id);
            e.Property(r => r.Id).HasMaxLength(26);
            e.Property(r => r.EventKey).HasMaxLength(64);
            e.Property(r => r.ContentItemId).HasMaxLength(26);
            e.Property(r => r.Name).HasMaxLength(200);
            e.Property(r => r.Email).HasMaxLength(254);
            e.Property(r => r.Phone).HasMaxLength(40);
            e.Property(r => r.NeedTerms).HasMaxLength(500);
            e.Property(r => r.Needs).HasMaxLength(1000);
            e.Property(r => r.Culture).HasMaxLength(10);
            e.Property(r => r.Status).HasMaxLength(20);
            e.HasIndex(r => new { r.EventKey, r.SessionIndex, r.Status });
            e.HasIndex(r => r.SessionEndUtc);
        });
        builder.Entity<SessionSeats>(e =>
        {
            e.ToTable("EventSessionSeats");
            e.HasKey(s => new { s.EventKey, s.SessionIndex });
            e.Property(s => s.EventKey).HasMaxLength(64);
        });
    }
}

public sealed class SqliteEventsDbContext(DbContextOptions<SqliteEventsDbContext> options) : EventsDbContext(options);

public sealed class PostgresEventsDbContext(DbContextOptions<PostgresEventsDbContext> options) : EventsDbContext(options);

public sealed class SqliteEventsDesignTimeFactory : SqliteModuleDesignTimeFactory<SqliteEventsDbContext, EventsDbContext>;

public sealed class PostgresEventsDesignTimeFactory : PostgresModuleDesignTimeFactory<PostgresEventsDbContext, EventsDbContext>;
