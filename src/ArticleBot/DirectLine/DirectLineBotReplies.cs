using System.Net;
using System.Text.Json.Nodes;

namespace ArticleBot.DirectLine;

/// <summary>
/// What the bot's Bot Connector calls do to a local Direct Line conversation (send, reply, update, delete): activities
/// get server ids, which the bot gets back (Web Chat livestreaming keys on the first typing activity's id), and land
/// in the conversation's (possibly shared) stream. The one implementation behind both the in-process connector
/// (<see cref="DirectLineBotReplyHandler"/>) and the bot-facing endpoints (<see cref="DirectLineBotEndpoints"/>).
/// </summary>
internal sealed class DirectLineBotReplies(IDirectLineStore store, TimeProvider time)
{
    /// <summary>Appends the bot's activity (a reply to <paramref name="replyToId"/> when given); its id, or 404.</summary>
    public async Task<DirectLineBotReply> StoreAsync(string conversationId, string? replyToId, JsonObject activity, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(activity);
        if (await store.FindAsync(conversationId, cancellationToken) is null)
        {
            return DirectLineBotReply.NotFound;
        }

        if (replyToId is not null)
        {
            activity["replyToId"] ??= replyToId;
        }

        DirectLineActivities.FromBot(activity, conversationId, time.GetUtcNow());
        return new DirectLineBotReply(HttpStatusCode.OK, await store.AppendAsync(conversationId, activity, cancellationToken));
    }

    /// <summary>Replaces the activity in the stream; 404 when the conversation or the activity is unknown.</summary>
    public async Task<DirectLineBotReply> UpdateAsync(string conversationId, string activityId, JsonObject activity, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(activity);
        if (await store.FindAsync(conversationId, cancellationToken) is null)
        {
            return DirectLineBotReply.NotFound;
        }

        DirectLineActivities.FromBot(activity, conversationId, time.GetUtcNow());
        return await store.ReplaceAsync(conversationId, activityId, activity, cancellationToken) ? new DirectLineBotReply(HttpStatusCode.OK, activityId) : DirectLineBotReply.NotFound;
    }

    /// <summary>Removes the activity from the stream; 404 when the conversation or the activity is unknown.</summary>
    public async Task<DirectLineBotReply> DeleteAsync(string conversationId, string activityId, CancellationToken cancellationToken) =>
        await store.FindAsync(conversationId, cancellationToken) is not null && await store.RemoveAsync(conversationId, activityId, cancellationToken)
            ? new DirectLineBotReply(HttpStatusCode.OK, null)
            : DirectLineBotReply.NotFound;
}
