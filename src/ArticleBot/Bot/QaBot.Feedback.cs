using ArticleBot.Channels;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using Newtonsoft.Json.Linq;

namespace ArticleBot.Bot;

public sealed partial class QaBot
{
    public const string WebChatFeedbackEvent = "webchat:activity-status/feedback";

    /// <summary>Teams feedback (<c>message/submitAction</c>): stored, answered 200 with an empty body, no chat message.</summary>
    protected override async Task<InvokeResponse> OnInvokeActivityAsync(ITurnContext<IInvokeActivity> turnContext, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        var activity = turnContext.Activity;
        if (activity.Name == "message/submitAction" && activity.Value is JObject value && (string?)value["actionName"] == "feedback")
        {
            var reaction = (string?)value["actionValue"]?["reaction"] ?? "unknown";
            var comment = FeedbackText(value["actionValue"]?["feedback"]);
            var data = await _data.GetAsync(turnContext, () => new ConversationData(), cancellationToken);
            var answer = data.Answers.LastOrDefault(a => a.ActivityId is not null && a.ActivityId == activity.ReplyToId);
            await StoreAsync(activity.ChannelId, reaction, comment, answer, activity.ReplyToId, cancellationToken);
            return new InvokeResponse { Status = 200 };
        }

        return await base.OnInvokeActivityAsync(turnContext, cancellationToken);
    }

    /// <summary>Web Chat 4.18 feedback: an event whose entity is the Like/Dislike action we sent, its @id naming the answer.</summary>
    protected override async Task OnEventActivityAsync(ITurnContext<IEventActivity> turnContext, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        var activity = turnContext.Activity;
        if (activity.Name != WebChatFeedbackEvent)
        {
            return;
        }

        var action = activity.Entities?.Select(e => e.Properties).FirstOrDefault(p => ((string?)p["@type"])?.EndsWith("Action", StringComparison.Ordinal) == true);
        var id = (string?)action?["@id"] ?? "";
        var parts = id.Split(':');
        if (parts.Length != 3 || parts[0] != "fb")
        {
            logger.LogWarning("Web Chat feedback without a recognisable action id: {Id}", id);
            return;
        }

        var data = await _data.GetAsync(turnContext, () => new ConversationData(), cancellationToken);
        var answer = data.Answers.LastOrDefault(a => a.Id == parts[2]);
        await StoreAsync(activity.ChannelId, parts[1], comment: null, answer, parts[2], cancellationToken);
    }

    protected override async Task OnMembersAddedAsync(IList<ChannelAccount> membersAdded, ITurnContext<IConversationUpdateActivity> turnContext, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(membersAdded);
        ArgumentNullException.ThrowIfNull(turnContext);
        if (membersAdded.Any(m => m.Id != turnContext.Activity.Recipient?.Id))
        {
            await turnContext.SendActivityAsync(MessageFactory.Text(await commands.WelcomeAsync(cancellationToken)), cancellationToken);
        }
    }

    private Task StoreAsync(string channel, string reaction, string? comment, AnswerRecord? answer, string? answerId, CancellationToken cancellationToken) =>
        feedback.AppendAsync(
            new FeedbackEntry(
                DateTimeOffset.UtcNow,
                channel,
                reaction,
                comment,
                answer?.Id ?? answerId ?? "",
                answer?.Question,
                answer?.Answer,
                answer?.CitedPassageIds ?? [],
                answer?.PromptHash),
            cancellationToken);

    /// <summary>Teams sends the default form's text as a JSON string <c>{"feedbackText": "..."}</c>.</summary>
    private static string? FeedbackText(JToken? feedback)
    {
        var raw = feedback?.Type == JTokenType.String ? (string?)feedback : feedback?.ToString();
        if (string.IsNullOrWhiteSpace(raw))
        {
            return null;
        }

        try
        {
            return (string?)JObject.Parse(raw)["feedbackText"] ?? raw;
        }
        catch (Newtonsoft.Json.JsonReaderException)
        {
            return raw;
        }
    }
}
