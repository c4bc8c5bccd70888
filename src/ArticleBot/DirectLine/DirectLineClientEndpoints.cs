using System.Globalization;
using System.Text.Json.Nodes;

namespace ArticleBot.DirectLine;

/// <summary>
/// What DirectLineJS 0.15.5 (inside Web Chat) calls, with <c>Authorization: Bearer {token}</c>: start, reconnect,
/// post and poll activities, refresh the token; plus tokens/generate for a backend holding the secret.
/// Unknown or expired conversation: 404 (the client ends). Wrong or expired token: 403 (the client retries).
/// </summary>
internal static class DirectLineClientEndpoints
{
    public static void Map(IEndpointRouteBuilder app)
    {
        var directLine = app.MapGroup("/v3/directline");
        directLine.MapPost("/tokens/generate", Generate);
        directLine.MapPost("/tokens/refresh", Refresh);
        directLine.MapPost("/conversations", Start);
        directLine.MapGet("/conversations/{conversationId}", Reconnect);
        directLine.MapPost("/conversations/{conversationId}/activities", Post);
        directLine.MapGet("/conversations/{conversationId}/activities", Poll);
    }

    public static DirectLineConversationInfo Info(DirectLineConversation conversation, string? streamUrl)
    {
        var token = conversation.Token;
        var expiresIn = (int)Math.Round(DirectLineStore.TokenLifetime.TotalSeconds);
        return new DirectLineConversationInfo(conversation.Id, token.Value, expiresIn, streamUrl);
    }

    private static IResult Generate(HttpRequest request, DirectLineStore store, WebChatAccess access) =>
        access.MayOpenConversations(BearerToken.From(request)) ? Results.Ok(Info(store.Create(), streamUrl: null)) : Results.StatusCode(403);

    private static IResult Refresh(HttpRequest request, DirectLineStore store)
    {
        var conversation = store.FindByToken(BearerToken.From(request));
        if (conversation is null)
        {
            return Results.StatusCode(403);
        }

        store.Refresh(conversation);
        return Results.Ok(Info(conversation, streamUrl: null));
    }

    /// <summary>Starts the conversation of a generated token, or a new one for the secret; tells the bot who joined.</summary>
    private static IResult Start(JsonObject? body, HttpRequest request, DirectLineStore store, WebChatAccess access, DirectLineBridge bridge, DirectLineServiceUrl serviceUrl, TimeProvider time)
    {
        var bearer = BearerToken.From(request);
        var conversation = store.FindByToken(bearer);
        if (conversation is null && !access.MayOpenConversations(bearer))
        {
            return Results.StatusCode(403);
        }

        conversation ??= store.Create();
        if (!conversation.TryStart())
        {
            return Results.Ok(Info(conversation, streamUrl: ""));
        }

        // DirectLineJS sends {"user":{"id"}} when Web Chat has a userID; otherwise the user is announced with its first activity.
        var userId = DirectLineActivities.AccountId(body?["user"]);
        List<JsonObject> members = [DirectLineActivities.Bot()];
        conversation.TryAnnounce(DirectLineActivities.BotId);
        if (userId is not null && conversation.TryAnnounce(userId))
        {
            members.Add(DirectLineActivities.User(userId));
        }

        var update = DirectLineActivities.MembersAdded(members, userId ?? DirectLineActivities.DefaultUserId, conversation.Id, serviceUrl.For(request), time.GetUtcNow());
        bridge.Enqueue(conversation, update);
        return Results.Json(Info(conversation, streamUrl: ""), statusCode: 201);
    }

    private static IResult Reconnect(string conversationId, HttpRequest request, DirectLineStore store) =>
        Authorize(conversationId, request, store, out var conversation) ?? Results.Ok(Info(conversation!, streamUrl: ""));

    /// <summary>Echoes the activity into the stream with a server id (Web Chat matches it by clientActivityID), then hands it to the bot.</summary>
    private static IResult Post(string conversationId, JsonObject activity, HttpRequest request, DirectLineStore store, DirectLineBridge bridge, DirectLineServiceUrl serviceUrl, TimeProvider time)
    {
        if (Authorize(conversationId, request, store, out var conversation) is { } denied)
        {
            return denied;
        }

        if (activity["type"] is not JsonValue type || !type.TryGetValue<string>(out _))
        {
            return Results.BadRequest(new { error = new { code = "MissingProperty", message = "The activity has no type." } });
        }

        var url = serviceUrl.For(request);
        var now = time.GetUtcNow();
        var userId = DirectLineActivities.UserId(activity) ?? DirectLineActivities.DefaultUserId;
        if (conversation!.TryAnnounce(userId))
        {
            bridge.Enqueue(conversation, DirectLineActivities.MembersAdded([DirectLineActivities.User(userId)], userId, conversation.Id, url, now));
        }

        DirectLineActivities.FromClient(activity, conversation.Id, url, now, ArticlePages.PublicBase.Of(request));
        var id = conversation.Append(activity);
        bridge.Enqueue(conversation, activity);
        return Results.Ok(new DirectLineResourceResponse(id));
    }

    private static IResult Poll(string conversationId, string? watermark, HttpRequest request, DirectLineStore store) =>
        Authorize(conversationId, request, store, out var conversation)
        ?? Results.Ok(conversation!.Since(long.TryParse(watermark, NumberStyles.None, CultureInfo.InvariantCulture, out var w) ? w : 0));

    /// <summary>Null when the request may use the conversation; otherwise the answer to send (404 or 403).</summary>
    private static IResult? Authorize(string conversationId, HttpRequest request, DirectLineStore store, out DirectLineConversation? conversation)
    {
        conversation = store.Find(conversationId);
        if (conversation is null)
        {
            return Results.NotFound(new { error = new { code = "BadArgument", message = "Conversation not found." } });
        }

        return store.Authorize(conversation, BearerToken.From(request)) ? null : Results.StatusCode(403);
    }
}
