using System.ComponentModel.DataAnnotations;

namespace ArticleBot.Storage;

/// <summary>The store the bot keeps what must survive a turn in; see <see cref="StorageProvider"/>.</summary>
public sealed class StorageOptions
{
    public const string SectionName = "Storage";

    /// <summary>The connection string's name, read from <c>ConnectionStrings:ArticleBot</c>.</summary>
    public const string ConnectionStringName = "ArticleBot";

    public const string ConnectionStringKey = "ConnectionStrings:" + ConnectionStringName;

    public StorageProvider Provider { get; set; } = StorageProvider.Memory;

    /// <summary>Retries of a database call that failed transiently (connection lost, server restarting).</summary>
    [Range(0, 20)]
    public int MaxRetries { get; set; } = 5;

    /// <summary>Wait before the first retry; doubled for each further one.</summary>
    [Range(10, 60000)]
    public int RetryDelayMilliseconds { get; set; } = 200;

    /// <summary>How often an instance checks the shared index's version besides being notified of changes.</summary>
    [Range(100, 60000)]
    public int IndexFollowMilliseconds { get; set; } = 2000;
}
