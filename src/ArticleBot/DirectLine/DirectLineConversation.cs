using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace ArticleBot.DirectLine;

/// <summary>
/// One Direct Line conversation: its token, the members the bot has been told about, and the activities clients poll,
/// in order, with server ids. Keeps at most a fixed number of activities: a client that polls from an older watermark
/// just gets what is left.
/// </summary>
public sealed class DirectLineConversation
{
    private readonly Lock _gate = new();
    private readonly List<DirectLineEntry> _entries = [];
    private readonly HashSet<string> _announced = new(StringComparer.Ordinal);
    private readonly int _maxActivities;
    private long _nextSequence;
    private DirectLineToken _token;
    private DirectLineToken? _previousToken;
    private DateTimeOffset _lastUsed;
    private bool _started;

    internal DirectLineConversation(string id, DirectLineToken token, int maxActivities, DateTimeOffset now)
    {
        Id = id;
        _token = token;
        _maxActivities = maxActivities;
        _lastUsed = now;
    }

    public string Id { get; }

    public DirectLineToken Token
    {
        get
        {
            lock (_gate)
            {
                return _token;
            }
        }
    }

    public DateTimeOffset LastUsed
    {
        get
        {
            lock (_gate)
            {
                return _lastUsed;
            }
        }
    }

    /// <summary>True for the current token, and for the one it replaced until that one expires (polls in flight).</summary>
    public bool Accepts(string? bearer, DateTimeOffset now)
    {
        lock (_gate)
        {
            var ok = Matches(_token, bearer, now) || Matches(_previousToken, bearer, now);
            if (ok)
            {
                _lastUsed = now;
            }

            return ok;
        }
    }

    internal void Refresh(DirectLineToken token)
    {
        lock (_gate)
        {
            _previousToken = _token;
            _token = token;
        }
    }

    /// <summary>True the first time: the client's first start, when the bot hears of the conversation.</summary>
    internal bool TryStart()
    {
        lock (_gate)
        {
            if (_started)
            {
                return false;
            }

            _started = true;
            return true;
        }
    }

    /// <summary>True the first time a member id is seen, so the bot gets one conversationUpdate per member.</summary>
    internal bool TryAnnounce(string memberId)
    {
        lock (_gate)
        {
            return _announced.Add(memberId);
        }
    }

    /// <summary>
    /// Stores a copy of the activity with a new server id (<c>{conversationId}|{sequence}</c>), also set on the
    /// caller's object, and returns the id. Stored activities are immutable, so polls read them without locks.
    /// </summary>
    public string Append(JsonObject activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        lock (_gate)
        {
            var id = string.Create(CultureInfo.InvariantCulture, $"{Id}|{_nextSequence:D7}");
            Add(id, activity);
            return id;
        }
    }

    /// <summary>Replaces an activity (the bot updated it); it moves to the end of the stream so pollers see it again.</summary>
    public bool Replace(string id, JsonObject activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        lock (_gate)
        {
            var old = _entries.FindIndex(e => e.Id == id);
            if (old < 0)
            {
                return false;
            }

            // Pollers see the update again at the end of the stream; Web Chat keeps it where it was.
            var entry = _entries[old];
            var position = entry.Activity.TryGetProperty("channelData", out var channelData)
                && channelData.ValueKind == JsonValueKind.Object
                && channelData.TryGetProperty(DirectLineActivities.SequenceIdKey, out var stamped)
                && stamped.TryGetInt64(out var original) ? original : entry.Sequence;
            _entries.RemoveAt(old);
            Add(id, activity, position);
            return true;
        }
    }

    public bool Remove(string id)
    {
        lock (_gate)
        {
            return _entries.RemoveAll(e => e.Id == id) > 0;
        }
    }

    /// <summary>The activities at or after <paramref name="watermark"/> (0 for all), and the next watermark.</summary>
    public DirectLineActivitySet Since(long watermark)
    {
        lock (_gate)
        {
            var activities = _entries.Where(e => e.Sequence >= watermark).Select(e => e.Activity).ToList();
            return new DirectLineActivitySet(activities, _nextSequence.ToString(CultureInfo.InvariantCulture));
        }
    }

    private void Add(string id, JsonObject activity, long? position = null)
    {
        activity["id"] = id;
        DirectLineActivities.StampSequence(activity, position ?? _nextSequence);
        _entries.Add(new DirectLineEntry(_nextSequence++, id, JsonSerializer.SerializeToElement(activity)));
        if (_entries.Count > _maxActivities)
        {
            _entries.RemoveAt(0);
        }
    }

    private static bool Matches(DirectLineToken? token, string? bearer, DateTimeOffset now) =>
        token is not null
        && bearer is not null
        && token.ExpiresAt > now
        && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(token.Value), Encoding.UTF8.GetBytes(bearer));
}
