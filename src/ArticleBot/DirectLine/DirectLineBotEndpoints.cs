using System.Net;
using System.Text.Json.Nodes;

namespace ArticleBot.DirectLine;

/// <summary>
/// The Bot Connector API v3 calls (send, reply, update, delete) for local Direct Line conversations over HTTP, served
/// by <see cref="DirectLineBotReplies"/>. The bot's own connector does not come here (it writes to the store in
/// process, <see cref="DirectLineBotReplyHandler"/>); only a caller with this process's key may
/// (<see cref="DirectLineBridge.BotKey"/>).
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

    private static async Task<IResult> Send(string conversationId, JsonObject activity, HttpRequest request, DirectLineBridge bridge, CancellationToken cancellationToken) =>
        Authorized(request, bridge) ?? Result(await bridge.Replies.StoreAsync(conversationId, null, activity, cancellationToken));

    private static async Task<IResult> Reply(string conversationId, string replyToId, JsonObject activity, HttpRequest request, DirectLineBridge bridge, CancellationToken cancellationToken) =>
        Authorized(request, bridge) ?? Result(await bridge.Replies.StoreAsync(conversationId, replyToId, activity, cancellationToken));

    private static async Task<IResult> Update(string conversationId, string activityId, JsonObject activity, HttpRequest request, DirectLineBridge bridge, CancellationToken cancellationToken) =>
        Authorized(request, bridge) ?? Result(await bridge.Replies.UpdateAsync(conversationId, activityId, activity, cancellationToken));

    private static async Task<IResult> Delete(string conversationId, string activityId, HttpRequest request, DirectLineBridge bridge, CancellationToken cancellationToken) =>
        Authorized(request, bridge) ?? Result(await bridge.Replies.DeleteAsync(conversationId, activityId, cancellationToken));

    private static IResult? Authorized(HttpRequest request, DirectLineBridge bridge) =>
        BearerToken.Equal(BearerToken.From(request), bridge.BotKey) ? null : Results.Unauthorized();

    private static IResult Result(DirectLineBotReply reply) => reply switch
    {
        { Status: HttpStatusCode.OK, Id: { } id } => Results.Ok(new DirectLineResourceResponse(id)),
        { Status: HttpStatusCode.OK } => Results.Ok(),
        _ => Results.StatusCode((int)reply.Status),
    };
}
