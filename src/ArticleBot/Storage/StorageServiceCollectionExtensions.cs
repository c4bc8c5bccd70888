using ArticleBot.Bot;
using ArticleBot.Channels;
using ArticleBot.DirectLine;
using ArticleBot.Storage.Postgres;
using Microsoft.Bot.Builder;
using Microsoft.Extensions.Options;

namespace ArticleBot.Storage;

/// <summary>
/// Storage:Provider decides where conversation state, feedback and Direct Line conversations live, and whether the
/// index is shared: Memory (default) and File keep them in this process and its folders; PostgreSQL shares all of
/// them, so several instances behind a load balancer serve any turn.
/// </summary>
public static class StorageServiceCollectionExtensions
{
    /// <summary>Registers the store; call before the bot, Direct Line and the start-up check, whose registrations it decides.</summary>
    public static IServiceCollection AddStorage(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<StorageOptions>().BindConfiguration(StorageOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<IValidateOptions<StorageOptions>, StorageOptionsValidator>();
        services.AddSingleton<IndexRole>();
        var provider = configuration.GetSection(StorageOptions.SectionName).Get<StorageOptions>()?.Provider ?? StorageProvider.Memory;
        return provider == StorageProvider.PostgreSQL ? services.AddPostgres() : services.AddLocal(provider);
    }

    private static IServiceCollection AddLocal(this IServiceCollection services, StorageProvider provider)
    {
        // Channels:StoragePath set with Memory keeps today's meaning: conversation state in that folder.
        services.AddSingleton(sp => sp.GetRequiredService<IOptions<ChannelsOptions>>().Value.StoragePath is { Length: > 0 } path || provider == StorageProvider.File
            ? new LocalFolder(ArticleQa.PathResolver.ResolveForWrite(sp.GetRequiredService<IOptions<ChannelsOptions>>().Value.StoragePath is { Length: > 0 } p ? p : ".data/state"))
            : new LocalFolder(null));
        services.AddSingleton<IStorage>(sp => sp.GetRequiredService<LocalFolder>().Path is { } folder ? new FileStorage(folder) : new MemoryStorage());
        services.AddSingleton<FeedbackStore>();
        services.AddSingleton<IFeedbackStore>(sp => sp.GetRequiredService<FeedbackStore>());
        services.AddSingleton(sp => sp.GetRequiredService<LocalFolder>().Path is { } folder
            ? new StorageProbe(StorageProvider.File, folder, null)
            : new StorageProbe(StorageProvider.Memory, null, null));
        return services;
    }

    private static IServiceCollection AddPostgres(this IServiceCollection services)
    {
        services.AddSingleton<PostgresDatabase>();
        services.AddHostedService<PostgresStartup>();
        services.AddSingleton<IStorage, PostgresStorage>();
        services.AddSingleton<IFeedbackStore, PostgresFeedbackStore>();
        services.AddSingleton<DirectLineWaiters>();
        services.AddSingleton<IDirectLineStore, PostgresDirectLineStore>();
        services.AddSingleton<PostgresNotifications>();
        services.AddHostedService(sp => sp.GetRequiredService<PostgresNotifications>());
        services.AddSingleton<PostgresIndexStore>();
        services.AddSingleton<IndexReplica>();
        services.AddHostedService(sp => sp.GetRequiredService<IndexReplica>());
        services.AddSingleton(sp => new StorageProbe(StorageProvider.PostgreSQL, null, sp.GetRequiredService<PostgresDatabase>()));
        return services;
    }

    private sealed record LocalFolder(string? Path);
}
