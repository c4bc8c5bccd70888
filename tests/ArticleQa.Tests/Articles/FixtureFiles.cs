namespace ArticleQa.Tests.Articles;

/// <summary>
/// Finds the committed fixture files next to the test sources: walks up from the test binaries to the repository root
/// (the folder holding Bot.sln), so the test project needs no copy-to-output items.
/// </summary>
public static class FixtureFiles
{
    public static string PathOf(string name)
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "Bot.sln")))
            {
                return Path.Combine(folder.FullName, "tests", "ArticleQa.Tests", "Articles", "Fixtures", name);
            }
        }

        throw new DirectoryNotFoundException($"No Bot.sln above {AppContext.BaseDirectory}: cannot find the fixture '{name}'.");
    }
}
