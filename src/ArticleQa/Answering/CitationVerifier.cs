using System.Globalization;
using ArticleQa.Articles;
using ArticleQa.Retrieval;
using ArticleQa.Text;
using Microsoft.Extensions.Options;

namespace ArticleQa.Answering;

/// <summary>
/// Checks every cited sentence against the source it cites, its passage and the parts of its header the sentence
/// quotes whole (title, date, author: <see cref="SourcesBlock.Header"/>), as the model saw them: a source supports a
/// sentence when it contains at least <c>Answering:SupportThreshold</c> of the sentence's content terms (stemmed, stop
/// words removed). An unsupported marker is removed, and moved to the source that does support the sentence when there
/// is one; a claim no source supports is dropped. Sentences too short to be claims ("Here is what I found:") are kept
/// as they are.
/// </summary>
public sealed class CitationVerifier(IOptions<AnsweringOptions> options)
{
    /// <summary>How a claim may write an article's date: as the header does, or as a person would.</summary>
    private static readonly string[] DateFormats = ["yyyy-MM-dd", "d MMMM yyyy", "MMMM d, yyyy", "MMMM d yyyy"];

    private readonly double _threshold = options.Value.SupportThreshold;

    /// <param name="normalizedText">Model text with markers already normalised to <c>[n]</c> (<see cref="CitationParser.Normalize"/>).</param>
    /// <param name="sources">The numbered sources (1-based).</param>
    public (string Text, CitationCheck Check) Verify(string normalizedText, IReadOnlyList<RetrievedPassage> sources)
    {
        ArgumentNullException.ThrowIfNull(normalizedText);
        ArgumentNullException.ThrowIfNull(sources);
        var passageTerms = sources.Select(s => TermAnalyzer.Analyze(s.Passage.Text).ToHashSet(StringComparer.Ordinal)).ToList();
        var headerParts = sources.Select(s => HeaderParts(s.Article)).ToList();
        var kept = new List<string>();
        var (removed, moved, dropped) = (0, 0, 0);
        foreach (var span in SentenceSplitter.Split(normalizedText))
        {
            var sentence = span.Of(normalizedText);
            var cited = CitationParser.NumbersIn(sentence);
            var claim = CitationParser.WithoutMarkers(sentence);
            var claimTerms = TermAnalyzer.Analyze(claim).ToHashSet(StringComparer.Ordinal);
            if (claimTerms.Count < 2)
            {
                kept.Add(sentence);
                continue;
            }

            var sourceTerms = passageTerms.Select((terms, i) => WithQuoted(terms, claim, headerParts[i])).ToList();
            var supported = cited.Where(n => Support(claimTerms, sourceTerms[n - 1]) >= _threshold).ToList();
            removed += cited.Count - supported.Count;
            if (supported.Count == 0 && BestSupport(claimTerms, sourceTerms) is { } better)
            {
                supported.Add(better);
                moved++;
                removed -= cited.Count > 0 ? 1 : 0;
            }

            if (supported.Count == 0)
            {
                dropped++;
                continue;
            }

            kept.Add(CitationParser.WithMarkers(claim, supported));
        }

        return (string.Join(' ', kept), new CitationCheck(removed, moved, dropped));
    }

    /// <summary>
    /// The parts of a source's header (<see cref="SourcesBlock.Header"/>) a claim may quote: the title, the author, the
    /// date as the header writes it or as a person would ("28 November 2025", "November 28, 2025").
    /// </summary>
    private static string[] HeaderParts(ArticleInfo article)
    {
        var dates = article.Published is { } published ? DateFormats.Select(f => published.ToString(f, CultureInfo.InvariantCulture)) : [];
        return [.. new[] { article.Title, article.Author ?? "" }.Concat(dates).Select(part => part.Trim()).Where(part => part.Length > 0)];
    }

    /// <summary>
    /// A passage's terms with those of the header parts <paramref name="claim"/> quotes whole. "Jane Roe wrote “Talks
    /// Stall”" is what the model read in the header; a claim that only shares some of the title's words is not backed
    /// by every passage of the article.
    /// </summary>
    private static HashSet<string> WithQuoted(HashSet<string> passageTerms, string claim, string[] headerParts)
    {
        var quoted = headerParts.Where(part => claim.Contains(part, StringComparison.OrdinalIgnoreCase)).ToList();
        if (quoted.Count == 0)
        {
            return passageTerms;
        }

        var terms = new HashSet<string>(passageTerms, StringComparer.Ordinal);
        terms.UnionWith(quoted.SelectMany(TermAnalyzer.Analyze));
        return terms;
    }

    private int? BestSupport(HashSet<string> claimTerms, List<HashSet<string>> sourceTerms)
    {
        var best = sourceTerms.Select((terms, i) => (Number: i + 1, Support: Support(claimTerms, terms))).MaxBy(s => s.Support);
        return best.Support >= _threshold ? best.Number : null;
    }

    internal static double Support(HashSet<string> claimTerms, HashSet<string> passageTerms) =>
        claimTerms.Count == 0 ? 1 : (double)claimTerms.Count(passageTerms.Contains) / claimTerms.Count;
}
