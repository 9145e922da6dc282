using Microsoft.EntityFrameworkCore;
using Portal.Core.Data;

namespace Portal.Knowledge.Data;

/// <summary>The knowledge module's own table: requests to replicate a good practice, waiting for moderation or dealt with.</summary>
public abstract class KnowledgeDbContext(DbContextOptions options) : ModuleDbContext(options)
{
    public DbSet<ReplicationRequest> ReplicationRequests => Set<ReplicationRequest>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        builder.Entity<ReplicationRequest>(e =>
        {
            e.ToTable("KnowledgeReplicationRequests");
            e.HasKey(r => r.Id);
            e.Property(r => r.Id).HasMaxLength(32);
            e.Property(r => r.ContentItemId).HasMaxLength(26);
            e.Property(r => r.ProjectTitle).HasMaxLength(300);
            e.Property(r => r.Culture).HasMaxLength(10);
            e.Property(r => r.Name).HasMaxLength(200);
            e.Property(r => r.Organisation).HasMaxLength(200);
            e.Property(r => r.Email).HasMaxLength(254);
            e.Property(r => r.Message).HasMaxLength(3000);
            e.Property(r => r.Status).HasMaxLength(20);
            e.Property(r => r.DecidedBy).HasMaxLength(256);
            e.HasIndex(r => new { r.Status, r.CreatedUtc });
        });
    }
}

public sealed class SqliteKnowledgeDbContext(DbContextOptions<SqliteKnowledgeDbContext> options) : KnowledgeDbContext(options);

public sealed class PostgresKnowledgeDbContext(DbContextOptions<PostgresKnowledgeDbContext> options) : KnowledgeDbContext(options);

public sealed class SqliteKnowledgeDesignTimeFactory : SqliteModuleDesignTimeFactory<SqliteKnowledgeDbContext, KnowledgeDbContext>;

public sealed class PostgresKnowledgeDesignTimeFactory : PostgresModuleDesignTimeFactory<PostgresKnowledgeDbContext, KnowledgeDbContext>;
