using System.Text.RegularExpressions;
using ArticleQa.Retrieval;
using ArticleQa.Text;

namespace ArticleBot.Channels;

/// <summary>
/// A passage's most frequent content words (as written), for the citation card's keyword chips: the search's stop
/// words and the words news text uses everywhere ("said", "also", "would") are no keywords; names win ties.
/// </summary>
public static partial class Keywords
{
    private static readonly HashSet<string> NewsFillers = new(StringComparer.OrdinalIgnoreCase)
    {
        "also", "said", "says", "say", "saying", "told", "tells", "added", "adds", "asked", "according", "would",
        "could", "should", "might", "must", "will", "shall", "just", "like", "many", "much", "more", "most", "less",
        "very", "even", "still", "really", "well", "made", "make", "makes", "including", "however", "though",
        "although", "already", "since", "there", "here", "thing", "things", "way", "ways", "being", "been", "know",
        "known", "think", "want", "wants", "going", "come", "came", "take", "took", "give", "gave", "need", "needed",
    };

    public static IReadOnlyList<string> Of(string text, int count, int maxLength)
    {
        ArgumentNullException.ThrowIfNull(text);
        return Word().Matches(text)
            .Select(m => m.Value)
            .Where(w => w.Length is > 3 && w.Length <= maxLength && !NewsFillers.Contains(w) && TermAnalyzer.Analyze(w).Count == 1)
            .GroupBy(w => TermAnalyzer.Analyze(w)[0], StringComparer.Ordinal)
            .OrderByDescending(g => g.Count())
            .ThenByDescending(g => g.Any(w => char.IsUpper(w[0])))
            .ThenBy(g => text.IndexOf(g.First(), StringComparison.Ordinal))
            .Take(count)
            .Select(g => g.First())
            .ToList();
    }

    [GeneratedRegex(@"\p{L}[\p{L}\-]*")]
    private static partial Regex Word();
}
