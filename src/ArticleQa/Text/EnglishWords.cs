using System.IO.Compression;

namespace ArticleQa.Text;

/// <summary>
/// About 73,000 English words and common names (Debian's wamerican, SCOWL size 50, with their case; its notice is in
/// <c>english-words.NOTICE.txt</c> and at the head of the file), so that <see cref="QuestionSpelling"/> leaves alone a
/// real word that neither the articles nor the embedding model's vocabulary happen to hold ("predicated", "signer"),
/// and <see cref="QuestionCasing"/> writes a common word the articles lack in lower case ("call", not "Call").
/// </summary>
public static class EnglishWords
{
    private const string ResourceName = "ArticleQa.Text.english-words.txt.gz";

    private static readonly Lazy<(HashSet<string> Any, HashSet<string> Common)> _words = new(Load);

    /// <summary>Whether <paramref name="lowerCaseWord"/> is in the list, in any case ("californian" is).</summary>
    public static bool Contains(string lowerCaseWord) => _words.Value.Any.Contains(lowerCaseWord);

    /// <summary>
    /// Whether <paramref name="lowerCaseWord"/> is in the list in lower case only: a common word, not also a name
    /// ("call" is; "china" and "bush" are names too, "californian" only one).
    /// </summary>
    public static bool IsCommonWord(string lowerCaseWord) => _words.Value.Common.Contains(lowerCaseWord);

    private static (HashSet<string> Any, HashSet<string> Common) Load()
    {
        using var stream = typeof(EnglishWords).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"The word list resource {ResourceName} is missing from {typeof(EnglishWords).Assembly.GetName().Name}.");
        using var reader = new StreamReader(new GZipStream(stream, CompressionMode.Decompress));
        var any = new HashSet<string>(80_000, StringComparer.Ordinal);
        var lower = new HashSet<string>(70_000, StringComparer.Ordinal);
        var names = new HashSet<string>(20_000, StringComparer.Ordinal);
        while (reader.ReadLine() is { } line)
        {
            if (line.Length > 0 && line[0] != '#')
            {
                var folded = line.ToLowerInvariant();
                any.Add(folded);
                (folded == line ? lower : names).Add(folded);
            }
        }

        lower.ExceptWith(names);
        return (any, lower);
    }
}
