using Microsoft.Extensions.AI;
using Microsoft.Extensions.Options;

namespace ArticleQa.Retrieval;

/// <summary>Hybrid search over the current index: embeds the query, then ranks passages by fused dense + BM25 score.</summary>
public sealed class PassageRetriever(
    ArticleLibrary library,
    IEmbeddingGenerator<string, Embedding<float>> embeddings,
    IOptions<RetrievalOptions> options)
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
        return lease.Index.Search(query, vector.Span, request);
    }
}
