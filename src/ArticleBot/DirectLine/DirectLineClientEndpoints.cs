using System.Globalization;
using System.Text.Json.Nodes;
using ArticleBot.Channels;
using Microsoft.Extensions.Options;

namespace ArticleBot.DirectLine;

/// <summary>
/// What DirectLineJS 0.15.5 (inside Web Chat) calls, with <c>Authorization: Bearer {token}</c>: start, reconnect,
/// post and poll activities, refresh the token; plus tokens/generate for a backend holding the secret.
/// Unknown or expired conversation: 404 (the client ends). Wrong or expired token: 403 (the client retries).
/// A poll that finds nothing new waits (up to Channels:DirectLinePollWaitMilliseconds) until the stream changes.
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

    public static DirectLineConversationInfo Info(DirectLineSession conversation, string? streamUrl)
    {
        ArgumentNullException.ThrowIfNull(conversation);
        var expiresIn = (int)Math.Round(DirectLineStore.TokenLifetime.TotalSeconds);
        return new DirectLineConversationInfo(conversation.Id, conversation.Token.Value, expiresIn, streamUrl);
    }

    private static async Task<IResult> Generate(HttpRequest request, IDirectLineStore store, WebChatAccess access, CancellationToken cancellationToken) =>
        access.MayOpenConversations(BearerToken.From(request)) ? Results.Ok(Info(await store.CreateAsync(cancellationToken), streamUrl: null)) : Results.StatusCode(403);

    private static async Task<IResult> Refresh(HttpRequest request, IDirectLineStore store, CancellationToken cancellationToken)
    {
        var conversation = await store.FindByTokenAsync(BearerToken.From(request), cancellationToken);
        return conversation is null ? Results.StatusCode(403) : Results.Ok(Info(await store.RefreshAsync(conversation.Id, cancellationToken), streamUrl: null));
    }

    /// <summary>Starts the conversation of a generated token, or a new one for the secret; tells the bot who joined.</summary>
    private static async Task<IResult> Start(JsonObject? body, HttpRequest request, IDirectLineStore store, WebChatAccess access, DirectLineBridge bridge, DirectLineServiceUrl serviceUrl, TimeProvider time, CancellationToken cancellationToken)
    {
        var bearer = BearerToken.From(request);
        var conversation = await store.FindByTokenAsync(bearer, cancellationToken);
        if (conversation is null && !access.MayOpenConversations(bearer))
        {
            return Results.StatusCode(403);
        }

        conversation ??= await store.CreateAsync(cancellationToken);
        if (!await store.TryStartAsync(conversation.Id, cancellationToken))
        {
            return Results.Ok(Info(conversation, streamUrl: ""));
        }

        // DirectLineJS sends {"user":{"id"}} when Web Chat has a userID; otherwise the user is announced with its first activity.
        var userId = DirectLineActivities.AccountId(body?["user"]);
        List<JsonObject> members = [DirectLineActivities.Bot()];
        await store.TryAnnounceAsync(conversation.Id, DirectLineActivities.BotId, cancellationToken);
        if (userId is not null && await store.TryAnnounceAsync(conversation.Id, userId, cancellationToken))
        {
            members.Add(DirectLineActivities.User(userId));
        }

        var update = DirectLineActivities.MembersAdded(members, userId ?? DirectLineActivities.DefaultUserId, conversation.Id, serviceUrl.For(request), time.GetUtcNow());
        bridge.Enqueue(conversation.Id, update);
        return Results.Json(Info(conversation, streamUrl: ""), statusCode: 201);
    }

    private static async Task<IResult> Reconnect(string conversationId, HttpRequest request, IDirectLineStore store, CancellationToken cancellationToken) =>
        await AuthorizeAsync(conversationId, request, store, cancellationToken) is { } denied
            ? denied
            : Results.Ok(Info((await store.FindAsync(conversationId, cancellationToken))!, streamUrl: ""));

    /// <summary>Echoes the activity into the stream with a server id (Web Chat matches it by clientActivityID), then hands it to the bot.</summary>
    private static async Task<IResult> Post(string conversationId, JsonObject activity, HttpRequest request, IDirectLineStore store, DirectLineBridge bridge, DirectLineServiceUrl serviceUrl, TimeProvider time, CancellationToken cancellationToken)
    {
        if (await AuthorizeAsync(conversationId, request, store, cancellationToken) is { } denied)
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
        if (await store.TryAnnounceAsync(conversationId, userId, cancellationToken))
        {
            bridge.Enqueue(conversationId, DirectLineActivities.MembersAdded([DirectLineActivities.User(userId)], userId, conversationId, url, now));
        }

        DirectLineActivities.FromClient(activity, conversationId, url, now, ArticlePages.PublicBase.Of(request));
        var id = await store.AppendAsync(conversationId, activity, cancellationToken);
        bridge.Enqueue(conversationId, activity);
        return Results.Ok(new DirectLineResourceResponse(id));
    }

    private static async Task<IResult> Poll(string conversationId, string? watermark, HttpRequest request, IDirectLineStore store, IOptions<ChannelsOptions> options, IHostApplicationLifetime lifetime, CancellationToken cancellationToken)
    {
        if (await AuthorizeAsync(conversationId, request, store, cancellationToken) is { } denied)
        {
            return denied;
        }

        var from = long.TryParse(watermark, NumberStyles.None, CultureInfo.InvariantCulture, out var w) ? w : 0;
        var wait = options.Value.DirectLinePollWaitMilliseconds;
        using var waiting = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, lifetime.ApplicationStopping);
        waiting.CancelAfter(wait);
        // Listen before reading, so a change between the read and the wait is not missed.
        var changed = wait > 0 ? store.WaitForChangeAsync(conversationId, waiting.Token) : Task.CompletedTask;
        var set = await store.SinceAsync(conversationId, from, cancellationToken);
        if (set.Activities.Count > 0 || wait == 0)
        {
            return Results.Ok(set);
        }

        await changed.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        return Results.Ok(await store.SinceAsync(conversationId, from, cancellationToken));
    }

    /// <summary>Null when the request may use the conversation; otherwise the answer to send (404 or 403).</summary>
    private static async Task<IResult?> AuthorizeAsync(string conversationId, HttpRequest request, IDirectLineStore store, CancellationToken cancellationToken)
    {
        if (await store.FindAsync(conversationId, cancellationToken) is null)
        {
            return Results.NotFound(new { error = new { code = "BadArgument", message = "Conversation not found." } });
        }

        return await store.AuthorizeAsync(conversationId, BearerToken.From(request), cancellationToken) ? null : Results.StatusCode(403);
    }
}
