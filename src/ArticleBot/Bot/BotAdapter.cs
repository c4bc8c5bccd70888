using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Integration.AspNet.Core;
using Microsoft.Bot.Connector.Authentication;
using Microsoft.Bot.Schema;

namespace ArticleBot.Bot;

/// <summary>The CloudAdapter with the one place that catches everything a turn throws: log it, apologise briefly.</summary>
public sealed class BotAdapter : CloudAdapter
{
    public const string Apology = "Sorry, something went wrong while answering. Please try again in a moment.";

    public BotAdapter(BotFrameworkAuthentication authentication, ILogger<BotAdapter> logger)
        : base(authentication, logger)
    {
        OnTurnError = async (turnContext, exception) =>
        {
            logger.LogError(exception, "Turn failed in conversation {ConversationId}", turnContext.Activity.Conversation?.Id);
            // Like every answer, the apology carries the AI label (the one Message entity, without citations).
            var apology = MessageFactory.Text(Apology);
            apology.Entities = [Channels.CitationEntity.Create([])];
            await turnContext.SendActivityAsync(apology).ConfigureAwait(false);
        };
    }

    /// <summary>
    /// Runs a turn for an activity the host received itself (the local Direct Line), which has authenticated the
    /// sender and brings the connector factory for the replies. Requests to /api/messages go through ProcessAsync.
    /// </summary>
    public Task<InvokeResponse> ProcessAuthenticatedActivityAsync(
        AuthenticateRequestResult authentication, Activity activity, BotCallbackHandler callback, CancellationToken cancellationToken) =>
        ProcessActivityAsync(authentication, activity, callback, cancellationToken);
}
