namespace Portal.Media.Services;

/// <summary>Where the bytes of the library live, by relative path ("id/version/name"); the file system by default, an object store later.</summary>
public interface IMediaStore
{
    Task SaveAsync(string path, Stream content, CancellationToken cancellationToken = default);

    /// <summary>The file, or null when it does not exist.</summary>
    Task<Stream?> OpenReadAsync(string path, CancellationToken cancellationToken = default);

    /// <summary>Deletes every file under a folder ("id/" or "id/2/").</summary>
    Task DeleteFolderAsync(string folder, CancellationToken cancellationToken = default);

    /// <summary>Copies every stored file into a folder of the file system (a backup); returns how many.</summary>
    Task<int> CopyAllToAsync(string directory, CancellationToken cancellationToken = default);

    /// <summary>Replaces every stored file with those of a folder made by <see cref="CopyAllToAsync"/> (a restore).</summary>
    Task ReplaceAllFromAsync(string directory, CancellationToken cancellationToken = default);
}
