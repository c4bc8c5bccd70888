using ArticleBot.Channels;
using Microsoft.Bot.Builder;
using Microsoft.Extensions.Options;
using Microsoft.Bot.Builder.Integration.AspNet.Core;
using Microsoft.Bot.Connector.Authentication;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace ArticleBot.Bot;

/// <summary>Bot Framework registrations: authentication from the top-level MicrosoftApp* keys, the adapter, the bot.</summary>
public static class BotServiceCollectionExtensions
{
    public static IServiceCollection AddArticleBot(this IServiceCollection services)
    {
        // Authentication is off when MicrosoftAppId is empty (Emulator, local web chat) and on when it is set.
        services.AddSingleton<BotFrameworkAuthentication>(sp => new ConfigurationBotFrameworkAuthentication(
            sp.GetRequiredService<IConfiguration>(),
            httpClientFactory: sp.GetRequiredService<IHttpClientFactory>(),
            logger: sp.GetRequiredService<ILogger<ConfigurationBotFrameworkAuthentication>>()));

        // CloudAdapter's constructors are ambiguous to the container: construct it explicitly.
        services.AddSingleton(sp => new BotAdapter(
            sp.GetRequiredService<BotFrameworkAuthentication>(),
            sp.GetRequiredService<ILogger<BotAdapter>>()));
        services.AddSingleton<IBotFrameworkHttpAdapter>(sp => sp.GetRequiredService<BotAdapter>());
        services.AddOptions<ChannelsOptions>().BindConfiguration(ChannelsOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<IStorage>(sp => sp.GetRequiredService<IOptions<ChannelsOptions>>().Value.StoragePath is { Length: > 0 } path
            ? new FileStorage(ArticleQa.PathResolver.ResolveForWrite(path))
            : new MemoryStorage());
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<ConversationState>();
        services.AddSingleton<FeedbackStore>();
        services.AddSingleton<BotCommands>();
        services.AddTransient<IBot, QaBot>();
        return services;
    }
}
