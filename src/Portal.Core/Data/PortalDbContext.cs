using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Portal.Core.BackgroundTasks;
using Portal.Core.Content;
using Portal.Core.Security;

namespace Portal.Core.Data;

/// <summary>The portal's database. Each provider has its own subclass so that each keeps its own EF migrations.</summary>
public abstract class PortalDbContext(DbContextOptions options)
    : IdentityDbContext<PortalUser, IdentityRole, string>(options), IDataProtectionKeyContext
{
    private bool _configured;

    /// <summary>
    /// Whether a transaction is open on this context, without building the services of a context nothing has used yet
    /// (on a page read from memory, that first use cost more than the rest of the read).
    /// </summary>
    public bool InTransaction => _configured && Database.CurrentTransaction is not null;

    protected override void OnConfiguring(DbContextOptionsBuilder optionsBuilder)
    {
        // Called once, when the context is first used.
        _configured = true;
        base.OnConfiguring(optionsBuilder);
    }

    public DbSet<ContentItem> ContentItems => Set<ContentItem>();
    public DbSet<ContentDefinitionRecord> ContentDefinitions => Set<ContentDefinitionRecord>();
    public DbSet<DocumentRecord> Documents => Set<DocumentRecord>();
    public DbSet<DataMigrationRecord> DataMigrations => Set<DataMigrationRecord>();
    public DbSet<BackgroundTask> BackgroundTasks => Set<BackgroundTask>();
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();
    public DbSet<ContentChange> ContentChanges => Set<ContentChange>();
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);

        builder.Entity<ContentItem>(e =>
        {
            e.ToTable("ContentItems");
            e.Ignore(i => i.Data);
            e.Property(i => i.ContentItemId).HasMaxLength(26).IsRequired();
            e.Property(i => i.ContentItemVersionId).HasMaxLength(26).IsRequired();
            e.Property(i => i.ContentType).HasMaxLength(64).IsRequired();
            e.Property(i => i.DisplayText).HasMaxLength(512);
            e.Property(i => i.Status).HasMaxLength(32);
            e.Property(i => i.Culture).HasMaxLength(16);
            e.Property(i => i.LocalizationSet).HasMaxLength(26);
            e.Property(i => i.Owner).HasMaxLength(256);
            e.Property(i => i.Author).HasMaxLength(256);
            e.Property(i => i.Path).HasMaxLength(512);
            e.Property(i => i.ConcurrencyStamp).HasMaxLength(32).IsConcurrencyToken();
            // Through the property, not the backing field: its getter serializes the parts as edited in Data.
            e.Property(i => i.Content).IsRequired().UsePropertyAccessMode(PropertyAccessMode.Property);
            e.HasIndex(i => i.ContentItemVersionId).IsUnique();
            e.HasIndex(i => new { i.ContentItemId, i.Latest });
            e.HasIndex(i => new { i.ContentItemId, i.Published });
            e.HasIndex(i => new { i.ContentType, i.Published, i.Culture });
            e.HasIndex(i => new { i.ContentType, i.Latest, i.Culture });
            e.HasIndex(i => new { i.Culture, i.Path });
            e.HasIndex(i => i.LocalizationSet);
            // The latest published items (home page, feeds) read from the top of this index, whatever the directory's size.
            e.HasIndex(i => i.PublishedUtc);
        });

        builder.Entity<AuditEntry>(e =>
        {
            e.ToTable("AuditEntries");
            e.Property(a => a.ContentItemId).HasMaxLength(26).IsRequired();
            e.Property(a => a.ContentItemVersionId).HasMaxLength(26);
            e.Property(a => a.ContentType).HasMaxLength(64);
            e.Property(a => a.Action).HasMaxLength(64);
            e.Property(a => a.FromState).HasMaxLength(32);
            e.Property(a => a.ToState).HasMaxLength(32);
            e.Property(a => a.UserId).HasMaxLength(450);
            e.Property(a => a.UserName).HasMaxLength(256);
            e.Property(a => a.Comment).HasMaxLength(4000);
            e.Property(a => a.Contact).HasMaxLength(256);
            e.Property(a => a.Culture).HasMaxLength(16);
            e.HasIndex(a => new { a.ContentItemId, a.Id });
            e.HasIndex(a => new { a.Action, a.CreatedUtc });
        });

        builder.Entity<ContentDefinitionRecord>(e =>
        {
            e.ToTable("ContentDefinitions");
            e.Property(d => d.Kind).HasMaxLength(16);
            e.Property(d => d.Name).HasMaxLength(128);
            e.HasIndex(d => new { d.Kind, d.Name }).IsUnique();
        });

        builder.Entity<DocumentRecord>(e =>
        {
            e.ToTable("Documents");
            e.HasKey(d => d.Key);
            e.Property(d => d.Key).HasMaxLength(128);
            e.Property(d => d.ConcurrencyStamp).HasMaxLength(32).IsConcurrencyToken();
        });

        builder.Entity<DataMigrationRecord>(e =>
        {
            e.ToTable("DataMigrations");
            e.HasKey(d => d.Name);
            e.Property(d => d.Name).HasMaxLength(256);
        });

        builder.Entity<BackgroundTask>(e =>
        {
            e.ToTable("BackgroundTasks");
            e.Property(t => t.Name).HasMaxLength(128).IsRequired();
            e.Property(t => t.Status).HasMaxLength(16);
            e.Property(t => t.LockedBy).HasMaxLength(128);
            e.HasIndex(t => new { t.Status, t.AvailableUtc });
            e.HasIndex(t => new { t.Name, t.Id });
        });

        builder.Entity<ContentChange>(e =>
        {
            e.ToTable("ContentChanges");
            e.Property(c => c.ContentItemId).HasMaxLength(26).IsRequired();
            e.Property(c => c.ContentType).HasMaxLength(64).IsRequired();
            e.Property(c => c.Kind).HasMaxLength(16).IsRequired();
            e.HasIndex(c => c.CreatedUtc);
        });
    }
}

/// <summary>A named JSON document: site settings, setup state and other singletons.</summary>
public sealed class DocumentRecord
{
    public string Key { get; set; } = "";
    public string Json { get; set; } = "{}";
    public DateTime ModifiedUtc { get; set; }
    public string ConcurrencyStamp { get; set; } = Guid.NewGuid().ToString("N");
}

/// <summary>The schema version a module's data migration has reached.</summary>
public sealed class DataMigrationRecord
{
    public string Name { get; set; } = "";
    public int Version { get; set; }
    public DateTime ModifiedUtc { get; set; }
}
