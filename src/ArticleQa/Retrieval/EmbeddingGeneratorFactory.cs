using System.ClientModel;
using System.ClientModel.Primitives;
using Azure.AI.OpenAI;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using OpenAI;

namespace ArticleQa.Retrieval;

/// <summary>
/// Creates the embedding generator that <c>Embedding:Provider</c> names. The remote ones send through the named
/// HttpClient <see cref="HttpClientName"/>, which has the same timeout and retry pipeline as the chat connectors; the
/// SDK's own retries are off and its network timeout left to that pipeline, so each is applied once.
/// </summary>
internal static class EmbeddingGeneratorFactory
{
    public const string HttpClientName = "ArticleQa.Embedding";

    public static IEmbeddingGenerator<string, Embedding<float>> Create(IServiceProvider services)
    {
        var options = services.GetRequiredService<IOptions<EmbeddingOptions>>().Value;
        if (options.Provider == EmbeddingProvider.Local)
        {
            return new MiniLmEmbeddingGenerator(options.Local);
        }

        var http = services.GetRequiredService<IHttpClientFactory>().CreateClient(HttpClientName);
        return options.Provider switch
        {
            EmbeddingProvider.OpenAI => new OpenAIClient(new ApiKeyCredential(options.ApiKey!), Pipeline(new OpenAIClientOptions(), http))
                .GetEmbeddingClient(options.Model!).AsIEmbeddingGenerator(),
            EmbeddingProvider.AzureOpenAI => new AzureOpenAIClient(new Uri(options.Endpoint!), new ApiKeyCredential(options.ApiKey!), Pipeline(new AzureOpenAIClientOptions(), http))
                .GetEmbeddingClient(options.Deployment!).AsIEmbeddingGenerator(),
            _ => new OpenAIClient(
                    new ApiKeyCredential(string.IsNullOrEmpty(options.ApiKey) ? "unused" : options.ApiKey),
                    Pipeline(new OpenAIClientOptions { Endpoint = new Uri(options.Endpoint!) }, http))
                .GetEmbeddingClient(options.Model!).AsIEmbeddingGenerator(),
        };
    }

    private static T Pipeline<T>(T options, HttpClient http)
        where T : ClientPipelineOptions
    {
        options.Transport = new HttpClientPipelineTransport(http);
        options.RetryPolicy = new ClientRetryPolicy(maxRetries: 0);
        options.NetworkTimeout = Timeout.InfiniteTimeSpan;
        return options;
    }
}
