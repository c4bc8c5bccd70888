using System.Globalization;
using System.Text;
using ArticleQa.Answering;
using ArticleQa.Retrieval;
using Microsoft.Bot.Builder;

namespace ArticleBot.Bot;

/// <summary>The bot's commands (help, articles, reset), its welcome text, and its replies to a greeting or a thank-you.</summary>
public sealed class BotCommands(ArticleLibrary library, FollowUpGenerator followUps)
{
    public const string ResetDone = "Done: I forgot this conversation. Ask me anything about the articles.";

    public const string YoureWelcome = "You're welcome. Ask me anything else about the articles.";

    public async Task<bool> TryRunAsync(ITurnContext turnContext, string text, ConversationData data, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        ArgumentNullException.ThrowIfNull(data);
        var command = text.Trim().TrimStart('/').ToLowerInvariant();
        if (QuestionWording.IsGreetingAlone(command) || QuestionWording.IsHelpRequest(command))
        {
            // "Hi" or "What can you do?" is not a question about the articles: the welcome says what to ask instead
            // of "they don't cover that".
            command = "help";
        }
        else if (QuestionWording.IsThanksAlone(command))
        {
            await turnContext.SendActivityAsync(MessageFactory.Text(YoureWelcome), cancellationToken);
            return true;
        }

        switch (command)
        {
            case "help":
                await turnContext.SendActivityAsync(MessageFactory.Text(await WelcomeAsync(cancellationToken)), cancellationToken);
                return true;
            case "articles":
                await turnContext.SendActivityAsync(MessageFactory.Text(await ArticleListAsync(cancellationToken)), cancellationToken);
                return true;
            case "reset":
                data.Conversation.Clear();
                await turnContext.SendActivityAsync(MessageFactory.Text(ResetDone), cancellationToken);
                return true;
            default:
                return false;
        }
    }

    public async Task<string> WelcomeAsync(CancellationToken cancellationToken)
    {
        var articles = (await library.GetIndexAsync(cancellationToken)).Articles.Count;
        var text = new StringBuilder()
            .Append(CultureInfo.InvariantCulture, $"Hi! I answer questions about {articles} article{(articles == 1 ? "" : "s")}, ")
            .Append("and every claim in my answers cites the passage it came from, like [1]. ")
            .Append("If the articles don't cover a question, I'll say so.\n\n");
        var examples = await followUps.StarterQuestionsAsync(cancellationToken);
        if (examples.Count > 0)
        {
            text.Append("Try:\n").AppendJoin('\n', examples.Select(e => $"- {e}")).Append("\n\n");
        }

        return text.Append("Commands: **help**, **articles** (what I know), **reset** (forget this conversation).").ToString();
    }

    private async Task<string> ArticleListAsync(CancellationToken cancellationToken)
    {
        var index = await library.GetIndexAsync(cancellationToken);
        if (index.Articles.Count == 0)
        {
            return "I don't have any articles yet.";
        }

        var lines = index.Articles.Values
            .OrderByDescending(a => a.Published)
            .ThenBy(a => a.Title, StringComparer.Ordinal)
            .Take(50)
            .Select(a => $"- {a.Title}{(a.Published is { } p ? $" ({p.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)})" : "")}");
        var more = index.Articles.Count > 50 ? $"\n\n…and {index.Articles.Count - 50} more." : "";
        return $"I know {index.Articles.Count} article{(index.Articles.Count == 1 ? "" : "s")}:\n\n{string.Join('\n', lines)}{more}";
    }
}
