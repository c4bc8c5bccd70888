using System.Collections.Concurrent;

namespace ArticleBot.DirectLine;

/// <summary>Polls waiting for a conversation's stream to change, woken when an activity lands in it (here, or on another instance via NOTIFY).</summary>
public sealed class DirectLineWaiters
{
    private readonly ConcurrentDictionary<string, TaskCompletionSource> _waiting = new(StringComparer.Ordinal);

    /// <summary>How many waits were ended by <see cref="Wake"/> (rather than by giving up), for tests and diagnostics.</summary>
    public long Woken => Interlocked.Read(ref _woken);

    private long _woken;

    /// <summary>Whether a poll is waiting on the conversation right now.</summary>
    public bool IsWaiting(string conversationId) => _waiting.ContainsKey(conversationId);

    public async Task WaitAsync(string conversationId, CancellationToken cancellationToken)
    {
        var signal = _waiting.GetOrAdd(conversationId, _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
        await signal.Task.WaitAsync(cancellationToken);
    }

    public void Wake(string conversationId)
    {
        if (_waiting.TryRemove(conversationId, out var signal) && signal.TrySetResult())
        {
            Interlocked.Increment(ref _woken);
        }
    }
}
