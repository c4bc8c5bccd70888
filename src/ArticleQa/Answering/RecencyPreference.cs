using System.Text.RegularExpressions;
using ArticleQa.Retrieval;

namespace ArticleQa.Answering;

/// <summary>
/// Questions that ask for the latest or most recent news prefer the newer of equally relevant articles: among sources
/// whose scores are within <see cref="Tolerance"/> of each other, newer articles come first, and an older version of
/// the same story (same title) is left out, so the answer cites what is current rather than what was.
/// </summary>
public static partial class RecencyPreference
{
    /// <summary>Fused scores this close count as equally relevant.</summary>
    public const double Tolerance = 0.05;

    public static bool AsksForLatest(string question)
    {
        ArgumentNullException.ThrowIfNull(question);
        return Latest().IsMatch(question);
    }

    /// <summary>The sources in the order to give the model: unchanged unless the question asks for the latest.</summary>
    public static List<RetrievedPassage> Apply(string question, List<RetrievedPassage> sources)
    {
        ArgumentNullException.ThrowIfNull(sources);
        if (!AsksForLatest(question) || sources.Count < 2)
        {
            return sources;
        }

        var ordered = new List<RetrievedPassage>(sources.Count);
        foreach (var group in EquallyRelevant(sources.OrderByDescending(s => s.Score).ToList()))
        {
            var newestFirst = group.OrderByDescending(s => s.Article.Published ?? DateTimeOffset.MinValue).ToList();
            ordered.AddRange(newestFirst.Where((s, i) => !newestFirst.Take(i).Any(newer => IsNewerVersion(newer, s))));
        }

        return ordered;
    }

    /// <summary>Runs of sources (best first) each within <see cref="Tolerance"/> of its run's best.</summary>
    private static IEnumerable<List<RetrievedPassage>> EquallyRelevant(List<RetrievedPassage> bestFirst)
    {
        var group = new List<RetrievedPassage>();
        foreach (var source in bestFirst)
        {
            if (group.Count > 0 && group[0].Score - source.Score > Tolerance)
            {
                yield return group;
                group = [];
            }

            group.Add(source);
        }

        yield return group;
    }

    private static bool IsNewerVersion(RetrievedPassage newer, RetrievedPassage older) =>
        newer.Article.Id != older.Article.Id
        && newer.Article.Published > older.Article.Published
        && string.Equals(newer.Article.Title, older.Article.Title, StringComparison.OrdinalIgnoreCase);

    [GeneratedRegex(@"\b(latest|most recent|newest|recent|recently|currently|current|up[- ]to[- ]date|as of now|right now|these days)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Latest();
}
