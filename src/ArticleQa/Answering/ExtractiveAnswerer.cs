using ArticleQa.Articles;
using ArticleQa.Retrieval;

namespace ArticleQa.Answering;

/// <summary>
/// The offline answerer behind the Local model: scores every sentence of the numbered sources by how much of the
/// question's (IDF-weighted) content it covers, answers with the best sentence(s) in source order, each followed by
/// its <c>[n]</c> marker, and says <see cref="Answer.NotCovered"/> when no sentence covers enough of the question.
/// </summary>
public static class ExtractiveAnswerer
{
    private static readonly HashSet<string> QuestionWords = new(StringComparer.Ordinal)
    {
        // Stemmed question and auxiliary words: they say what is asked, not what the answer contains.
        "who", "what", "when", "where", "which", "why", "how", "whom", "whose", "did", "do", "doe", "ha", "have", "had",
        "mani", "much", "can", "could", "would", "should", "shall", "mai", "might", "must",
        "he", "she", "him", "her", "hi", "them", "we", "you", "i", "me", "us", "our", "your",
    };

    /// <summary>Share of the question's weighted terms a sentence must cover to be an answer.</summary>
    public const double MinCoverage = 0.5;

    public static string Answer(string question, IReadOnlyList<SourcesBlock.Source> sources)
    {
        ArgumentNullException.ThrowIfNull(sources);
        var questionTerms = TermAnalyzer.Analyze(question).Where(t => !QuestionWords.Contains(t)).ToHashSet(StringComparer.Ordinal);
        var candidates = sources
            .SelectMany((source, rank) => SentencesOf(source).Select((sentence, order) => new Candidate(source.Number, rank, order, sentence)))
            .ToList();
        if (questionTerms.Count == 0 || candidates.Count == 0)
        {
            return ArticleQa.Answering.Answer.NotCovered;
        }

        var idf = InverseDocumentFrequency(questionTerms, candidates);
        var total = questionTerms.Sum(t => idf[t]);
        var best = candidates
            .Select(c => (Candidate: c, Coverage: c.Terms.Where(questionTerms.Contains).Sum(t => idf[t]) / total))
            .OrderByDescending(s => s.Coverage)
            .ThenBy(s => s.Candidate.Rank)
            .ThenBy(s => s.Candidate.Order)
            .First();
        return best.Coverage < MinCoverage
            ? ArticleQa.Answering.Answer.NotCovered
            : WithMarker(best.Candidate.Sentence, best.Candidate.Number);
    }

    private static IEnumerable<string> SentencesOf(SourcesBlock.Source source) =>
        SentenceSplitter.Split(source.Text).Select(span => span.Of(source.Text));

    private static Dictionary<string, double> InverseDocumentFrequency(HashSet<string> terms, List<Candidate> candidates) =>
        terms.ToDictionary(
            t => t,
            t => Math.Log(1 + ((double)candidates.Count / (1 + candidates.Count(c => c.Terms.Contains(t))))),
            StringComparer.Ordinal);

    internal static string WithMarker(string sentence, int number) => CitationParser.WithMarkers(sentence, [number]);

    private sealed record Candidate(int Number, int Rank, int Order, string Sentence)
    {
        public HashSet<string> Terms { get; } = TermAnalyzer.Analyze(Sentence).ToHashSet(StringComparer.Ordinal);
    }
}
