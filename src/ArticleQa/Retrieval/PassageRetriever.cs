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
        var request = new SearchRequest(topK ?? _options.TopK, _options.DenseWeight, _options.LexicalWeight, mode, filter);
        return await SearchAsync(lease.Index, query, vector, request, _options.Rerank ? reranker : null, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// One search as the retriever runs it: a hybrid search with a <paramref name="reranker"/> fuses its
    /// <see cref="IPassageReranker.Candidates"/> best, reranks them and keeps the first top-k; otherwise plain search.
    /// </summary>
    internal static async Task<IReadOnlyList<RetrievedPassage>> SearchAsync(PassageIndex index, string query, ReadOnlyMemory<float> vector, SearchRequest request, IPassageReranker? reranker, CancellationToken cancellationToken)
    {
        if (reranker is null || request.Mode != RetrievalMode.Hybrid)
        {
            return index.Search(query, vector.Span, request);
        }

        var found = index.Search(query, vector.Span, request with { TopK = Math.Max(request.TopK, reranker.Candidates) });
        return [.. (await reranker.RerankAsync(query, found, index, cancellationToken).ConfigureAwait(false)).Take(request.TopK)];
    }
}
