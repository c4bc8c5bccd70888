using Microsoft.Bot.Connector;
using Microsoft.Bot.Connector.Authentication;

namespace ArticleBot.DirectLine;

/// <summary>
/// Connector clients for the bot's replies to Direct Line conversations: they call this app back on its serviceUrl
/// with <see cref="DirectLineBotCredentials"/>, whatever the Bot Framework credentials (MicrosoftAppId) are.
/// </summary>
internal sealed class DirectLineConnectorFactory(IHttpClientFactory httpClients, string botKey) : ConnectorFactory
{
    public override Task<IConnectorClient> CreateAsync(string serviceUrl, string audience, CancellationToken cancellationToken)
    {
        var httpClient = httpClients.CreateClient(DirectLineBridge.HttpClientName);
        IConnectorClient client = new ConnectorClient(new Uri(serviceUrl), new DirectLineBotCredentials(botKey), httpClient, disposeHttpClient: true);
        return Task.FromResult(client);
    }
}
