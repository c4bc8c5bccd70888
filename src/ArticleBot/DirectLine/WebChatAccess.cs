using ArticleBot.Channels;
using Microsoft.Extensions.Options;

namespace ArticleBot.DirectLine;

/// <summary>
/// Whether the local web chat is on (Channels:WebChatEnabled; unset means Development only) and who may open
/// Direct Line conversations: whoever presents Channels:WebChatSecret, or anyone in Development when no secret is
/// set (outside Development a secret is required, see <see cref="WebChatOptionsValidator"/>).
/// </summary>
public sealed class WebChatAccess(IOptions<ChannelsOptions> options, IHostEnvironment environment)
{
    public bool Enabled => options.Value.WebChatEnabled ?? environment.IsDevelopment();

    /// <summary>The page's own token endpoint (POST /webchat/token) exists in Development only.</summary>
    public bool IssuesPageTokens => environment.IsDevelopment();

    public bool MayOpenConversations(string? bearer) =>
        options.Value.WebChatSecret is not { Length: > 0 } secret ? environment.IsDevelopment() : BearerToken.Equal(bearer, secret);
}
