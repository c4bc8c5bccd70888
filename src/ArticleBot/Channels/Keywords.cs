using System.Text.RegularExpressions;
using ArticleQa.Retrieval;
using ArticleQa.Text;

namespace ArticleBot.Channels;

/// <summary>A passage's most frequent content words (as written), for the citation card's keyword chips.</summary>
public static partial class Keywords
{
    public static IReadOnlyList<string> Of(string text, int count, int maxLength)
    {
        ArgumentNullException.ThrowIfNull(text);
        return Word().Matches(text)
            .Select(m => m.Value)
            .Where(w => w.Length is > 3 && w.Length <= maxLength && TermAnalyzer.Analyze(w).Count == 1)
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
