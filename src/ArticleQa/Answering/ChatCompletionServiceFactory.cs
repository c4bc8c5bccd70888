using ArticleQa.Answering.Learning;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.SemanticKernel.ChatCompletion;
using Microsoft.SemanticKernel.Connectors.AzureOpenAI;
using Microsoft.SemanticKernel.Connectors.OpenAI;

namespace ArticleQa.Answering;

/// <summary>Creates the <see cref="IChatCompletionService"/> that <c>Llm:Provider</c> names.</summary>
internal static class ChatCompletionServiceFactory
{
    /// <summary>The named HttpClient (with timeout and retry handlers) used by the remote connectors.</summary>
    public const string HttpClientName = "ArticleQa.Llm";

    public static IChatCompletionService Create(IServiceProvider services)
    {
        var options = services.GetRequiredService<IOptions<LlmOptions>>().Value;
        if (options.Provider == LlmProvider.Local)
        {
            var models = services.GetRequiredService<LocalModelStore>().Get(services.GetRequiredService<IOptions<AnsweringOptions>>().Value);
            return new LocalChatCompletionService(new ExtractiveAnswerer(services.GetRequiredService<Microsoft.Extensions.AI.IEmbeddingGenerator<string, Microsoft.Extensions.AI.Embedding<float>>>(), models));
        }

        var http = services.GetRequiredService<IHttpClientFactory>().CreateClient(HttpClientName);
        var loggers = services.GetRequiredService<ILoggerFactory>();
        return options.Provider switch
        {
            LlmProvider.OpenAI => new OpenAIChatCompletionService(options.Model!, options.ApiKey!, httpClient: http, loggerFactory: loggers),
            LlmProvider.AzureOpenAI => new AzureOpenAIChatCompletionService(options.Deployment!, options.Endpoint!, options.ApiKey!, options.Model, http, loggers),
            // Local servers usually need no key, but the OpenAI client insists on one. The custom-endpoint
            // constructor is marked experimental (SKEXP0010) but is the documented way to reach compatible servers.
#pragma warning disable SKEXP0010
            _ => new OpenAIChatCompletionService(options.Model!, new Uri(options.Endpoint!), string.IsNullOrEmpty(options.ApiKey) ? "unused" : options.ApiKey, httpClient: http, loggerFactory: loggers),
#pragma warning restore SKEXP0010
        };
    }
}
