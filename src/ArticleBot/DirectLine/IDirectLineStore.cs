using System.Text.Json.Nodes;

namespace ArticleBot.DirectLine;

/// <summary>
/// The Direct Line conversations: tokens, the members the bot was told about, and the activity streams clients poll
/// with watermarks. In this process (<see cref="MemoryDirectLineStore"/>) or in PostgreSQL, where any instance
/// serves any call.
/// </summary>
public interface IDirectLineStore
{
    Task<DirectLineSession> CreateAsync(CancellationToken cancellationToken);

    /// <summary>The conversation, or null when it never existed or has expired.</summary>
    Task<DirectLineSession?> FindAsync(string conversationId, CancellationToken cancellationToken);

    /// <summary>The conversation a still valid token belongs to.</summary>
    Task<DirectLineSession?> FindByTokenAsync(string? token, CancellationToken cancellationToken);

    /// <summary>True for the conversation's current token and the one it replaced until that expires; marks the conversation used.</summary>
    Task<bool> AuthorizeAsync(string conversationId, string? token, CancellationToken cancellationToken);

    /// <summary>Issues a new token; the old one stays valid until it expires.</summary>
    Task<DirectLineSession> RefreshAsync(string conversationId, CancellationToken cancellationToken);

    /// <summary>True the first time: the client's first start, when the bot hears of the conversation.</summary>
    Task<bool> TryStartAsync(string conversationId, CancellationToken cancellationToken);

    /// <summary>True the first time a member id is seen, so the bot gets one conversationUpdate per member.</summary>
    Task<bool> TryAnnounceAsync(string conversationId, string memberId, CancellationToken cancellationToken);

    /// <summary>Stores the activity with a new server id (also set on <paramref name="activity"/>) and returns the id.</summary>
    Task<string> AppendAsync(string conversationId, JsonObject activity, CancellationToken cancellationToken);

    /// <summary>Replaces an activity (the bot updated it); it moves to the end of the stream so pollers see it again.</summary>
    Task<bool> ReplaceAsync(string conversationId, string activityId, JsonObject activity, CancellationToken cancellationToken);

    Task<bool> RemoveAsync(string conversationId, string activityId, CancellationToken cancellationToken);

    /// <summary>The activities at or after <paramref name="watermark"/> (0 for all), and the next watermark.</summary>
    Task<DirectLineActivitySet> SinceAsync(string conversationId, long watermark, CancellationToken cancellationToken);

    /// <summary>
    /// Holds the conversation's turns to one at a time across instances until disposed (each instance also queues
    /// its own turns in order), so the bot reads conversation state in message order.
    /// </summary>
    Task<IAsyncDisposable> LockTurnsAsync(string conversationId, CancellationToken cancellationToken);

    /// <summary>Completes when the conversation's stream changes (on any instance), or when <paramref name="cancellationToken"/> fires.</summary>
    Task WaitForChangeAsync(string conversationId, CancellationToken cancellationToken);
}
