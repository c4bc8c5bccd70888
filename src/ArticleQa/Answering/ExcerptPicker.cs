using ArticleQa.Articles;
using ArticleQa.Retrieval;
using ArticleQa.Text;

namespace ArticleQa.Answering;

/// <summary>
/// Picks, for each citation, the sentence of its passage that best matches the answer sentences citing it, so a
/// citation card can show the exact supporting sentence rather than the passage's first words.
/// </summary>
public static class ExcerptPicker
{
    /// <returns>The excerpt and its offsets in the article text.</returns>
    public static (string Text, int Start, int End) Pick(string answerText, int number, Passage passage)
    {
        ArgumentNullException.ThrowIfNull(answerText);
        ArgumentNullException.ThrowIfNull(passage);
        var marker = $"[{number}]";
        var claimTerms = SentenceSplitter.Split(answerText)
            .Select(span => span.Of(answerText))
            .Where(sentence => sentence.Contains(marker, StringComparison.Ordinal))
            .SelectMany(sentence => TermAnalyzer.Analyze(CitationParser.WithoutMarkers(sentence)))
            .ToHashSet(StringComparer.Ordinal);
        var best = SentenceSplitter.Split(passage.Text)
            .Select((span, order) => (Span: span, Order: order, Overlap: TermAnalyzer.Analyze(span.Of(passage.Text)).Distinct().Count(claimTerms.Contains)))
            .OrderByDescending(s => s.Overlap)
            .ThenBy(s => s.Order)
            .FirstOrDefault();
        return best.Span.Length == 0
            ? (passage.Text, passage.Start, passage.End)
            : (best.Span.Of(passage.Text), passage.Start + best.Span.Start, passage.Start + best.Span.End);
    }
}
