using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace ArticleBot.DirectLine;

/// <summary>
/// The message handler under the bot's connector for local Direct Line conversations: it serves the Bot Connector
/// calls (send and reply to activity, update, delete) in process, through <see cref="DirectLineBotReplies"/>, so the
/// replies land in the shared stream whichever instance runs the turn, and no request goes to the activity's
/// serviceUrl (one instance's loopback address). Any other call is a 404, as it would be over HTTP.
/// </summary>
internal sealed class DirectLineBotReplyHandler(DirectLineBotReplies replies) : HttpMessageHandler
{
    private const string Prefix = "v3/conversations/";

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var reply = await ServeAsync(request, cancellationToken);
        var response = new HttpResponseMessage(reply.Status) { RequestMessage = request };
        if (reply.Id is { } id)
        {
            response.Content = JsonContent.Create(new DirectLineResourceResponse(id), options: JsonSerializerOptions.Web);
        }

        return response;
    }

    private async Task<DirectLineBotReply> ServeAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var path = request.RequestUri?.AbsolutePath ?? "";
        var start = path.IndexOf(Prefix, StringComparison.Ordinal);
        var segments = start < 0 ? [] : path[(start + Prefix.Length)..].Split('/');
        if (segments.Length is not (2 or 3) || segments[1] != "activities" || segments[0].Length == 0)
        {
            return DirectLineBotReply.NotFound;
        }

        var conversationId = Uri.UnescapeDataString(segments[0]);
        var activityId = segments.Length == 3 && segments[2].Length > 0 ? Uri.UnescapeDataString(segments[2]) : null;
        if (request.Method == HttpMethod.Delete)
        {
            return activityId is null ? DirectLineBotReply.NotFound : await replies.DeleteAsync(conversationId, activityId, cancellationToken);
        }

        if (request.Method != HttpMethod.Post && request.Method != HttpMethod.Put)
        {
            return new DirectLineBotReply(HttpStatusCode.MethodNotAllowed, null);
        }

        if (request.Content is null || JsonNode.Parse(await request.Content.ReadAsStringAsync(cancellationToken)) is not JsonObject activity)
        {
            return new DirectLineBotReply(HttpStatusCode.BadRequest, null);
        }

        if (request.Method == HttpMethod.Post)
        {
            return await replies.StoreAsync(conversationId, activityId, activity, cancellationToken);
        }

        return activityId is null ? new DirectLineBotReply(HttpStatusCode.MethodNotAllowed, null) : await replies.UpdateAsync(conversationId, activityId, activity, cancellationToken);
    }
}
