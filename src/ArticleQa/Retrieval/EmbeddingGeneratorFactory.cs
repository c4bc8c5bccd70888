using System.ClientModel;
using Azure.AI.OpenAI;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using OpenAI;

namespace ArticleQa.Retrieval;

/// <summary>Creates the embedding generator that <c>Embedding:Provider</c> names.</summary>
internal static class EmbeddingGeneratorFactory
{
    public static IEmbeddingGenerator<string, Embedding<float>> Create(IServiceProvider services)
    {
        var options = services.GetRequiredService<IOptions<EmbeddingOptions>>().Value;
        return options.Provider switch
        {
            EmbeddingProvider.Local => new MiniLmEmbeddingGenerator(options.Local),
            EmbeddingProvider.OpenAI => new OpenAIClient(options.ApiKey!).GetEmbeddingClient(options.Model!).AsIEmbeddingGenerator(),
            EmbeddingProvider.AzureOpenAI => new AzureOpenAIClient(new Uri(options.Endpoint!), new ApiKeyCredential(options.ApiKey!))
                .GetEmbeddingClient(options.Deployment!).AsIEmbeddingGenerator(),
            _ => new OpenAIClient(new ApiKeyCredential(string.IsNullOrEmpty(options.ApiKey) ? "unused" : options.ApiKey), new OpenAIClientOptions { Endpoint = new Uri(options.Endpoint!) })
                .GetEmbeddingClient(options.Model!).AsIEmbeddingGenerator(),
        };
    }
}
