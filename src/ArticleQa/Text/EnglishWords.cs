using System.IO.Compression;

namespace ArticleQa.Text;

/// <summary>
/// About 73,000 English words and common names (Debian's wamerican, SCOWL size 50; its notice is in
/// <c>english-words.NOTICE.txt</c> and at the head of the file), so that <see cref="QuestionSpelling"/> leaves alone a
/// real word that neither the articles nor the embedding model's vocabulary happen to hold ("predicated", "signer").
/// </summary>
public static class EnglishWords
{
    private const string ResourceName = "ArticleQa.Text.english-words.txt.gz";

    private static readonly Lazy<HashSet<string>> _words = new(Load);

    /// <summary>Whether <paramref name="lowerCaseWord"/> is in the list.</summary>
    public static bool Contains(string lowerCaseWord) => _words.Value.Contains(lowerCaseWord);

    private static HashSet<string> Load()
    {
        using var stream = typeof(EnglishWords).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"The word list resource {ResourceName} is missing from {typeof(EnglishWords).Assembly.GetName().Name}.");
        using var reader = new StreamReader(new GZipStream(stream, CompressionMode.Decompress));
        var words = new HashSet<string>(80_000, StringComparer.Ordinal);
        while (reader.ReadLine() is { } line)
        {
            if (line.Length > 0 && line[0] != '#')
            {
                words.Add(line);
            }
        }

        return words;
    }
}
