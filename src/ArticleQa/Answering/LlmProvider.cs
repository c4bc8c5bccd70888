namespace ArticleQa.Answering;

/// <summary>Which <c>IChatCompletionService</c> writes the answers.</summary>
public enum LlmProvider
{
    /// <summary>Offline, deterministic extractive answerer (the default; no key, no network).</summary>
    Local,

    /// <summary>api.openai.com: needs <c>Llm:Model</c> and <c>Llm:ApiKey</c>.</summary>
    OpenAI,

    /// <summary>Azure OpenAI: needs <c>Llm:Endpoint</c>, <c>Llm:Deployment</c> and <c>Llm:ApiKey</c>.</summary>
    AzureOpenAI,

    /// <summary>Any OpenAI-compatible server (Ollama, LM Studio, llama.cpp, vLLM): needs <c>Llm:Endpoint</c> and <c>Llm:Model</c>.</summary>
    OpenAICompatible,
}
