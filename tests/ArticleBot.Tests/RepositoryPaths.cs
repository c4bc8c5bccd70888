namespace ArticleBot.Tests;

/// <summary>Locates files of the repository (seeds/, prompts/) from the test output folder.</summary>
internal static class RepositoryPaths
{
    public static string Root { get; } = FindRoot();

    public static string Seeds => Path.Combine(Root, "seeds");

    public static string Prompts => Path.Combine(Root, "prompts");

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Bot.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"No Bot.sln above {AppContext.BaseDirectory}.");
    }
}
