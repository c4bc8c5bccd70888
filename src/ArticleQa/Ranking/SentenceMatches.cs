using System.Collections.Concurrent;
using System.Numerics.Tensors;
using ArticleQa.Retrieval;
using ArticleQa.Text;
using Microsoft.Extensions.AI;

namespace ArticleQa.Ranking;

/// <summary>
/// The MiniLM cosine of a question with every sentence of its candidate passages, for the passage ranker's sentence
/// features. Always the local MiniLM, whatever the index embeds with, because the ranker was trained on its cosines:
/// the registered generator when it is MiniLM (the question's vector is then the one retrieval made), else one of its
/// own, loaded on first use. Sentence vectors are kept (up to <see cref="CachedSentences"/>), so a passage seen before
/// costs nothing; a new one costs one batched encoder run over its sentences.
/// </summary>
public sealed class SentenceCosines : IDisposable
{
    /// <summary>Sentences whose vectors are kept (1.5 KB each).</summary>
    public const int CachedSentences = 20_000;

    private readonly MiniLmEmbeddingGenerator? _shared;
    private readonly Lazy<MiniLmEmbeddingGenerator> _own = new(() => new MiniLmEmbeddingGenerator(), LazyThreadSafetyMode.ExecutionAndPublication);
    private readonly ConcurrentDictionary<string, float[]> _vectors = new(StringComparer.Ordinal);

    public SentenceCosines(IEmbeddingGenerator<string, Embedding<float>> embeddings)
    {
        ArgumentNullException.ThrowIfNull(embeddings);
        _shared = embeddings.GetService<MiniLmEmbeddingGenerator>();
    }

    /// <summary>
    /// For each passage, the cosines of <paramref name="query"/> with its sentences, in sentence order (one 0 for a
    /// passage without a sentence). <paramref name="queryVector"/> is the query's vector from the registered generator
    /// (used when that is MiniLM; empty or another model's, the query is embedded here).
    /// </summary>
    public async Task<IReadOnlyList<float[]>> OfAsync(string query, ReadOnlyMemory<float> queryVector, IReadOnlyList<RetrievedPassage> passages, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(passages);
        var miniLm = _shared ?? _own.Value;
        var question = _shared is not null && queryVector.Length == MiniLmResources.Dimensions ? queryVector.ToArray() : miniLm.Embed(query);
        var sentences = passages.Select(p => Sentences(p.Passage.Text)).ToList();
        var vectors = new Dictionary<string, float[]>(StringComparer.Ordinal);
        var missing = new List<string>();
        foreach (var sentence in sentences.SelectMany(s => s))
        {
            if (vectors.ContainsKey(sentence))
            {
                continue;
            }

            if (_vectors.TryGetValue(sentence, out var known))
            {
                vectors[sentence] = known;
            }
            else if (!missing.Contains(sentence, StringComparer.Ordinal))
            {
                missing.Add(sentence);
            }
        }

        if (missing.Count > 0)
        {
            var generated = await miniLm.GenerateAsync(missing, cancellationToken: cancellationToken).ConfigureAwait(false);
            if (_vectors.Count + missing.Count > CachedSentences)
            {
                _vectors.Clear();
            }

            for (var i = 0; i < missing.Count; i++)
            {
                vectors[missing[i]] = _vectors[missing[i]] = generated[i].Vector.ToArray();
            }
        }

        return sentences
            .Select(s => s.Count == 0 ? [0f] : s.Select(sentence => TensorPrimitives.Dot(vectors[sentence], question)).ToArray())
            .ToList();
    }

    /// <summary>Forgets the kept sentence vectors (the benchmark measures questions whose passages are new).</summary>
    public void Clear() => _vectors.Clear();

    public void Dispose()
    {
        if (_own.IsValueCreated)
        {
            _own.Value.Dispose();
        }
    }

    private static List<string> Sentences(string text) =>
        SentenceSplitter.Split(text).Select(s => s.Of(text)).Where(s => !string.IsNullOrWhiteSpace(s)).ToList();
}
