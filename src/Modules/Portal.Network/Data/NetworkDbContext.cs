using Microsoft.EntityFrameworkCore;
using Portal.Core.Data;

namespace Portal.Network.Data;

/// <summary>The network module's own tables: professionals (applications and profiles), professional-only details of entries, relayed contacts.</summary>
public abstract class NetworkDbContext(DbContextOptions options) : ModuleDbContext(options)
{
    public DbSet<Professional> Professionals => Set<Professional>();
    public DbSet<ProfessionalDetails> Details => Set<ProfessionalDetails>();
    public DbSet<NetworkContact> Contacts => Set<NetworkContact>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        builder.Entity<Professional>(e =>
        {
            e.ToTable("NetworkProfessionals");
            e.HasKey(p => p.Id);
            e.Property(p => p.Id).HasMaxLength(32);
            e.Property(p => p.UserId).HasMaxLength(450);
            e.Property(p => p.Status).HasMaxLength(20);
            e.Property(p => p.Name).HasMaxLength(200);
            e.Property(p => p.Email).HasMaxLength(254);
            e.Property(p => p.OrganisationId).HasMaxLength(64);
            e.Property(p => p.OrganisationName).HasMaxLength(200);
            e.Property(p => p.JobTitle).HasMaxLength(200);
            e.Property(p => p.Side).HasMaxLength(64);
            e.Property(p => p.Languages).HasMaxLength(500);
            e.Property(p => p.Expertise).HasMaxLength(2000);
            e.Property(p => p.PublicFields).HasMaxLength(200);
            e.Property(p => p.Culture).HasMaxLength(10);
            e.Property(p => p.DecidedBy).HasMaxLength(256);
            e.Property(p => p.Reason).HasMaxLength(2000);
            e.Property(p => p.InvitedBy).HasMaxLength(450);
            e.HasIndex(p => new { p.Status, p.CreatedUtc });
            e.HasIndex(p => p.UserId);
        });
        builder.Entity<ProfessionalDetails>(e =>
        {
            e.ToTable("NetworkEntryDetails");
            e.HasKey(d => d.EntrySet);
            e.Property(d => d.EntrySet).HasMaxLength(64);
            e.Property(d => d.OrientationProcedure).HasMaxLength(4000);
            e.Property(d => d.ReferralFormUrl).HasMaxLength(500);
            e.Property(d => d.EligibilityCriteria).HasMaxLength(4000);
            e.Property(d => d.ReferentName).HasMaxLength(200);
            e.Property(d => d.ReferentPhone).HasMaxLength(50);
            e.Property(d => d.WaitingTime).HasMaxLength(200);
            e.Property(d => d.UpdatedBy).HasMaxLength(256);
        });
        builder.Entity<NetworkContact>(e =>
        {
            e.ToTable("NetworkContacts");
            e.HasKey(c => c.Id);
            e.Property(c => c.Id).HasMaxLength(32);
            e.Property(c => c.SenderId).HasMaxLength(32);
            e.Property(c => c.RecipientId).HasMaxLength(32);
            e.HasIndex(c => new { c.SenderId, c.SentUtc });
        });
    }
}

public sealed class SqliteNetworkDbContext(DbContextOptions<SqliteNetworkDbContext> options) : NetworkDbContext(options);

public sealed class PostgresNetworkDbContext(DbContextOptions<PostgresNetworkDbContext> options) : NetworkDbContext(options);

public sealed class SqliteNetworkDesignTimeFactory : SqliteModuleDesignTimeFactory<SqliteNetworkDbContext, NetworkDbContext>;

public sealed class PostgresNetworkDesignTimeFactory : PostgresModuleDesignTimeFactory<PostgresNetworkDbContext, NetworkDbContext>;
