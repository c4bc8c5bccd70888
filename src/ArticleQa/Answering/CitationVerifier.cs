using ArticleQa.Articles;
using ArticleQa.Retrieval;
using ArticleQa.Text;
using Microsoft.Extensions.Options;

namespace ArticleQa.Answering;

/// <summary>
/// Checks every cited sentence against the source it cites, its header (<see cref="SourcesBlock.Header"/>: title,
/// date, author) and its passage as the model saw them: a source supports a sentence when it contains at least
/// <c>Answering:SupportThreshold</c> of the sentence's content terms (stemmed, stop words removed). An unsupported marker
/// is removed, and moved to the source that does support the sentence when there is one; a claim no source supports is
/// dropped. Sentences too short to be claims ("Here is what I found:") are kept as they are.
/// </summary>
public sealed class CitationVerifier(IOptions<AnsweringOptions> options)
{
    private readonly double _threshold = options.Value.SupportThreshold;

    /// <param name="normalizedText">Model text with markers already normalised to <c>[n]</c> (<see cref="CitationParser.Normalize"/>).</param>
    /// <param name="sources">The numbered sources (1-based).</param>
    public (string Text, CitationCheck Check) Verify(string normalizedText, IReadOnlyList<RetrievedPassage> sources)
    {
        ArgumentNullException.ThrowIfNull(normalizedText);
        ArgumentNullException.ThrowIfNull(sources);
        // A source is its header (title, date, author) and its passage, as the model saw it.
        var sourceTerms = sources.Select(s => TermAnalyzer.Analyze(SourcesBlock.Header(s.Article) + "\n" + s.Passage.Text).ToHashSet(StringComparer.Ordinal)).ToList();
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

    private int? BestSupport(HashSet<string> claimTerms, List<HashSet<string>> sourceTerms)
    {
        var best = sourceTerms.Select((terms, i) => (Number: i + 1, Support: Support(claimTerms, terms))).MaxBy(s => s.Support);
        return best.Support >= _threshold ? best.Number : null;
    }

    internal static double Support(HashSet<string> claimTerms, HashSet<string> passageTerms) =>
        claimTerms.Count == 0 ? 1 : (double)claimTerms.Count(passageTerms.Contains) / claimTerms.Count;
}
