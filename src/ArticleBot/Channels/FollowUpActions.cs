using ArticleQa.Answering;
using Microsoft.Bot.Schema;

namespace ArticleBot.Channels;

/// <summary>
/// Suggested follow-up questions on a reply, as each channel shows them: Teams (personal chats only) gets at most 3
/// suggested actions titled in at most 20 characters, Web Chat gets buttons with the whole question, the Emulator and
/// other channels a short list under the answer. Clicking a button sends its question (imBack) as the user's message.
/// </summary>
public static class FollowUpActions
{
    public const int MaxActions = 3;
    public const int MaxTeamsTitleLength = 20;
    public const string ListHeading = "**You could also ask**";

    /// <param name="personal">True outside group chats and channels, where nothing is suggested.</param>
    public static void Add(IMessageActivity reply, IReadOnlyList<FollowUp> followUps, ChannelKind kind, bool personal)
    {
        ArgumentNullException.ThrowIfNull(reply);
        ArgumentNullException.ThrowIfNull(followUps);
        var shown = followUps.Take(MaxActions).ToList();
        if (shown.Count == 0 || !personal)
        {
            return;
        }

        switch (kind)
        {
            case ChannelKind.Teams:
                reply.SuggestedActions = Actions(shown.Select(f => (CitationEntity.Truncate(f.Title, MaxTeamsTitleLength), f.Question)));
                break;
            case ChannelKind.WebChat:
                reply.SuggestedActions = Actions(shown.Select(f => (f.Question, f.Question)));
                break;
            default:
                reply.Text += $"\n\n{ListHeading}\n" + string.Join('\n', shown.Select(f => $"- {f.Question}"));
                break;
        }
    }

    private static SuggestedActions Actions(IEnumerable<(string Title, string Question)> actions) => new()
    {
        Actions = [.. actions.Select(a => new CardAction(ActionTypes.ImBack, a.Title, value: a.Question))],
    };
}
