using System.Buffers.Text;
using System.Collections.Concurrent;
using System.Security.Cryptography;

namespace ArticleBot.DirectLine;

/// <summary>
/// The Direct Line conversations, in memory: random ids and tokens, a bounded number of conversations (the least
/// recently used goes first) and of activities in each, and expiry of conversations nobody has used for a while.
/// </summary>
public sealed class DirectLineStore
{
    public static readonly TimeSpan TokenLifetime = TimeSpan.FromMinutes(30);

    private readonly ConcurrentDictionary<string, DirectLineConversation> _conversations = new(StringComparer.Ordinal);
    private readonly TimeProvider _time;
    private readonly int _maxConversations;
    private readonly int _maxActivities;
    private readonly TimeSpan _idleTimeout;

    public DirectLineStore(TimeProvider time)
        : this(time, maxConversations: 1000, maxActivities: 500, idleTimeout: TimeSpan.FromHours(1))
    {
    }

    internal DirectLineStore(TimeProvider time, int maxConversations, int maxActivities, TimeSpan idleTimeout)
    {
        _time = time;
        _maxConversations = maxConversations;
        _maxActivities = maxActivities;
        _idleTimeout = idleTimeout;
    }

    public int Count => _conversations.Count;

    public DirectLineConversation Create()
    {
        Sweep();
        var id = RandomText(18);
        var conversation = new DirectLineConversation(id, NewToken(id), _maxActivities, _time.GetUtcNow());
        _conversations[id] = conversation;
        return conversation;
    }

    /// <summary>The conversation, or null when it never existed or has expired.</summary>
    public DirectLineConversation? Find(string id)
    {
        if (!_conversations.TryGetValue(id, out var conversation))
        {
            return null;
        }

        if (IsExpired(conversation))
        {
            _conversations.TryRemove(id, out _);
            return null;
        }

        return conversation;
    }

    /// <summary>The conversation a (still valid) token belongs to; tokens start with their conversation's id.</summary>
    public DirectLineConversation? FindByToken(string? token)
    {
        var dot = token?.IndexOf('.', StringComparison.Ordinal) ?? -1;
        var conversation = dot > 0 ? Find(token![..dot]) : null;
        return conversation is not null && Authorize(conversation, token) ? conversation : null;
    }

    public bool Authorize(DirectLineConversation conversation, string? token)
    {
        ArgumentNullException.ThrowIfNull(conversation);
        return conversation.Accepts(token, _time.GetUtcNow());
    }

    /// <summary>Issues a new token; the old one stays valid until it expires.</summary>
    public DirectLineToken Refresh(DirectLineConversation conversation)
    {
        ArgumentNullException.ThrowIfNull(conversation);
        var token = NewToken(conversation.Id);
        conversation.Refresh(token);
        return token;
    }

    private DirectLineToken NewToken(string conversationId) =>
        new($"{conversationId}.{RandomText(32)}", _time.GetUtcNow() + TokenLifetime);

    private bool IsExpired(DirectLineConversation conversation) => _time.GetUtcNow() - conversation.LastUsed > _idleTimeout;

    private void Sweep()
    {
        foreach (var conversation in _conversations.Values.Where(IsExpired))
        {
            _conversations.TryRemove(conversation.Id, out _);
        }

        var excess = _conversations.Count - _maxConversations + 1;
        foreach (var conversation in _conversations.Values.OrderBy(c => c.LastUsed).Take(Math.Max(0, excess)))
        {
            _conversations.TryRemove(conversation.Id, out _);
        }
    }

    private static string RandomText(int bytes) => Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(bytes));
}
