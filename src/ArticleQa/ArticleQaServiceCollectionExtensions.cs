using ArticleQa.Answering;
using ArticleQa.Answering.Learning;
using ArticleQa.Articles;
using ArticleQa.Ranking;
using ArticleQa.Retrieval;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;
using Microsoft.SemanticKernel;
using Polly;

namespace ArticleQa;

/// <summary>The engine's one DI entry point.</summary>
public static class ArticleQaServiceCollectionExtensions
{
    public static IServiceCollection AddArticleQa(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddValidatedOptions<ArticlesOptions>(configuration, ArticlesOptions.SectionName);
        services.AddValidatedOptions<RetrievalOptions>(configuration, RetrievalOptions.SectionName);
        services.AddSingleton<SentenceMatches>();
        services.AddSingleton<PassageRankerStore>();
        // The trainer (and tests) may register a ranker they just fitted first.
        services.TryAddSingleton<IPassageReranker>(sp => sp.GetRequiredService<PassageRankerStore>());
        services.AddSingleton<IValidateOptions<RetrievalOptions>, PassageRankerValidator>();
        services.AddValidatedOptions<IndexOptions>(configuration, IndexOptions.SectionName);
        services.AddValidatedOptions<EmbeddingOptions>(configuration, EmbeddingOptions.SectionName);
        services.AddSingleton<IValidateOptions<EmbeddingOptions>, EmbeddingOptionsValidator>();
        services.AddValidatedOptions<AnsweringOptions>(configuration, AnsweringOptions.SectionName);
        services.AddSingleton<LocalModelStore>();
        services.AddSingleton<IValidateOptions<AnsweringOptions>, LocalModelsValidator>();
        services.AddValidatedOptions<LlmOptions>(configuration, LlmOptions.SectionName);
        services.AddSingleton<IValidateOptions<LlmOptions>, LlmOptionsValidator>();

        // Tests and hosts may register their own generator first.
        services.TryAddSingleton(EmbeddingGeneratorFactory.Create);
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<ArticleLoader>();
        services.AddSingleton<PassageSplitter>();
        services.AddSingleton<ArticleLibrary>();
        services.AddSingleton<ArticleFolderWatcher>();
        services.AddSingleton<PassageRetriever>();
        services.AddSingleton<PromptLibrary>();
        services.AddSingleton<QueryCondenser>();
        services.AddSingleton<CitationVerifier>();
        services.AddSingleton<AnswerGenerator>();
        services.AddSingleton<FollowUpGenerator>();

        services.AddResilientHttpClient(ChatCompletionServiceFactory.HttpClientName);
        services.AddResilientHttpClient(EmbeddingGeneratorFactory.HttpClientName);
        services.TryAddSingleton(ChatCompletionServiceFactory.Create);
        services.AddTransient(sp => new Kernel(sp));
        return services;
    }

    private static void AddValidatedOptions<TOptions>(this IServiceCollection services, IConfiguration configuration, string section)
        where TOptions : class =>
        services.AddOptions<TOptions>().Bind(configuration.GetSection(section)).ValidateDataAnnotations().ValidateOnStart();

    /// <summary>
    /// An HttpClient of the remote models (chat and embeddings alike): each attempt is bounded by
    /// <c>Llm:TimeoutSeconds</c>; timeouts, 429 and 5xx are retried up to <c>Llm:MaxRetries</c> times with exponential
    /// backoff (honouring Retry-After). Delays and timeouts run on the registered <see cref="TimeProvider"/>.
    /// </summary>
    private static void AddResilientHttpClient(this IServiceCollection services, string name)
    {
        services.AddHttpClient(name)
            .ConfigureHttpClient(http => http.Timeout = Timeout.InfiniteTimeSpan)
            .AddResilienceHandler("model", (pipeline, context) =>
            {
                var llm = context.ServiceProvider.GetRequiredService<IOptions<LlmOptions>>().Value;
                if (llm.MaxRetries > 0)
                {
                    pipeline.AddRetry(new HttpRetryStrategyOptions
                    {
                        MaxRetryAttempts = llm.MaxRetries,
                        BackoffType = DelayBackoffType.Exponential,
                        UseJitter = true,
                        Delay = TimeSpan.FromMilliseconds(llm.RetryDelayMilliseconds),
                        ShouldRetryAfterHeader = true,
                    });
                }

                pipeline.AddTimeout(TimeSpan.FromSeconds(llm.TimeoutSeconds));
            });
    }
}
