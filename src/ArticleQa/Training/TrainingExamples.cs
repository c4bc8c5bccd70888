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
    private readonly Dictionary<string, float[]> _vectors = new(StringComparer.Ordinal);

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
            var generated = await embeddings.GenerateAsync(chunk, cancellationToken: cancellationToken).ConfigureAwait(false);
            for (var i = 0; i < chunk.Length; i++)
            {
                _vectors[chunk[i]] = generated[i].Vector.ToArray();
            }

            progress?.Report((_vectors.Count, sentences.Count));
        }
    }

    public async Task<TrainingExample> ExtractAsync(string title, EvalQuestion question, ReadOnlyMemory<float> questionVector, CancellationToken cancellationToken)
    {
        var found = await retriever.SearchAsync(question.Question, questionVector, topK, cancellationToken: cancellationToken).ConfigureAwait(false);
        var sources = SourcesBlock.Parse(SourcesBlock.Format(found));
        await EnsureVectorsAsync(sources, cancellationToken).ConfigureAwait(false);
        var candidates = ExtractiveAnswerer.Candidates(sources, found.Select(f => f.Score).ToList(), _vectors);
        var features = SentenceFeatures.Extract(question.Question, questionVector.ToArray(), candidates);
        var matcher = new EvidenceMatcher(question);
        var labels = candidates.Select(c => question.Answerable
            && question.Answers.Any(a => c.Sentence.Contains(a, StringComparison.OrdinalIgnoreCase))
            && matcher.IsHit(c.Passage)).ToArray();
        return new TrainingExample(question.Id, title, question.Answerable, features, labels, QuestionFeatures.Facts(question.Question, candidates));
    }

    private async Task EnsureVectorsAsync(IReadOnlyList<SourcesBlock.Source> sources, CancellationToken cancellationToken)
    {
        var missing = sources.SelectMany(s => ExtractiveAnswerer.SentencesOf(s.Text)).Where(s => !_vectors.ContainsKey(s)).Distinct(StringComparer.Ordinal).ToList();
        if (missing.Count == 0)
        {
            return;
        }

        var generated = await embeddings.GenerateAsync(missing, cancellationToken: cancellationToken).ConfigureAwait(false);
        for (var i = 0; i < missing.Count; i++)
        {
            _vectors[missing[i]] = generated[i].Vector.ToArray();
        }
    }

    private static SourcesBlock.Source SourceOf(PassageIndex index, int i)
    {
        var passage = index.GetPassage(i);
        return SourcesBlock.Parse(SourcesBlock.Format([new RetrievedPassage(passage, index.Articles[passage.ArticleId], 0)]))[0];
    }
}
