using System.Net.Http.Headers;
using Microsoft.Rest;

namespace ArticleBot.DirectLine;

/// <summary>What the bot's connector presents to the bot-facing Direct Line endpoints: the process's own random key.</summary>
internal sealed class DirectLineBotCredentials(string key) : ServiceClientCredentials
{
    public override Task ProcessHttpRequestAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
        return Task.CompletedTask;
    }
}
