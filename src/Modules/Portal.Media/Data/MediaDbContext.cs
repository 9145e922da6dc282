using Microsoft.EntityFrameworkCore;
using Portal.Core.Data;
using Portal.Media.Models;

namespace Portal.Media.Data;

/// <summary>The media library's table: the metadata of each file (the bytes live in the <see cref="Services.IMediaStore"/>).</summary>
public abstract class MediaDbContext(DbContextOptions options) : ModuleDbContext(options)
{
    public DbSet<MediaItem> MediaItems => Set<MediaItem>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        builder.Entity<MediaItem>(e =>
        {
            e.ToTable("MediaItems");
            e.HasKey(m => m.Id);
            e.Property(m => m.Id).HasMaxLength(26);
            e.Property(m => m.Kind).HasMaxLength(16);
            e.Property(m => m.FileName).HasMaxLength(200);
            e.Property(m => m.ContentType).HasMaxLength(100);
            e.Property(m => m.Extension).HasMaxLength(10);
            e.Property(m => m.Widths).HasMaxLength(100);
            e.Property(m => m.Title).HasMaxLength(300);
            e.Property(m => m.Culture).HasMaxLength(16);
            e.Property(m => m.AltTexts).HasMaxLength(4000);
            e.Property(m => m.Tags).HasMaxLength(500);
            e.Property(m => m.Owner).HasMaxLength(256);
            e.Ignore(m => m.AltTextsByCulture);
            e.HasIndex(m => m.Kind);
            e.HasIndex(m => m.ModifiedUtc);
        });
    }
}

public sealed class SqliteMediaDbContext(DbContextOptions<SqliteMediaDbContext> options) : MediaDbContext(options);

public sealed class PostgresMediaDbContext(DbContextOptions<PostgresMediaDbContext> options) : MediaDbContext(options);

public sealed class SqliteMediaDesignTimeFactory : SqliteModuleDesignTimeFactory<SqliteMediaDbContext, MediaDbContext>;

public sealed class PostgresMediaDesignTimeFactory : PostgresModuleDesignTimeFactory<PostgresMediaDbContext, MediaDbContext>;
