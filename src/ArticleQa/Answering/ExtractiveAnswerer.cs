using System.Collections.Concurrent;
using System.Numerics.Tensors;
using System.Text.RegularExpressions;
using ArticleQa.Articles;
using ArticleQa.Retrieval;
using ArticleQa.Text;
using Microsoft.Extensions.AI;

namespace ArticleQa.Answering;

/// <summary>
/// The offline answerer behind the Local model. Every sentence of the numbered sources is scored by how much of the
/// question's IDF-weighted content it covers, by its embedding similarity to the question (the same model as
/// retrieval), and by whether it holds the kind of thing asked for (a name for who/where, a date for when, a number
/// for how many). The best sentence is the answer, with its <c>[n]</c> marker. It says <see cref="Answer.NotCovered"/>
/// when the best score is under the calibrated floor, or when the question names someone or something no source mentions.
/// </summary>
public sealed partial class ExtractiveAnswerer(IEmbeddingGenerator<string, Embedding<float>> embeddings, double minScore = ExtractiveAnswerer.DefaultMinScore)
{
    /// <summary>Calibrated on the in-repo SQuAD subset and the seed article's unanswerable questions (see README).</summary>
    public const double DefaultMinScore = 0.36;

    private const double CoverageWeight = 0.6;
    private const double SimilarityWeight = 0.4;
    private const double AnswerTypeBonus = 0.1;

    private static readonly HashSet<string> QuestionWords = new(StringComparer.Ordinal)
    {
        // Stemmed question and auxiliary words: they say what is asked, not what the answer contains.
        "who", "what", "when", "where", "which", "why", "how", "whom", "whose", "did", "do", "doe", "ha", "have", "had",
        "mani", "much", "can", "could", "would", "should", "shall", "mai", "might", "must",
        "he", "she", "him", "her", "hi", "them", "we", "you", "i", "me", "us", "our", "your",
    };

    private readonly ConcurrentDictionary<string, float[]> _vectors = new(StringComparer.Ordinal);

    public async Task<string> AnswerAsync(string question, IReadOnlyList<SourcesBlock.Source> sources, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(question);
        ArgumentNullException.ThrowIfNull(sources);
        var questionTerms = TermAnalyzer.Analyze(question).Where(t => !QuestionWords.Contains(t)).ToHashSet(StringComparer.Ordinal);
        var candidates = sources
            .SelectMany((source, rank) => SentencesOf(source).Select((sentence, order) => new Candidate(source.Number, rank, order, sentence)))
            .ToList();
        if (questionTerms.Count == 0 || candidates.Count == 0 || NamesSomethingUnknown(question, sources))
        {
            return Answer.NotCovered;
        }

        var similarities = await SimilaritiesAsync(question, candidates, cancellationToken).ConfigureAwait(false);
        var idf = InverseDocumentFrequency(questionTerms, candidates);
        var total = questionTerms.Sum(t => idf[t]);
        var expected = AnswerTypes.Expected(question);
        var best = candidates
            .Select((c, i) => (Candidate: c, Score: Score(c, questionTerms, idf, total, similarities[i], expected, question)))
            .OrderByDescending(s => s.Score)
            .ThenBy(s => s.Candidate.Rank)
            .ThenBy(s => s.Candidate.Order)
            .First();
        return best.Score < minScore ? Answer.NotCovered : CitationParser.WithMarkers(best.Candidate.Sentence, [best.Candidate.Number]);
    }

    private static double Score(Candidate c, HashSet<string> questionTerms, Dictionary<string, double> idf, double total, double similarity, AnswerType expected, string question)
    {
        var coverage = c.Terms.Where(questionTerms.Contains).Sum(t => idf[t]) / total;
        var bonus = AnswerTypes.Holds(expected, c.Sentence, question) ? AnswerTypeBonus : 0;
        return (CoverageWeight * coverage) + (SimilarityWeight * Math.Max(0, similarity)) + bonus;
    }

    /// <summary>A question about a name that appears in none of the sources is one the articles don't cover.</summary>
    internal static bool NamesSomethingUnknown(string question, IReadOnlyList<SourcesBlock.Source> sources)
    {
        var text = string.Join("\n", sources.Select(s => s.Title + "\n" + s.Text));
        var known = TermAnalyzer.Analyze(text).ToHashSet(StringComparer.Ordinal);
        return NamedEntities.Find(question)
            .Where(name => !text.Contains(name, StringComparison.OrdinalIgnoreCase))
            .Select(TermAnalyzer.Analyze)
            .Any(terms => terms.Count > 0 && !terms.Any(known.Contains));
    }

    private async Task<float[]> SimilaritiesAsync(string question, List<Candidate> candidates, CancellationToken cancellationToken)
    {
        var texts = candidates.Select(c => c.Sentence).Where(t => !_vectors.ContainsKey(t)).Distinct(StringComparer.Ordinal).Prepend(question).ToList();
        var generated = await embeddings.GenerateAsync(texts, cancellationToken: cancellationToken).ConfigureAwait(false);
        if (_vectors.Count > 50_000)
        {
            _vectors.Clear();
        }

        for (var i = 1; i < texts.Count; i++)
        {
            _vectors[texts[i]] = generated[i].Vector.ToArray();
        }

        var q = generated[0].Vector.ToArray();
        return candidates.Select(c => TensorPrimitives.CosineSimilarity(q, _vectors.TryGetValue(c.Sentence, out var v) ? v : new float[q.Length])).ToArray();
    }

    private static IEnumerable<string> SentencesOf(SourcesBlock.Source source) =>
        SentenceSplitter.Split(source.Text).Select(span => span.Of(source.Text));

    private static Dictionary<string, double> InverseDocumentFrequency(HashSet<string> terms, List<Candidate> candidates) =>
        terms.ToDictionary(
            t => t,
            t => Math.Log(1 + ((double)candidates.Count / (1 + candidates.Count(c => c.Terms.Contains(t))))),
            StringComparer.Ordinal);

    private sealed record Candidate(int Number, int Rank, int Order, string Sentence)
    {
        public HashSet<string> Terms { get; } = TermAnalyzer.Analyze(Sentence).ToHashSet(StringComparer.Ordinal);
    }
}
