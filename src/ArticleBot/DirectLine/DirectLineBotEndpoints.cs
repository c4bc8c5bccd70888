using System.Text.Json.Nodes;

namespace ArticleBot.DirectLine;

/// <summary>
/// What the bot's connector calls back on the serviceUrl of Direct Line activities (Bot Connector API v3):
/// send, reply, update and delete. Activities get server ids, which the bot gets back (Web Chat livestreaming keys
/// on the first typing activity's id). Only this process's own connector may call (<see cref="DirectLineBridge.BotKey"/>).
/// </summary>
internal static class DirectLineBotEndpoints
{
    public static void Map(IEndpointRouteBuilder app)
    {
        var activities = app.MapGroup("/v3/conversations/{conversationId}/activities");
        activities.MapPost("", Send);
        activities.MapPost("/{replyToId}", Reply);
        activities.MapPut("/{activityId}", Update);
        activities.MapDelete("/{activityId}", Delete);
    }

    private static IResult Send(string conversationId, JsonObject activity, HttpRequest request, DirectLineStore store, DirectLineBridge bridge, TimeProvider time) =>
        Store(conversationId, null, activity, request, store, bridge, time);

    private static IResult Reply(string conversationId, string replyToId, JsonObject activity, HttpRequest request, DirectLineStore store, DirectLineBridge bridge, TimeProvider time) =>
        Store(conversationId, replyToId, activity, request, store, bridge, time);

    private static IResult Update(string conversationId, string activityId, JsonObject activity, HttpRequest request, DirectLineStore store, DirectLineBridge bridge, TimeProvider time)
    {
        if (Authorize(conversationId, request, store, bridge, out var conversation) is { } denied)
        {
            return denied;
        }

        DirectLineActivities.FromBot(activity, conversationId, time.GetUtcNow());
        return conversation!.Replace(activityId, activity) ? Results.Ok(new DirectLineResourceResponse(activityId)) : Results.NotFound();
    }

    private static IResult Delete(string conversationId, string activityId, HttpRequest request, DirectLineStore store, DirectLineBridge bridge) =>
        Authorize(conversationId, request, store, bridge, out var conversation)
        ?? (conversation!.Remove(activityId) ? Results.Ok() : Results.NotFound());

    private static IResult Store(string conversationId, string? replyToId, JsonObject activity, HttpRequest request, DirectLineStore store, DirectLineBridge bridge, TimeProvider time)
    {
        if (Authorize(conversationId, request, store, bridge, out var conversation) is { } denied)
        {
            return denied;
        }

        if (replyToId is not null)
        {
            activity["replyToId"] ??= replyToId;
        }

        DirectLineActivities.FromBot(activity, conversationId, time.GetUtcNow());
        return Results.Ok(new DirectLineResourceResponse(conversation!.Append(activity)));
    }

    private static IResult? Authorize(string conversationId, HttpRequest request, DirectLineStore store, DirectLineBridge bridge, out DirectLineConversation? conversation)
    {
        conversation = null;
        if (!BearerToken.Equal(BearerToken.From(request), bridge.BotKey))
        {
            return Results.Unauthorized();
        }

        conversation = store.Find(conversationId);
        return conversation is null ? Results.NotFound() : null;
    }
}
