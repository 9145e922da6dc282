using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Hosting;

namespace Portal.Media.Backup;

/// <summary><c>backup --to DIR</c>: the database and the media files, together, into a new folder.</summary>
public sealed class BackupCommand : IPortalCommand
{
    public string Name => "backup";
    public string Usage => "backup --to <new folder>: copies the database and the media files together (the search index is rebuilt on restore)";

    public async Task<int> RunAsync(IServiceProvider services, IReadOnlyList<string> args, TextWriter output, TextWriter error)
    {
        if (args.Count != 2 || args[0] != "--to")
        {
            await error.WriteLineAsync("Usage: " + Usage);
            return 64;
        }
        var folder = PortalCommands.ResolvePath(args[1]);
        try
        {
            var manifest = await services.GetRequiredService<SiteBackup>().BackupAsync(folder);
            await output.WriteLineAsync($"Backed up the {manifest.Provider} database and {manifest.MediaFiles} media files into {folder}.");
            return 0;
        }
        catch (BackupException ex)
        {
            await error.WriteLineAsync(ex.Message);
            return 2;
        }
    }
}

/// <summary><c>restore --from DIR</c>: puts a backup's database and media files back, replacing the site's (stop the site first).</summary>
public sealed class RestoreCommand : IPortalCommand
{
    public string Name => "restore";
    public string Usage => "restore --from <backup folder>: replaces the database and the media files with the backup's (stop the site first)";

    public async Task<int> RunAsync(IServiceProvider services, IReadOnlyList<string> args, TextWriter output, TextWriter error)
    {
        if (args.Count != 2 || args[0] != "--from")
        {
            await error.WriteLineAsync("Usage: " + Usage);
            return 64;
        }
        var folder = PortalCommands.ResolvePath(args[1]);
        try
        {
            var manifest = await services.GetRequiredService<SiteBackup>().RestoreAsync(folder);
            await output.WriteLineAsync($"Restored the database and {manifest.MediaFiles} media files of {manifest.CreatedUtc:u} from {folder}. The search index is rebuilt at the next start.");
            return 0;
        }
        catch (BackupException ex)
        {
            await error.WriteLineAsync(ex.Message);
            return 2;
        }
    }
}
