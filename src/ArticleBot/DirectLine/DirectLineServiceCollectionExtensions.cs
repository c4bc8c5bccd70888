using ArticleBot.Channels;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace ArticleBot.DirectLine;

/// <summary>The local web chat's services: the conversation store, the bridge to the bot, the access rules.</summary>
public static class DirectLineServiceCollectionExtensions
{
    public static IServiceCollection AddDirectLine(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<DirectLineStore>();
        services.AddSingleton<DirectLineWaiters>();
        services.TryAddSingleton<IDirectLineStore, MemoryDirectLineStore>();
        services.TryAddSingleton<DirectLineServiceUrl>();
        services.AddSingleton<WebChatAccess>();
        services.AddSingleton<DirectLineBridge>();
        services.AddHostedService(sp => sp.GetRequiredService<DirectLineBridge>());
        services.AddSingleton<IValidateOptions<ChannelsOptions>, WebChatOptionsValidator>();
        return services;
    }
}
