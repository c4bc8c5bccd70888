namespace ArticleQa.Answering;

/// <summary>
/// What a conversation's answers said, for "Tell me more": a sentence of a source is in it whatever its marks and
/// <c>[n]</c> markers, and however much of a quotation the answer showed with it.
/// </summary>
internal sealed class SaidText(string answers)
{
    private readonly string _letters = Letters(CitationParser.WithoutMarkers(answers));

    private readonly string _answers = answers;

    /// <summary>What was said and <paramref name="more"/>.</summary>
    public SaidText And(string more) => new(_answers + " " + more);

    /// <summary>Whether the answers hold <paramref name="sentence"/> (one without letters or digits never is).</summary>
    public bool Holds(string sentence)
    {
        var letters = Letters(sentence);
        return letters.Length > 0 && _letters.Contains(letters, StringComparison.Ordinal);
    }

    /// <summary>The text's letters and digits, lower case.</summary>
    private static string Letters(string text) => string.Concat(text.Where(char.IsLetterOrDigit)).ToLowerInvariant();
}
