using System.Diagnostics;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Npgsql;
using Portal.Core.Data;
using Portal.Media.Services;

namespace Portal.Media.Backup;

/// <summary>What a backup folder holds: its manifest, the database copy and the media files.</summary>
public sealed record BackupManifest(int Format, string Provider, DateTime CreatedUtc, string Database, int MediaFiles);

/// <summary>
/// The database and the media library's files, copied together into one folder and put back together. SQLite is copied
/// with its online backup (a consistent copy while the site runs); PostgreSQL with pg_dump and pg_restore (the client
/// tools of the server's version must be installed). The search index is not copied: it is rebuilt from the database.
/// </summary>
public sealed class SiteBackup(DatabaseOptions database, IMediaStore media, TimeProvider clock)
{
    public const string ManifestFile = "backup.json";
    public const string MediaFolder = "media";
    private const string SqliteFile = "portal.db", PostgresFile = "portal.pgdump";

    public async Task<BackupManifest> BackupAsync(string folder, CancellationToken cancellationToken = default)
    {
        if (System.IO.Directory.Exists(folder) && System.IO.Directory.EnumerateFileSystemEntries(folder).Any())
            throw new BackupException($"The folder {folder} is not empty: give a new or empty folder.");
        System.IO.Directory.CreateDirectory(folder);
        // The database first: a file uploaded meanwhile is only an extra file; every file the copy names is copied after it.
        string databaseFile;
        if (database.Provider == DatabaseProvider.Sqlite)
        {
            databaseFile = SqliteFile;
            await using var source = new SqliteConnection(database.ConnectionString);
            await using var target = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = Path.Combine(folder, SqliteFile), Pooling = false }.ToString());
            await source.OpenAsync(cancellationToken);
            await target.OpenAsync(cancellationToken);
            source.BackupDatabase(target);
        }
        else
        {
            databaseFile = PostgresFile;
            await RunPostgresToolAsync("pg_dump", ["--format=custom", "--no-owner", "--no-privileges", "--file", Path.Combine(folder, PostgresFile)], cancellationToken);
        }
        var files = await media.CopyAllToAsync(Path.Combine(folder, MediaFolder), cancellationToken);
        var manifest = new BackupManifest(1, database.Provider.ToString(), clock.GetUtcNow().UtcDateTime, databaseFile, files);
        await File.WriteAllTextAsync(Path.Combine(folder, ManifestFile), JsonSerializer.Serialize(manifest, new JsonSerializerOptions { WriteIndented = true }), cancellationToken);
        return manifest;
    }

    /// <summary>Replaces the database and the media files with the backup's; the search index is removed, so the next start rebuilds it.</summary>
    public async Task<BackupManifest> RestoreAsync(string folder, CancellationToken cancellationToken = default)
    {
        var manifestPath = Path.Combine(folder, ManifestFile);
        if (!File.Exists(manifestPath)) throw new BackupException($"{folder} holds no {ManifestFile}: it is not a backup made by the backup command.");
        var manifest = JsonSerializer.Deserialize<BackupManifest>(await File.ReadAllTextAsync(manifestPath, cancellationToken))
            ?? throw new BackupException($"{manifestPath} cannot be read.");
        if (manifest.Provider != database.Provider.ToString())
            throw new BackupException($"The backup is of a {manifest.Provider} database and this site uses {database.Provider}: restore it on a site of the same kind.");
        var databasePath = Path.Combine(folder, Path.GetFileName(manifest.Database));
        if (!File.Exists(databasePath)) throw new BackupException($"The database copy {databasePath} is missing.");

        if (database.Provider == DatabaseProvider.Sqlite)
        {
            await using var source = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = databasePath, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
            await using var target = new SqliteConnection(database.ConnectionString);
            await source.OpenAsync(cancellationToken);
            await target.OpenAsync(cancellationToken);
            source.BackupDatabase(target);
            SqliteConnection.ClearAllPools();
        }
        else
        {
            await RunPostgresToolAsync("pg_restore", ["--clean", "--if-exists", "--no-owner", "--no-privileges", "--single-transaction", databasePath], cancellationToken);
            NpgsqlConnection.ClearAllPools();
        }
        await media.ReplaceAllFromAsync(Path.Combine(folder, MediaFolder), cancellationToken);
        var index = Path.Combine(database.DataDirectory, "search");
        if (System.IO.Directory.Exists(index))
        {
            // Moved aside first (one rename), so that no later start reads it even when an indexer of a running host
            // still writes into it and the deletion cannot finish.
            var removed = index + ".removed-" + Guid.NewGuid().ToString("N")[..8];
            System.IO.Directory.Move(index, removed);
            try { System.IO.Directory.Delete(removed, recursive: true); }
            catch (IOException) { /* files still being written by that indexer: the folder is no longer read */ }
        }
        return manifest;
    }

    /// <summary>Runs pg_dump or pg_restore on the site's database; the password goes through the environment, never the command line.</summary>
    private async Task RunPostgresToolAsync(string tool, IReadOnlyList<string> arguments, CancellationToken cancellationToken)
    {
        var connection = new NpgsqlConnectionStringBuilder(database.ConnectionString);
        var start = new ProcessStartInfo(tool) { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        start.ArgumentList.Add("--dbname=" + connection.Database);
        start.Environment["PGHOST"] = connection.Host;
        start.Environment["PGPORT"] = connection.Port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        start.Environment["PGUSER"] = connection.Username;
        if (connection.Password is { Length: > 0 } password) start.Environment["PGPASSWORD"] = password;
        Process process;
        try
        {
            process = Process.Start(start) ?? throw new BackupException($"{tool} could not be started.");
        }
        catch (System.ComponentModel.Win32Exception)
        {
            throw new BackupException($"{tool} is not installed: install the PostgreSQL client tools of the server's version.");
        }
        using (process)
        {
            var errors = process.StandardError.ReadToEndAsync(cancellationToken);
            await process.StandardOutput.ReadToEndAsync(cancellationToken);
            await process.WaitForExitAsync(cancellationToken);
            if (process.ExitCode != 0) throw new BackupException($"{tool} failed ({process.ExitCode}): {(await errors).Trim()}");
        }
    }
}

public sealed class BackupException(string message) : Exception(message);
