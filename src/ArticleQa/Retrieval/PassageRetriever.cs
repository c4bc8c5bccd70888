using Microsoft.Extensions.AI;
using Microsoft.Extensions.Options;

namespace ArticleQa.Retrieval;

/// <summary>
/// Hybrid search over the current index: embeds the query, ranks passages by fused dense + BM25 score, then (with
/// <c>Retrieval:Rerank</c>) reorders the fused top candidates with the learned passage ranker before cutting to top-k.
/// </summary>
public sealed class PassageRetriever(
    ArticleLibrary library,
    IEmbeddingGenerator<string, Embedding<float>> embeddings,
    IOptions<RetrievalOptions> options,
    IPassageReranker reranker)
{
    private readonly RetrievalOptions _options = options.Value;

    /// <summary>The best passages for <paramref name="query"/>, best first (not cut by <c>Retrieval:MinScore</c>).</summary>
    public async Task<IReadOnlyList<RetrievedPassage>> SearchAsync(
        string query,
        int? topK = null,
        SearchFilter? filter = null,
        RetrievalMode mode = RetrievalMode.Hybrid,
        CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(query);
        var vector = mode == RetrievalMode.Lexical ? ReadOnlyMemory<float>.Empty : await EmbedAsync(query, cancellationToken).ConfigureAwait(false);
        return await SearchAsync(query, vector, topK, filter, mode, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The query's embedding, for callers that need it beside the search (embedded once per turn).</summary>
    public async Task<ReadOnlyMemory<float>> EmbedAsync(string query, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(query);
        return (await embeddings.GenerateAsync([query], cancellationToken: cancellationToken).ConfigureAwait(false))[0].Vector;
    }

    /// <summary>The best passages for <paramref name="query"/> whose embedding is <paramref name="vector"/> (empty for lexical search).</summary>
    public async Task<IReadOnlyList<RetrievedPassage>> SearchAsync(
        string query,
        ReadOnlyMemory<float> vector,
        int? topK = null,
        SearchFilter? filter = null,
        RetrievalMode mode = RetrievalMode.Hybrid,
        CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(query);
        using var lease = await library.LeaseIndexAsync(cancellationToken).ConfigureAwait(false);
        var k = topK ?? _options.TopK;
        var rerank = _options.Rerank && mode == RetrievalMode.Hybrid;
        var request = new SearchRequest(rerank ? Math.Max(k, reranker.Candidates) : k, _options.DenseWeight, _options.LexicalWeight, mode, filter);
        var found = lease.Index.Search(query, vector.Span, request);
        return rerank ? reranker.Rerank(query, found, lease.Index).Take(k).ToList() : found;
    }
}
