using System.Text.Json.Nodes;

namespace ArticleBot.DirectLine;

/// <summary>The Direct Line conversations of this process (<see cref="DirectLineStore"/>): one instance only.</summary>
public sealed class MemoryDirectLineStore(DirectLineStore store, DirectLineWaiters waiters) : IDirectLineStore
{
    public Task<DirectLineSession> CreateAsync(CancellationToken cancellationToken) => Task.FromResult(Session(store.Create()));

    public Task<DirectLineSession?> FindAsync(string conversationId, CancellationToken cancellationToken) =>
        Task.FromResult(store.Find(conversationId) is { } conversation ? Session(conversation) : null);

    public Task<DirectLineSession?> FindByTokenAsync(string? token, CancellationToken cancellationToken) =>
        Task.FromResult(store.FindByToken(token) is { } conversation ? Session(conversation) : null);

    public Task<bool> AuthorizeAsync(string conversationId, string? token, CancellationToken cancellationToken) =>
        Task.FromResult(store.Find(conversationId) is { } conversation && store.Authorize(conversation, token));

    public Task<DirectLineSession> RefreshAsync(string conversationId, CancellationToken cancellationToken)
    {
        var conversation = Get(conversationId);
        store.Refresh(conversation);
        return Task.FromResult(Session(conversation));
    }

    public Task<bool> TryStartAsync(string conversationId, CancellationToken cancellationToken) => Task.FromResult(Get(conversationId).TryStart());

    public Task<bool> TryAnnounceAsync(string conversationId, string memberId, CancellationToken cancellationToken) =>
        Task.FromResult(Get(conversationId).TryAnnounce(memberId));

    public Task<string> AppendAsync(string conversationId, JsonObject activity, CancellationToken cancellationToken)
    {
        var id = Get(conversationId).Append(activity);
        waiters.Wake(conversationId);
        return Task.FromResult(id);
    }

    public Task<bool> ReplaceAsync(string conversationId, string activityId, JsonObject activity, CancellationToken cancellationToken)
    {
        var replaced = store.Find(conversationId)?.Replace(activityId, activity) ?? false;
        waiters.Wake(conversationId);
        return Task.FromResult(replaced);
    }

    public Task<bool> RemoveAsync(string conversationId, string activityId, CancellationToken cancellationToken) =>
        Task.FromResult(store.Find(conversationId)?.Remove(activityId) ?? false);

    public Task<DirectLineActivitySet> SinceAsync(string conversationId, long watermark, CancellationToken cancellationToken) =>
        Task.FromResult(Get(conversationId).Since(watermark));

    /// <summary>One process: its own per-conversation queue already runs turns one at a time.</summary>
    public Task<IAsyncDisposable> LockTurnsAsync(string conversationId, CancellationToken cancellationToken) => Task.FromResult<IAsyncDisposable>(NoLock.Instance);

    public Task WaitForChangeAsync(string conversationId, CancellationToken cancellationToken) => waiters.WaitAsync(conversationId, cancellationToken);

    private sealed class NoLock : IAsyncDisposable
    {
        public static readonly NoLock Instance = new();

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }

    private DirectLineConversation Get(string conversationId) =>
        store.Find(conversationId) ?? throw new KeyNotFoundException($"Direct Line conversation '{conversationId}' does not exist.");

    private static DirectLineSession Session(DirectLineConversation conversation) => new(conversation.Id, conversation.Token);
}
