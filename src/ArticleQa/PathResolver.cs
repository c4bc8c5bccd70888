namespace ArticleQa;

/// <summary>
/// Resolves the relative folder names in configuration (<c>seeds</c>, <c>prompts</c>) the way a newcomer expects:
/// from the working directory, else from the application's base directory or any folder above it (so
/// <c>dotnet run --project src/ArticleBot</c> and the test runners find the repository's folders).
/// </summary>
public static class PathResolver
{
    public static string ResolveExisting(string path, string? contentRoot = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        if (Path.IsPathRooted(path))
        {
            return Path.GetFullPath(path);
        }

        foreach (var candidate in Candidates(path, contentRoot))
        {
            if (Directory.Exists(candidate) || File.Exists(candidate))
            {
                return candidate;
            }
        }

        return Path.GetFullPath(path);
    }

    /// <summary>
    /// Resolves a folder the app writes to (e.g. the index): absolute paths as given; relative ones against the
    /// repository root (the folder with Bot.sln above the working or base directory) when there is one, else the
    /// working directory.
    /// </summary>
    public static string ResolveForWrite(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        if (Path.IsPathRooted(path))
        {
            return Path.GetFullPath(path);
        }

        var root = RepositoryRoot(Directory.GetCurrentDirectory()) ?? RepositoryRoot(AppContext.BaseDirectory);
        return Path.GetFullPath(Path.Combine(root ?? Directory.GetCurrentDirectory(), path));
    }

    private static string? RepositoryRoot(string start)
    {
        for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Bot.sln")))
            {
                return dir.FullName;
            }
        }

        return null;
    }

    private static IEnumerable<string> Candidates(string path, string? contentRoot)
    {
        yield return Path.GetFullPath(path);
        foreach (var start in new[] { contentRoot, AppContext.BaseDirectory })
        {
            for (var dir = string.IsNullOrEmpty(start) ? null : new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                yield return Path.Combine(dir.FullName, path);
            }
        }
    }
}
