using System.Text;
using Microsoft.Extensions.Logging;

namespace ArticleQa.Articles;

/// <summary>Reads every article file in a folder. A file that cannot be used is skipped with one warning naming it and the reason.</summary>
public sealed class ArticleLoader(ILogger<ArticleLoader> logger)
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static IReadOnlySet<string> SupportedExtensions { get; } = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { ".txt" };

    public ArticleLoadResult LoadFolder(string folder)
    {
        if (!Directory.Exists(folder))
        {
            throw new DirectoryNotFoundException($"Articles folder '{folder}' does not exist (Articles:Path or --articles).");
        }

        var articles = new List<Article>();
        var skipped = new List<SkippedFile>();
        foreach (var file in Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            if (!SupportedExtensions.Contains(Path.GetExtension(file)))
            {
                continue;
            }

            try
            {
                articles.Add(Load(file, folder));
            }
            catch (Exception e) when (e is InvalidDataException or IOException or UnauthorizedAccessException)
            {
                logger.LogWarning("Skipped article file {File}: {Reason}", file, e.Message);
                skipped.Add(new SkippedFile(file, e.Message));
            }
        }

        logger.LogInformation("Loaded {Count} articles from {Folder}, skipped {Skipped}", articles.Count, folder, skipped.Count);
        return new ArticleLoadResult(articles, skipped);
    }

    /// <summary>Reads one article file; throws <see cref="InvalidDataException"/> when the file is unusable.</summary>
    public static Article Load(string file, string root)
    {
        string text;
        try
        {
            text = StrictUtf8.GetString(File.ReadAllBytes(file));
        }
        catch (DecoderFallbackException)
        {
            throw new InvalidDataException("not valid UTF-8 text");
        }

        text = text.TrimStart('\uFEFF').ReplaceLineEndings("\n");
        var title = text.Split('\n').Select(line => line.Trim()).FirstOrDefault(line => line.Length > 0)
            ?? throw new InvalidDataException("the file is empty");
        return new Article(ArticleId(file, root), title, text, Path.GetFullPath(file));
    }

    /// <summary>The id is the path under the articles folder without its extension, with forward slashes.</summary>
    public static string ArticleId(string file, string root)
    {
        var relative = Path.GetRelativePath(root, file);
        var withoutExtension = Path.ChangeExtension(relative, null) ?? relative;
        return withoutExtension.Replace('\\', '/');
    }
}
