using System.Globalization;
using System.Text.Json.Nodes;

namespace ArticleBot.DirectLine;

/// <summary>
/// The fields a Direct Line service fills in: on client activities what the bot needs (recipient, conversation,
/// channelId, serviceUrl, timestamp, from.role), on bot activities what Web Chat needs (from.role, timestamp).
/// Server timestamps on both keep Web Chat's ordering (it sorts by timestamp) consistent with the stream's.
/// </summary>
public static class DirectLineActivities
{
    public const string ChannelId = "webchat";
    public const string BotId = "articlebot";
    public const string BotName = "ArticleBot";
    public const string DefaultUserId = "webchat-user";

    /// <summary>Completes a client activity before it is echoed and handed to the bot; keeps everything else (channelData.clientActivityID).</summary>
    /// <param name="publicBase">The public address the client reached this app on (for links in replies), noted in channelData.</param>
    public static void FromClient(JsonObject activity, string conversationId, string serviceUrl, DateTimeOffset now, Uri? publicBase = null)
    {
        ArgumentNullException.ThrowIfNull(activity);
        var userId = UserId(activity) ?? DefaultUserId;
        var from = Member(activity, "from");
        from["id"] = userId;
        from["role"] = "user";
        activity["recipient"] = Bot();
        activity["conversation"] = new JsonObject { ["id"] = conversationId };
        activity["channelId"] = ChannelId;
        activity["serviceUrl"] = serviceUrl;
        activity["timestamp"] = Timestamp(now);
        if (publicBase is not null)
        {
            ChannelData(activity)[ArticlePages.PublicBase.ChannelDataKey] = publicBase.AbsoluteUri;
        }
        else if (activity["channelData"] is JsonObject channelData)
        {
            channelData.Remove(ArticlePages.PublicBase.ChannelDataKey);
        }
    }

    /// <summary>Completes an activity the bot sent (through its connector) before clients see it.</summary>
    public static void FromBot(JsonObject activity, string conversationId, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(activity);
        var from = Member(activity, "from");
        from["id"] ??= BotId;
        from["role"] = "bot";
        activity["conversation"] = new JsonObject { ["id"] = conversationId };
        activity["timestamp"] = Timestamp(now);
    }

    public const string SequenceIdKey = "webchat:sequence-id";

    /// <summary>
    /// Stamps <c>channelData["webchat:sequence-id"]</c>, the position Web Chat 4.18 sorts by when present
    /// (its docs/SORTING.md): without it Web Chat guesses from timestamps and stream metadata, and 4.18.1 files a
    /// later stream's first activity next to an earlier stream's (botframework-webchat#5222).
    /// </summary>
    public static void StampSequence(JsonObject activity, long sequence)
    {
        ArgumentNullException.ThrowIfNull(activity);
        ChannelData(activity)[SequenceIdKey] = sequence;
    }

    private static JsonObject ChannelData(JsonObject activity)
    {
        if (activity["channelData"] is not JsonObject channelData)
        {
            channelData = [];
            activity["channelData"] = channelData;
        }

        return channelData;
    }

    /// <summary>The conversationUpdate that tells the bot who joined (Azure Direct Line and the Emulator send one too).</summary>
    public static JsonObject MembersAdded(IEnumerable<JsonObject> members, string userId, string conversationId, string serviceUrl, DateTimeOffset now)
    {
        var activity = new JsonObject
        {
            ["type"] = "conversationUpdate",
            ["id"] = Guid.NewGuid().ToString("N"),
            ["membersAdded"] = new JsonArray([.. members]),
            ["from"] = User(userId),
        };
        FromClient(activity, conversationId, serviceUrl, now);
        return activity;
    }

    /// <summary>The sender's id as the client gave it, if it gave one.</summary>
    public static string? UserId(JsonObject activity) => AccountId(activity?["from"]);

    /// <summary>The id of a channel account (<c>{"id": ...}</c>), if it has a non-empty one.</summary>
    public static string? AccountId(JsonNode? account) =>
        account?["id"] is JsonValue value && value.TryGetValue<string>(out var id) && id.Length > 0 ? id : null;

    public static JsonObject Bot() => new() { ["id"] = BotId, ["name"] = BotName, ["role"] = "bot" };

    public static JsonObject User(string id) => new() { ["id"] = id, ["role"] = "user" };

    private static JsonObject Member(JsonObject activity, string name)
    {
        if (activity[name] is not JsonObject member)
        {
            member = [];
            activity[name] = member;
        }

        return member;
    }

    private static string Timestamp(DateTimeOffset now) => now.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.fffffffZ", CultureInfo.InvariantCulture);
}
