using Portal.Core.Data;

namespace Portal.Media.Services;

/// <summary>Files under DataDirectory/media, so that backing up the data directory backs up the library.</summary>
public sealed class FileSystemMediaStore(DatabaseOptions database) : IMediaStore
{
    private readonly string _root = Path.Combine(database.DataDirectory, "media");

    public async Task SaveAsync(string path, Stream content, CancellationToken cancellationToken = default)
    {
        var full = FullPath(path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        var temporary = full + ".tmp";
        await using (var file = File.Create(temporary)) await content.CopyToAsync(file, cancellationToken);
        File.Move(temporary, full, overwrite: true);
    }

    public Task<Stream?> OpenReadAsync(string path, CancellationToken cancellationToken = default)
    {
        var full = FullPath(path);
        return Task.FromResult<Stream?>(File.Exists(full) ? new FileStream(full, FileMode.Open, FileAccess.Read, FileShare.Read, 64 * 1024, useAsync: true) : null);
    }

    public Task DeleteFolderAsync(string folder, CancellationToken cancellationToken = default)
    {
        var full = FullPath(folder);
        if (Directory.Exists(full)) Directory.Delete(full, recursive: true);
        return Task.CompletedTask;
    }

    public Task<int> CopyAllToAsync(string directory, CancellationToken cancellationToken = default) =>
        Task.FromResult(System.IO.Directory.Exists(_root) ? CopyTree(_root, directory, cancellationToken) : 0);

    public Task ReplaceAllFromAsync(string directory, CancellationToken cancellationToken = default)
    {
        if (System.IO.Directory.Exists(_root)) System.IO.Directory.Delete(_root, recursive: true);
        System.IO.Directory.CreateDirectory(_root);
        if (System.IO.Directory.Exists(directory)) CopyTree(directory, _root, cancellationToken);
        return Task.CompletedTask;
    }

    private static int CopyTree(string from, string to, CancellationToken cancellationToken)
    {
        var count = 0;
        System.IO.Directory.CreateDirectory(to);
        foreach (var file in System.IO.Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (file.EndsWith(".tmp", StringComparison.Ordinal)) continue;
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            System.IO.Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target, overwrite: true);
            count++;
        }
        return count;
    }

    /// <summary>A path inside the root only: the library builds paths from its own ids, this refuses anything else.</summary>
    private string FullPath(string relative)
    {
        var full = Path.GetFullPath(Path.Combine(_root, relative));
        if (!full.StartsWith(Path.GetFullPath(_root) + Path.DirectorySeparatorChar, StringComparison.Ordinal))
            throw new ArgumentException($"The media path '{relative}' leaves the media folder.", nameof(relative));
        return full;
    }
}
