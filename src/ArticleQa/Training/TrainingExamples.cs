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
    public async Task<TrainingExample> ExtractAsync(string title, EvalQuestion question, ExtractiveAnswerer.Encoded encoded, CancellationToken cancellationToken, string? ownArticleId = null)
    {
        var questionVector = encoded.Vector;
        var filter = ownArticleId is null ? null : new SearchFilter(new HashSet<string>([ownArticleId], StringComparer.Ordinal));
        var found = await retriever.SearchAsync(question.Question, questionVector, topK, filter, cancellationToken: cancellationToken).ConfigureAwait(false);
        var sources = SourcesBlock.Parse(SourcesBlock.Format(found));
        await EnsureVectorsAsync(sources, cancellationToken).ConfigureAwait(false);
        var candidates = ExtractiveAnswerer.Candidates(sources, found.Select(f => f.Score).ToList(), _vectors);
        var features = SentenceFeatures.Extract(question.Question, questionVector, candidates, encoded.Tokens);
        var matcher = new EvidenceMatcher(question);
        var labels = candidates.Select(c => question.Answerable
            && question.Answers.Any(a => c.Sentence.Contains(a, StringComparison.OrdinalIgnoreCase))
            && matcher.IsHit(c.Passage)).ToArray();
        return new TrainingExample(question.Id, title, question.Answerable, features, labels, QuestionFeatures.Facts(question.Question, candidates, encoded.Tokens), ownArticleId is not null);
    }

    /// <summary>
    /// An answerable question made unanswerable: its open-retrieval sources with every sentence holding a gold answer
    /// taken out, so the passages stay on topic and the answer is not in them (SQuAD 2.0's kind of unanswerable
    /// question). Null when retrieval found no such sentence or the answer is still in what is left.
    /// </summary>
    public async Task<TrainingExample?> ExtractWithoutEvidenceAsync(string title, EvalQuestion question, ExtractiveAnswerer.Encoded encoded, CancellationToken cancellationToken)
    {
        if (!question.Answerable)
        {
            return null;
        }

        var found = await retriever.SearchAsync(question.Question, encoded.Vector, topK, cancellationToken: cancellationToken).ConfigureAwait(false);
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

        await EnsureVectorsAsync(sources, cancellationToken).ConfigureAwait(false);
        var scores = sources.Select(s => found[s.Number - 1].Score).ToList();
        sources = [.. sources.Select((s, i) => s with { Number = i + 1 })];
        var candidates = ExtractiveAnswerer.Candidates(sources, scores, _vectors);
        var features = SentenceFeatures.Extract(question.Question, encoded.Vector, candidates, encoded.Tokens);
        return new TrainingExample(question.Id + TrainingExample.EvidenceRemovedSuffix, title, false, features, new bool[candidates.Count], QuestionFeatures.Facts(question.Question, candidates, encoded.Tokens));
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
