using Microsoft.EntityFrameworkCore;
using Portal.Core.Data;

namespace Portal.Tests.Kernel.ModuleTables;

/// <summary>A module's own table, as a module would declare it, to prove the kernel needs no edit for it.</summary>
public sealed class Note
{
    public string Id { get; set; } = "";
    public string ContentItemId { get; set; } = "";
    public string Text { get; set; } = "";
}

public abstract class NotesDbContext(DbContextOptions options) : ModuleDbContext(options)
{
    public DbSet<Note> Notes => Set<Note>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        builder.Entity<Note>(e =>
        {
            e.ToTable("TestNotes");
            e.Property(n => n.Id).HasMaxLength(26);
            e.Property(n => n.ContentItemId).HasMaxLength(26);
            e.Property(n => n.Text).HasMaxLength(200);
            e.HasIndex(n => n.ContentItemId);
        });
    }
}

public sealed class SqliteNotesDbContext(DbContextOptions<SqliteNotesDbContext> options) : NotesDbContext(options);

public sealed class PostgresNotesDbContext(DbContextOptions<PostgresNotesDbContext> options) : NotesDbContext(options);

public sealed class SqliteNotesDesignTimeFactory : SqliteModuleDesignTimeFactory<SqliteNotesDbContext, NotesDbContext>;

public sealed class PostgresNotesDesignTimeFactory : PostgresModuleDesignTimeFactory<PostgresNotesDbContext, NotesDbContext>;
