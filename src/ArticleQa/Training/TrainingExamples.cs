using ArticleQa.Answering;
using ArticleQa.Answering.Learning;
using ArticleQa.Evaluation;
using ArticleQa.Retrieval;
using Microsoft.Extensions.AI;

namespace ArticleQa.Training;

/// <summary>
/// Turns questions into <see cref="TrainingExample"/>s through the Local model's own path: retrieve the top passages
/// for the question over all training articles, format and parse them as the prompt's numbered sources, split them
/// into candidate sentences and extract <see cref="SentenceFeatures"/>. The question is embedded once, as in a turn.
/// </summary>
internal sealed class TrainingExamples(PassageRetriever retriever, IEmbeddingGenerator<string, Embedding<float>> embeddings, int topK)
{
    private readonly Dictionary<string, ExtractiveAnswerer.Encoded> _vectors = new(StringComparer.Ordinal);

    /// <summary>Embeds every sentence of every indexed passage up front, in large batches.</summary>
    public async Task EmbedSentencesAsync(PassageIndex index, IProgress<(int Done, int Total)>? progress, CancellationToken cancellationToken)
    {
        var sentences = Enumerable.Range(0, index.PassageCount)
            .SelectMany(i => ExtractiveAnswerer.SentencesOf(SourceOf(index, i).Text))
            .Distinct(StringComparer.Ordinal)
            .Where(s => !_vectors.ContainsKey(s))
            .ToList();
        foreach (var chunk in sentences.Chunk(512))
        {
            await AddAsync(chunk, cancellationToken).ConfigureAwait(false);
            progress?.Report((_vectors.Count, sentences.Count));
        }
    }

    /// <summary>Questions' vectors and word-pieces, as a turn has them (<see cref="MiniLmEmbeddingGenerator.EncodeAsync"/>).</summary>
    public async Task<IReadOnlyList<ExtractiveAnswerer.Encoded>> EncodeQuestionsAsync(IReadOnlyList<string> questions, CancellationToken cancellationToken) =>
        await ExtractiveAnswerer.EncodeAsync(embeddings, questions, cancellationToken).ConfigureAwait(false);

    /// <summary>The question's example under open retrieval, or over <paramref name="ownArticleId"/> alone when given.</summary>
    public async Task<TrainingExample> ExtractAsync(string title, EvalQuestion question, ExtractiveAnswerer.Encoded encoded, CancellationToken cancellationToken, string? ownArticleId = null) =>
        await ExtractAsync(title, question, encoded, await SearchAsync(question, encoded, ownArticleId, cancellationToken).ConfigureAwait(false), cancellationToken, ownArticleId is not null).ConfigureAwait(false);

    /// <summary>The passages a turn would retrieve for the question: open retrieval, or over <paramref name="ownArticleId"/> alone.</summary>
    public async Task<IReadOnlyList<RetrievedPassage>> SearchAsync(EvalQuestion question, ExtractiveAnswerer.Encoded encoded, string? ownArticleId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(question);
        ArgumentNullException.ThrowIfNull(encoded);
        var filter = ownArticleId is null ? null : new SearchFilter(new HashSet<string>([ownArticleId], StringComparer.Ordinal));
        return await retriever.SearchAsync(question.Question, encoded.Vector, topK, filter, cancellationToken: cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The question's example from the passages <see cref="SearchAsync"/> found for it.</summary>
    public async Task<TrainingExample> ExtractAsync(string title, EvalQuestion question, ExtractiveAnswerer.Encoded encoded, IReadOnlyList<RetrievedPassage> found, CancellationToken cancellationToken, bool ownArticle = false)
    {
        ArgumentNullException.ThrowIfNull(question);
        ArgumentNullException.ThrowIfNull(found);
        var matcher = new EvidenceMatcher(question);
        return await ExampleAsync(
            question.Id, title, question, encoded, SourcesBlock.Parse(SourcesBlock.Format(found)), [.. found.Select(f => f.Score)],
            c => question.Answerable && question.Answers.Any(a => c.Sentence.Contains(a, StringComparison.OrdinalIgnoreCase)) && matcher.IsHit(c.Passage),
            ownArticle,
            cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// An answerable question made unanswerable: the passages found for it (open retrieval) with every sentence holding
    /// a gold answer taken out, so they stay on topic and the answer is not in them (SQuAD 2.0's kind of unanswerable
    /// question). Null when the passages hold no such sentence or the answer is still in what is left.
    /// </summary>
    public async Task<TrainingExample?> ExtractWithoutEvidenceAsync(string title, EvalQuestion question, ExtractiveAnswerer.Encoded encoded, IReadOnlyList<RetrievedPassage> found, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(question);
        ArgumentNullException.ThrowIfNull(found);
        if (!question.Answerable)
        {
            return null;
        }

        bool Holds(string text) => question.Answers.Any(a => text.Contains(a, StringComparison.OrdinalIgnoreCase));
        var removed = 0;
        var sources = SourcesBlock.Parse(SourcesBlock.Format(found)).Select(source =>
        {
            var sentences = ExtractiveAnswerer.SentencesOf(source.Text).ToList();
            var kept = sentences.Where(s => !Holds(s)).ToList();
            removed += sentences.Count - kept.Count;
            return source with { Text = string.Join(" ", kept) };
        }).Where(s => !string.IsNullOrWhiteSpace(s.Text)).ToList();
        if (removed == 0 || sources.Count == 0 || sources.Any(s => Holds(s.Title + "\n" + s.Text)))
        {
            return null;
        }

        var scores = sources.Select(s => found[s.Number - 1].Score).ToList();
        return await ExampleAsync(
            question.Id + TrainingExample.EvidenceRemovedSuffix, title, question with { Answerable = false }, encoded,
            [.. sources.Select((s, i) => s with { Number = i + 1 })], scores, _ => false, ownArticle: false, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The candidates of <paramref name="sources"/> (numbered from 1, <paramref name="scores"/> in that order), their features, labels and the question's facts.</summary>
    private async Task<TrainingExample> ExampleAsync(
        string id, string title, EvalQuestion question, ExtractiveAnswerer.Encoded encoded, IReadOnlyList<SourcesBlock.Source> sources, IReadOnlyList<double> scores,
        Func<CandidateSentence, bool> answers, bool ownArticle, CancellationToken cancellationToken)
    {
        await EnsureVectorsAsync(sources, cancellationToken).ConfigureAwait(false);
        var candidates = ExtractiveAnswerer.Candidates(sources, scores, _vectors);
        var features = SentenceFeatures.Extract(question.Question, encoded.Vector, candidates, encoded.Tokens);
        return new TrainingExample(id, title, question.Answerable, features, [.. candidates.Select(answers)], QuestionFeatures.Facts(question.Question, candidates, encoded.Tokens), ownArticle);
    }

    private async Task EnsureVectorsAsync(IReadOnlyList<SourcesBlock.Source> sources, CancellationToken cancellationToken)
    {
        var missing = sources.SelectMany(s => ExtractiveAnswerer.SentencesOf(s.Text)).Where(s => !_vectors.ContainsKey(s)).Distinct(StringComparer.Ordinal).ToList();
        if (missing.Count == 0)
        {
            return;
        }

        await AddAsync(missing, cancellationToken).ConfigureAwait(false);
    }

    private async Task AddAsync(IReadOnlyList<string> sentences, CancellationToken cancellationToken)
    {
        var encoded = await ExtractiveAnswerer.EncodeAsync(embeddings, sentences, cancellationToken).ConfigureAwait(false);
        for (var i = 0; i < sentences.Count; i++)
        {
            _vectors[sentences[i]] = encoded[i];
        }
    }

    private static SourcesBlock.Source SourceOf(PassageIndex index, int i)
    {
        var passage = index.GetPassage(i);
        return SourcesBlock.Parse(SourcesBlock.Format([new RetrievedPassage(passage, index.Articles[passage.ArticleId], 0)]))[0];
    }
}
