namespace ArticleQa.Text;

/// <summary>
/// Adjectives made from names and the names they stand for, from WordNet 3.0 (715 of them: "American" for "America",
/// "United States", "US", "U.S.A."; "Swiss" for "Switzerland"; "Parisian" for "Paris"; its notice is at the head of
/// <c>proper-adjectives.txt</c>). A question about "the American envoy" names the country an article calls "the US";
/// without this the name counts as one no source contains, which is what SQuAD 2.0's unanswerable questions look like.
/// </summary>
public static class ProperAdjectives
{
    private const string ResourceName = "ArticleQa.Text.proper-adjectives.txt";

    private static readonly Lazy<Dictionary<string, string[]>> _names = new(Load);

    /// <summary>The names <paramref name="adjective"/> stands for (case as written), or none when it is not one.</summary>
    public static IReadOnlyList<string> NamesOf(string adjective) =>
        _names.Value.TryGetValue(adjective, out var names) ? names : [];

    /// <summary>
    /// Whether <paramref name="text"/> mentions one of the names <paramref name="adjective"/> stands for, as whole
    /// words with their capitals ("US" is not "us"); false when it is not a proper adjective.
    /// </summary>
    public static bool Mentioned(string adjective, string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return NamesOf(adjective).Any(name => ContainsWholeWord(text, name));
    }

    private static bool ContainsWholeWord(string text, string name)
    {
        for (var at = text.IndexOf(name, StringComparison.Ordinal); at >= 0; at = text.IndexOf(name, at + 1, StringComparison.Ordinal))
        {
            var end = at + name.Length;
            if ((at == 0 || !char.IsLetterOrDigit(text[at - 1])) && (end == text.Length || !char.IsLetterOrDigit(text[end])))
            {
                return true;
            }
        }

        return false;
    }

    private static Dictionary<string, string[]> Load()
    {
        using var stream = typeof(ProperAdjectives).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"The proper adjective resource {ResourceName} is missing from {typeof(ProperAdjectives).Assembly.GetName().Name}.");
        using var reader = new StreamReader(stream);
        var names = new Dictionary<string, string[]>(800, StringComparer.Ordinal);
        while (reader.ReadLine() is { } line)
        {
            if (line.Length > 0 && line[0] != '#' && line.Split('\t') is [var adjective, var list])
            {
                names[adjective] = list.Split('|');
            }
        }

        return names;
    }
}
