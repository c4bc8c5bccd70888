using ArticleQa.Answering;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;

namespace ArticleBot.Bot;

/// <summary>The bot: a message is a question; the engine answers it; the reply carries the citations.</summary>
public sealed class QaBot(AnswerGenerator answers) : ActivityHandler
{
    protected override async Task OnMessageActivityAsync(ITurnContext<IMessageActivity> turnContext, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        var question = turnContext.Activity.Text?.Trim();
        if (string.IsNullOrEmpty(question))
        {
            return;
        }

        var answer = await answers.AnswerAsync(question, cancellationToken).ConfigureAwait(false);
        await turnContext.SendActivityAsync(ToReply(answer), cancellationToken).ConfigureAwait(false);
    }

    internal static IMessageActivity ToReply(Answer answer)
    {
        var reply = MessageFactory.Text(answer.Text);
        if (answer.Citations.Count > 0)
        {
            reply.Entities = [CitationEntity.Create(answer.Citations)];
        }

        return reply;
    }
}
