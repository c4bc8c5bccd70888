namespace ArticleQa.Retrieval;

/// <summary>Which embedding model turns passages and questions into vectors.</summary>
public enum EmbeddingProvider
{
    /// <summary>all-MiniLM-L6-v2 on ONNX Runtime, in process (the default; no key, no network).</summary>
    Local,

    /// <summary>api.openai.com: needs <c>Embedding:Model</c> and <c>Embedding:ApiKey</c>.</summary>
    OpenAI,

    /// <summary>Azure OpenAI: needs <c>Embedding:Endpoint</c>, <c>Embedding:Deployment</c> and <c>Embedding:ApiKey</c>.</summary>
    AzureOpenAI,

    /// <summary>Any OpenAI-compatible server (Ollama, LM Studio, llama.cpp, vLLM): needs <c>Embedding:Endpoint</c> and <c>Embedding:Model</c>.</summary>
    OpenAICompatible,
}
