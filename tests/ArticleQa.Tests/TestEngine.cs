using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace ArticleQa.Tests;

/// <summary>The real engine wired through <c>AddArticleQa</c>, on the seed articles and the real prompts unless overridden.</summary>
internal static class TestEngine
{
    /// <summary>The engine with <paramref name="model"/> as its chat model (a fake or a recording one).</summary>
    public static ServiceProvider WithModel(Microsoft.SemanticKernel.ChatCompletion.IChatCompletionService model) =>
        Create(configure: s => s.AddSingleton(model));

    public static ServiceProvider Create(IDictionary<string, string?>? settings = null, Action<IServiceCollection>? configure = null)
    {
        var values = new Dictionary<string, string?>
        {
            ["Articles:Path"] = RepositoryPaths.Seeds,
            ["Answering:PromptsPath"] = RepositoryPaths.Prompts,
            ["Index:Path"] = Path.Combine(Path.GetTempPath(), "articleqa-tests", Guid.NewGuid().ToString("N")),
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            values[key] = value;
        }

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(values).Build();
        var collection = new ServiceCollection().AddLogging();
        configure?.Invoke(collection);
        var services = collection.AddArticleQa(configuration).BuildServiceProvider(validateScopes: true);
        ValidateOptions(services);
        return services;
    }

    /// <summary>What ValidateOnStart does in a host: resolve every options class so a bad value throws now.</summary>
    private static void ValidateOptions(ServiceProvider services)
    {
        _ = services.GetRequiredService<IOptions<ArticleQa.Articles.ArticlesOptions>>().Value;
        _ = services.GetRequiredService<IOptions<ArticleQa.Retrieval.RetrievalOptions>>().Value;
        _ = services.GetRequiredService<IOptions<ArticleQa.Answering.AnsweringOptions>>().Value;
        _ = services.GetRequiredService<IOptions<ArticleQa.Answering.LlmOptions>>().Value;
    }
}
