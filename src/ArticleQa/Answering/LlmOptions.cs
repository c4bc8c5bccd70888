using System.ComponentModel.DataAnnotations;

namespace ArticleQa.Answering;

/// <summary>The model that writes answers. Provider-specific keys are checked by <see cref="LlmOptionsValidator"/>.</summary>
public sealed class LlmOptions
{
    public const string SectionName = "Llm";

    public LlmProvider Provider { get; set; } = LlmProvider.Local;

    /// <summary>Model id (OpenAI, OpenAI-compatible), e.g. <c>gpt-4o-mini</c> or <c>llama3.1</c>.</summary>
    public string? Model { get; set; }

    /// <summary>Base URL: the Azure OpenAI resource, or an OpenAI-compatible server's <c>/v1</c> URL.</summary>
    public string? Endpoint { get; set; }

    /// <summary>Azure OpenAI deployment name.</summary>
    public string? Deployment { get; set; }

    /// <summary>API key; from user-secrets or the <c>Llm__ApiKey</c> environment variable, never from a committed file.</summary>
    public string? ApiKey { get; set; }

    /// <summary>Time allowed for one model request attempt.</summary>
    [Range(1, 600)]
    public int TimeoutSeconds { get; set; } = 60;

    /// <summary>Retries after a timeout, 429 or 5xx, with exponential backoff.</summary>
    [Range(0, 10)]
    public int MaxRetries { get; set; } = 3;

    /// <summary>First retry delay; later ones grow exponentially.</summary>
    [Range(0, 60000)]
    public int RetryDelayMilliseconds { get; set; } = 1000;
}
