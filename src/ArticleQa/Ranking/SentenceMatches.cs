using System.Numerics.Tensors;
using ArticleQa.Retrieval;
using ArticleQa.Text;
using Microsoft.Extensions.AI;

namespace ArticleQa.Ranking;

/// <summary>
/// How well each sentence of a question's candidate passages matches the question in MiniLM, for the passage ranker's
/// sentence features (<see cref="PassageSentenceMatch"/>): the cosine of the pooled vectors and the soft token alignment
/// of the contextual word-piece vectors, from the same encoder run. Always the local MiniLM, whatever the index embeds
/// with, because the ranker was trained on its output: the registered generator when it is MiniLM (a question it just
/// embedded is not run again), else one of its own, loaded on first use. MiniLM keeps what it encoded (<see
/// cref="MiniLmEmbeddingGenerator.KeptEncodings"/>), so a passage seen before costs nothing and the Local model reads
/// the top passages' sentences from there; a new passage costs one batched encoder run over its sentences.
/// </summary>
public sealed class SentenceMatches : IDisposable
{
    private readonly MiniLmEmbeddingGenerator? _shared;
    private readonly Lazy<MiniLmEmbeddingGenerator> _own = new(() => new MiniLmEmbeddingGenerator(), LazyThreadSafetyMode.ExecutionAndPublication);

    public SentenceMatches(IEmbeddingGenerator<string, Embedding<float>> embeddings)
    {
        ArgumentNullException.ThrowIfNull(embeddings);
        _shared = embeddings.GetService<MiniLmEmbeddingGenerator>();
    }

    /// <summary>For each passage, in order, how its sentences match <paramref name="query"/>.</summary>
    public async Task<IReadOnlyList<PassageSentenceMatch>> OfAsync(string query, IReadOnlyList<RetrievedPassage> passages, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(passages);
        var sentences = passages.Select(p => SentenceSplitter.Sentences(p.Passage.Text).ToList()).ToList();
        var texts = sentences.SelectMany(s => s).Distinct(StringComparer.Ordinal).ToList();
        var encoded = await MiniLm.EncodeAsync([query, .. texts], cancellationToken).ConfigureAwait(false);
        var question = encoded[0];
        var bySentence = new Dictionary<string, (float[] Vector, TokenVectors Tokens)>(StringComparer.Ordinal);
        for (var i = 0; i < texts.Count; i++)
        {
            bySentence[texts[i]] = encoded[i + 1];
        }

        return sentences.Select(s =>
        {
            var ofPassage = s.Select(sentence => bySentence[sentence]).ToList();
            return new PassageSentenceMatch(
                [.. ofPassage.Select(e => TensorPrimitives.Dot(e.Vector, question.Vector))],
                [.. ofPassage.Select(e => ZeroIfNaN(question.Tokens.RecallBy(e.Tokens)))],
                ZeroIfNaN(question.Tokens.RecallBy([.. ofPassage.Select(e => e.Tokens)])));
        }).ToList();
    }

    /// <summary>Forgets the kept encodings (the benchmark measures questions whose passages are new).</summary>
    public void Clear() => MiniLm.ForgetEncodings();

    public void Dispose()
    {
        if (_own.IsValueCreated)
        {
            _own.Value.Dispose();
        }
    }

    private MiniLmEmbeddingGenerator MiniLm => _shared ?? _own.Value;

    private static float ZeroIfNaN(double value) => double.IsNaN(value) ? 0 : (float)value;
}
