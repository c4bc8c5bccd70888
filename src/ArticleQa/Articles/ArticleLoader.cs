using System.Security.Cryptography;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ArticleQa.Articles;

/// <summary>
/// Reads every article file in a folder (.txt, .md, .html, .pdf, .docx). A file that cannot be used (empty, unreadable,
/// binary, wrongly encoded, corrupt, too large, or with an id another file already has) is skipped with one warning
/// naming it and the reason; the other articles are still loaded.
/// </summary>
public sealed class ArticleLoader(ILogger<ArticleLoader> logger, IOptions<ArticlesOptions>? options = null)
{
    private static readonly EnumerationOptions Enumeration = new()
    {
        RecurseSubdirectories = true,
        // Dot files and folders (.git, macOS "._" resource forks, editor backups) are never articles.
        AttributesToSkip = FileAttributes.Hidden | FileAttributes.System,
        IgnoreInaccessible = true,
    };

    private readonly ArticlesOptions _options = options?.Value ?? new ArticlesOptions();

    /// <summary>The extensions read as articles; other files in the folder are ignored without a warning.</summary>
    public static IReadOnlySet<string> SupportedExtensions { get; } = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        ".txt", ".md", ".markdown", ".html", ".htm", ".pdf", ".docx",
    };

    /// <summary>
    /// Loads every supported file under <paramref name="folder"/> and its subfolders, in ordinal path order, skipping
    /// hidden (dot) files and folders. Logs one warning per skipped file and one summary line. This is the one ingest
    /// path: the index sync runs it too, passing <paramref name="unchanged"/>.
    /// </summary>
    /// <param name="folder">The articles folder.</param>
    /// <param name="unchanged">
    /// Given an article id and the file's content hash, true when the caller already holds exactly this content; the
    /// file is then not parsed again and its entry is <see cref="ArticleFile.Reused"/>.
    /// </param>
    public ArticleLoadResult LoadFolder(string folder, Func<string, string, bool>? unchanged = null)
    {
        if (!Directory.Exists(folder))
        {
            throw new DirectoryNotFoundException($"Articles folder '{folder}' does not exist ({ArticlesOptions.SectionName}:Path or --articles).");
        }

        var files = new List<ArticleFile>();
        var idOwners = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var path in ArticleFiles(folder))
        {
            var file = Read(path, folder, unchanged);
            if (file.SkipReason is null && !idOwners.TryAdd(file.Id, path))
            {
                file = file with { Article = null, SkipReason = $"the article id '{file.Id}' is already used by {idOwners[file.Id]}" };
            }

            if (file.SkipReason is { } reason)
            {
                logger.LogWarning("Skipped article file {File}: {Reason}", path, reason);
            }

            files.Add(file);
        }

        var result = new ArticleLoadResult(files);
        logger.LogInformation("Loaded {Count} articles from {Folder}, skipped {Skipped}", files.Count(f => f.SkipReason is null), folder, result.Skipped.Count);
        return result;
    }

    /// <summary>The article files under <paramref name="folder"/>: supported extensions, no hidden (dot) files, ordinal path order.</summary>
    public static IEnumerable<string> ArticleFiles(string folder) =>
        Directory.EnumerateFiles(folder, "*", Enumeration)
            .Where(file => SupportedExtensions.Contains(Path.GetExtension(file)))
            .Order(StringComparer.Ordinal);

    /// <summary>
    /// Reads one article file, choosing the reader by extension. Throws <see cref="InvalidDataException"/> when the file
    /// is unusable (empty, too large, binary, wrongly encoded, corrupt) and <see cref="IOException"/> when it cannot be read.
    /// </summary>
    public static Article Load(string file, string root, ArticlesOptions? options = null) =>
        Parse(ReadBytes(file, options?.MaxFileBytes ?? ArticlesOptions.DefaultMaxFileBytes), file, root);

    private static Article Parse(byte[] bytes, string file, string root)
    {
        var extension = Path.GetExtension(file).ToLowerInvariant();
        var content = extension switch
        {
            ".txt" => TextArticleReader.Read(bytes),
            ".md" or ".markdown" => MarkdownArticleReader.Read(bytes),
            ".html" or ".htm" => HtmlArticleReader.Read(bytes, Path.GetFullPath(file)),
            ".pdf" => PdfArticleReader.Read(bytes),
            ".docx" => DocxArticleReader.Read(bytes),
            _ => throw new InvalidDataException($"unsupported file type '{extension}'"),
        };
        return ToArticle(content, ArticleId(file, root), Path.GetFullPath(file));
    }

    /// <summary>The id is the path under the articles folder without its extension, with forward slashes.</summary>
    public static string ArticleId(string file, string root)
    {
        var relative = Path.GetRelativePath(root, file);
        var withoutExtension = Path.ChangeExtension(relative, null) ?? relative;
        return withoutExtension.Replace('\\', '/');
    }

    /// <summary>Reads one article file with the configured limits; a failure is the entry's skip reason, never an exception.</summary>
    private ArticleFile Read(string file, string root, Func<string, string, bool>? unchanged)
    {
        var id = ArticleId(file, root);
        string? hash = null;
        try
        {
            var bytes = ReadBytes(file, _options.MaxFileBytes);
            hash = Convert.ToHexStringLower(SHA256.HashData(bytes));
            return unchanged?.Invoke(id, hash) == true
                ? new ArticleFile(id, file, hash, null, null)
                : new ArticleFile(id, file, hash, Parse(bytes, file, root), null);
        }
        catch (InvalidDataException e)
        {
            return new ArticleFile(id, file, hash, null, e.Message);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return new ArticleFile(id, file, hash, null, $"could not read the file: {e.Message}");
        }
        catch (Exception e)
        {
            // A parser bug on one odd file must not keep every other article out of the index.
            logger.LogDebug(e, "Reading {File} failed unexpectedly", file);
            return new ArticleFile(id, file, hash, null, $"could not read the file: {e.GetType().Name}: {e.Message}");
        }
    }

    private static byte[] ReadBytes(string file, int maxFileBytes)
    {
        var info = new FileInfo(file);
        if (info.LinkTarget is not null)
        {
            // FileInfo describes the link itself; its size and existence are the target's business.
            info = info.ResolveLinkTarget(returnFinalTarget: true) as FileInfo
                ?? throw new IOException($"the link target '{info.LinkTarget}' is not a file");
            if (!info.Exists)
            {
                throw new IOException($"the link target '{info.FullName}' does not exist");
            }
        }

        // Checked before opening: an empty file needs no reader, and a zero-length FIFO would block a read forever.
        if (info.Length == 0)
        {
            throw new InvalidDataException("the file is empty (0 bytes)");
        }

        if (info.Length > maxFileBytes)
        {
            throw new InvalidDataException(
                $"the file is too large ({info.Length} bytes; Articles:MaxFileBytes is {maxFileBytes})");
        }

        return File.ReadAllBytes(file);
    }

    private static Article ToArticle(ArticleContent content, string id, string fullPath)
    {
        var text = ArticleText.Normalize(content.Text);
        if (text.Length == 0)
        {
            throw new InvalidDataException("the file contains no text");
        }

        var title = ArticleText.SingleLine(content.Title) ?? ArticleText.FirstLine(text)!;
        return new Article(
            id,
            title,
            ArticleText.WithTitle(text, title),
            fullPath,
            content.Url,
            ArticleText.SingleLine(content.Author),
            content.Published,
            ArticleText.SingleLine(content.Source));
    }
}
