using Microsoft.Bot.Connector;
using Microsoft.Bot.Connector.Authentication;

namespace ArticleBot.DirectLine;

/// <summary>
/// Connector clients for the bot's replies to local Direct Line conversations: whatever the serviceUrl and the Bot
/// Framework credentials (MicrosoftAppId) are, their calls are served in process against the conversation store
/// (<see cref="DirectLineBotReplyHandler"/>), never sent over the network.
/// </summary>
internal sealed class DirectLineConnectorFactory(DirectLineBotReplies replies, string botKey) : ConnectorFactory
{
    public override Task<IConnectorClient> CreateAsync(string serviceUrl, string audience, CancellationToken cancellationToken)
    {
        var httpClient = new HttpClient(new DirectLineBotReplyHandler(replies), disposeHandler: true);
        IConnectorClient client = new ConnectorClient(new Uri(serviceUrl), new DirectLineBotCredentials(botKey), httpClient, disposeHttpClient: true);
        return Task.FromResult(client);
    }
}
