namespace Portal.Core.Recipes;

/// <summary>Where a path really leads once every symbolic link in it is followed, and whether it lies under a folder.</summary>
public static class SafePaths
{
    private const int MaxLinks = 40;

    public static bool IsUnder(string path, string folder)
    {
        var root = folder.EndsWith(Path.DirectorySeparatorChar) ? folder : folder + Path.DirectorySeparatorChar;
        return path.StartsWith(root, OperatingSystem.IsWindows() ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal);
    }

    /// <summary>The full path with every link resolved, component by component (a linked folder counts as much as a linked file).</summary>
    public static string RealPath(string path)
    {
        var full = Path.GetFullPath(path);
        var links = 0;
        var root = Path.GetPathRoot(full)!;
        var resolved = root;
        var rest = new Queue<string>(full[root.Length..].Split(Path.DirectorySeparatorChar, StringSplitOptions.RemoveEmptyEntries));
        while (rest.Count > 0)
        {
            var next = Path.Combine(resolved, rest.Dequeue());
            FileSystemInfo info = System.IO.Directory.Exists(next) ? new DirectoryInfo(next) : new FileInfo(next);
            if (info.LinkTarget is not { } target)
            {
                resolved = next;
                continue;
            }
            if (++links > MaxLinks) throw new IOException($"too many symbolic links in {path}.");
            // The target replaces this component; what followed it is looked up again from there.
            var targetFull = Path.GetFullPath(Path.Combine(resolved, target));
            var remaining = rest.ToList();
            var targetRoot = Path.GetPathRoot(targetFull)!;
            rest = new Queue<string>(targetFull[targetRoot.Length..].Split(Path.DirectorySeparatorChar, StringSplitOptions.RemoveEmptyEntries).Concat(remaining));
            resolved = targetRoot;
        }
        return resolved;
    }
}
