using System.Net;

namespace ArticleBot.DirectLine;

/// <summary>The outcome of a Bot Connector call on a local Direct Line conversation: a status, and the activity's id when there is one.</summary>
internal sealed record DirectLineBotReply(HttpStatusCode Status, string? Id)
{
    public static DirectLineBotReply NotFound { get; } = new(HttpStatusCode.NotFound, null);
}
