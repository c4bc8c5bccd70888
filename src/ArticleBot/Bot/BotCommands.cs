using System.Globalization;
using System.Text;
using ArticleQa.Answering;
using ArticleQa.Retrieval;
using ArticleQa.Text;
using Microsoft.Bot.Builder;

namespace ArticleBot.Bot;

/// <summary>The bot's commands (help, articles, reset) and its welcome text.</summary>
public sealed class BotCommands(ArticleLibrary library)
{
    public const string ResetDone = "Done: I forgot this conversation. Ask me anything about the articles.";

    public async Task<bool> TryRunAsync(ITurnContext turnContext, string text, ConversationData data, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        ArgumentNullException.ThrowIfNull(data);
        switch (text.Trim().TrimStart('/').ToLowerInvariant())
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
        using var lease = await library.LeaseIndexAsync(cancellationToken);
        var index = lease.Index;
        var text = new StringBuilder()
            .Append(CultureInfo.InvariantCulture, $"Hi! I answer questions about {index.Articles.Count} article{(index.Articles.Count == 1 ? "" : "s")}, ")
            .Append("and every claim in my answers cites the passage it came from, like [1]. ")
            .Append("If the articles don't cover a question, I'll say so.\n\n");
        var examples = ExampleQuestions(index);
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

    /// <summary>Two questions about names that appear in the articles' opening passages.</summary>
    internal static IReadOnlyList<string> ExampleQuestions(PassageIndex index)
    {
        var names = Enumerable.Range(0, Math.Min(index.PassageCount, 20))
            .Select(i => index.GetPassage(i))
            .Where(p => p.Ordinal == 0)
            .SelectMany(p => NamedEntities.Find(string.Join('\n', p.Text.Split('\n').Skip(1))))
            .Where(name => name.Length > 3)
            .Distinct(StringComparer.Ordinal)
            .Take(2);
        var text = string.Join('\n', Enumerable.Range(0, Math.Min(index.PassageCount, 20)).Select(i => index.GetPassage(i).Text));
        return names.Select(name => FollowUpGenerator.QuestionsAbout(name, text)[0]).ToList();
    }
}
