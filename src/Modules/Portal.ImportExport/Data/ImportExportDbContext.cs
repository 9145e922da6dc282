using Microsoft.EntityFrameworkCore;
using Portal.Core.Data;

namespace Portal.ImportExport.Data;

/// <summary>The import module's own table: the import jobs.</summary>
public abstract class ImportExportDbContext(DbContextOptions options) : ModuleDbContext(options)
{
    public DbSet<ImportJob> ImportJobs => Set<ImportJob>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        builder.Entity<ImportJob>(e =>
        {
            e.ToTable("ImportJobs");
            e.HasKey(j => j.Id);
            e.Property(j => j.Id).HasMaxLength(32);
            e.Property(j => j.UserId).HasMaxLength(450);
            e.Property(j => j.UserName).HasMaxLength(256);
            e.Property(j => j.FileName).HasMaxLength(260);
            e.Property(j => j.ContentType).HasMaxLength(100);
            e.Property(j => j.State).HasMaxLength(20);
            e.Property(j => j.Culture).HasMaxLength(20);
            e.Property(j => j.Notice).HasMaxLength(40);
            e.Property(j => j.Detail).HasMaxLength(2000);
            e.HasIndex(j => new { j.State, j.QueuedUtc });
            e.HasIndex(j => j.UserId);
        });
    }
}

public sealed class SqliteImportExportDbContext(DbContextOptions<SqliteImportExportDbContext> options) : ImportExportDbContext(options);

public sealed class PostgresImportExportDbContext(DbContextOptions<PostgresImportExportDbContext> options) : ImportExportDbContext(options);

public sealed class SqliteImportExportDesignTimeFactory : SqliteModuleDesignTimeFactory<SqliteImportExportDbContext, ImportExportDbContext>;

public sealed class PostgresImportExportDesignTimeFactory : PostgresModuleDesignTimeFactory<PostgresImportExportDbContext, ImportExportDbContext>;
