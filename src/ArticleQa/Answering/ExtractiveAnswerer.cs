using System.Collections.Concurrent;
using ArticleQa.Answering.Learning;
using ArticleQa.Text;
using Microsoft.Extensions.AI;

namespace ArticleQa.Answering;

/// <summary>
/// The offline answerer behind the Local model, learned with ML.NET (see <c>train</c> and the model cards): every
/// sentence of the numbered sources gets the features of <see cref="SentenceFeatures"/>, the answer-sentence scorer
/// gives each a calibrated P(it answers the question), and the abstention model decides from the best of them plus
/// question-level features (<see cref="QuestionFeatures"/>) whether to answer with that sentence and its <c>[n]</c>
/// marker or say <see cref="Answer.NotCovered"/>, at the operating point chosen on the dev split.
/// </summary>
internal sealed class ExtractiveAnswerer(IEmbeddingGenerator<string, Embedding<float>> embeddings, LocalModels models)
{
    private readonly ConcurrentDictionary<string, float[]> _vectors = new(StringComparer.Ordinal);

    public async Task<LocalAnswer> AnswerAsync(string question, IReadOnlyList<SourcesBlock.Source> sources, LocalTurn? turn, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(question);
        ArgumentNullException.ThrowIfNull(sources);
        if (string.IsNullOrWhiteSpace(question) || sources.Count == 0 || TextFeatures.ContentTerms(question).Count == 0)
        {
            return new LocalAnswer(Answer.NotCovered, 0);
        }

        var questionVector = turn is { QueryVector.IsEmpty: false } ? turn.QueryVector.ToArray() : await EmbedAsync(question, cancellationToken).ConfigureAwait(false);
        var candidates = await CandidatesAsync(sources, turn, cancellationToken).ConfigureAwait(false);
        if (candidates.Count == 0)
        {
            return new LocalAnswer(Answer.NotCovered, 0);
        }

        var decision = Decide(models, question, questionVector, candidates);
        return new LocalAnswer(
            decision.Answer ? CitationParser.WithMarkers(candidates[decision.Best].Sentence, [candidates[decision.Best].SourceNumber]) : Answer.NotCovered,
            decision.Confidence);
    }

    /// <summary>The best candidate, the abstention model's confidence in it, and whether that reaches the operating point.</summary>
    internal static (int Best, double Confidence, bool Answer) Decide(LocalModels models, string question, float[] questionVector, IReadOnlyList<CandidateSentence> candidates)
    {
        var features = SentenceFeatures.Extract(question, questionVector, candidates);
        var probabilities = models.Scorer.Predict(features);
        var best = 0;
        for (var i = 1; i < probabilities.Length; i++)
        {
            // Ties go to the earlier candidate: higher-ranked source, earlier sentence.
            if (probabilities[i] > probabilities[best])
            {
                best = i;
            }
        }

        var confidence = models.Abstention.Predict([QuestionFeatures.Extract(question, candidates, features, probabilities)])[0];
        return (best, confidence, confidence >= models.OperatingPoint);
    }

    /// <summary>Every sentence of every source with its vector (embedded once, then cached).</summary>
    private async Task<List<CandidateSentence>> CandidatesAsync(IReadOnlyList<SourcesBlock.Source> sources, LocalTurn? turn, CancellationToken cancellationToken)
    {
        var vectors = new Dictionary<string, float[]>(StringComparer.Ordinal);
        var missing = new List<string>();
        foreach (var sentence in sources.SelectMany(s => SentencesOf(s.Text)))
        {
            if (_vectors.TryGetValue(sentence, out var cached))
            {
                vectors[sentence] = cached;
            }
            else if (!vectors.ContainsKey(sentence) && !missing.Contains(sentence, StringComparer.Ordinal))
            {
                missing.Add(sentence);
            }
        }

        if (missing.Count > 0)
        {
            var generated = await embeddings.GenerateAsync(missing, cancellationToken: cancellationToken).ConfigureAwait(false);
            if (_vectors.Count > 50_000)
            {
                _vectors.Clear();
            }

            for (var i = 0; i < missing.Count; i++)
            {
                vectors[missing[i]] = _vectors[missing[i]] = generated[i].Vector.ToArray();
            }
        }

        return Candidates(sources, turn?.SourceScores ?? [], vectors);
    }

    /// <summary>
    /// Every sentence of every source, in source then sentence order, with its vector from <paramref name="vectors"/>
    /// and its source's retrieval score (NaN when not known). Training builds its candidates here too.
    /// </summary>
    internal static List<CandidateSentence> Candidates(IReadOnlyList<SourcesBlock.Source> sources, IReadOnlyList<double> scores, IReadOnlyDictionary<string, float[]> vectors) =>
        sources.SelectMany((source, rank) => SentencesOf(source.Text).Select((sentence, order) => new CandidateSentence(
                source.Number,
                rank,
                order,
                sentence,
                source.Title,
                source.Text,
                vectors[sentence],
                source.Number - 1 < scores.Count ? scores[source.Number - 1] : double.NaN)))
            .ToList();

    /// <summary>The sentences of a source's text (a line break always ends one).</summary>
    internal static IEnumerable<string> SentencesOf(string text) =>
        SentenceSplitter.Split(text).Select(span => span.Of(text)).Where(s => !string.IsNullOrWhiteSpace(s));

    private async Task<float[]> EmbedAsync(string text, CancellationToken cancellationToken) =>
        (await embeddings.GenerateAsync([text], cancellationToken: cancellationToken).ConfigureAwait(false))[0].Vector.ToArray();
}
