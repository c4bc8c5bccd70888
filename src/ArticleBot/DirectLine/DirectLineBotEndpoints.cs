using System.Text.Json.Nodes;

namespace ArticleBot.DirectLine;

/// <summary>
/// What the bot's connector calls back on the serviceUrl of Direct Line activities (Bot Connector API v3):
/// send, reply, update and delete. Activities get server ids, which the bot gets back (Web Chat livestreaming keys
/// on the first typing activity's id), and land in the conversation's (possibly shared) stream. Only this process's
/// own connector may call (<see cref="DirectLineBridge.BotKey"/>).
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

    private static Task<IResult> Send(string conversationId, JsonObject activity, HttpRequest request, IDirectLineStore store, DirectLineBridge bridge, TimeProvider time, CancellationToken cancellationToken) =>
        StoreAsync(conversationId, null, activity, request, store, bridge, time, cancellationToken);

    private static Task<IResult> Reply(string conversationId, string replyToId, JsonObject activity, HttpRequest request, IDirectLineStore store, DirectLineBridge bridge, TimeProvider time, CancellationToken cancellationToken) =>
        StoreAsync(conversationId, replyToId, activity, request, store, bridge, time, cancellationToken);

    private static async Task<IResult> Update(string conversationId, string activityId, JsonObject activity, HttpRequest request, IDirectLineStore store, DirectLineBridge bridge, TimeProvider time, CancellationToken cancellationToken)
    {
        if (await AuthorizeAsync(conversationId, request, store, bridge, cancellationToken) is { } denied)
        {
            return denied;
        }

        DirectLineActivities.FromBot(activity, conversationId, time.GetUtcNow());
        return await store.ReplaceAsync(conversationId, activityId, activity, cancellationToken) ? Results.Ok(new DirectLineResourceResponse(activityId)) : Results.NotFound();
    }

    private static async Task<IResult> Delete(string conversationId, string activityId, HttpRequest request, IDirectLineStore store, DirectLineBridge bridge, CancellationToken cancellationToken) =>
        await AuthorizeAsync(conversationId, request, store, bridge, cancellationToken)
        ?? (await store.RemoveAsync(conversationId, activityId, cancellationToken) ? Results.Ok() : Results.NotFound());

    private static async Task<IResult> StoreAsync(string conversationId, string? replyToId, JsonObject activity, HttpRequest request, IDirectLineStore store, DirectLineBridge bridge, TimeProvider time, CancellationToken cancellationToken)
    {
        if (await AuthorizeAsync(conversationId, request, store, bridge, cancellationToken) is { } denied)
        {
            return denied;
        }

        if (replyToId is not null)
        {
            activity["replyToId"] ??= replyToId;
        }

        DirectLineActivities.FromBot(activity, conversationId, time.GetUtcNow());
        return Results.Ok(new DirectLineResourceResponse(await store.AppendAsync(conversationId, activity, cancellationToken)));
    }

    private static async Task<IResult?> AuthorizeAsync(string conversationId, HttpRequest request, IDirectLineStore store, DirectLineBridge bridge, CancellationToken cancellationToken)
    {
        if (!BearerToken.Equal(BearerToken.From(request), bridge.BotKey))
        {
            return Results.Unauthorized();
        }

        return await store.FindAsync(conversationId, cancellationToken) is null ? Results.NotFound() : null;
    }
}
