using ArticleBot.ArticlePages;
using ArticleBot.Channels;
using ArticleBot.Storage;
using ArticleQa.Answering;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.Options;

namespace ArticleBot.Bot;

/// <summary>
/// The bot: a message is a question (or one of the commands help, articles, reset); the engine answers it with the
/// conversation's recent turns; the reply is rendered for the channel and streamed where the channel allows it, with
/// suggested follow-up questions in personal conversations. In group chats and channels the bot answers only when @mentioned.
/// </summary>
public sealed partial class QaBot(
    AnswerGenerator answers,
    FollowUpGenerator followUps,
    PublicBase publicBase,
    TimeProvider time,
    ConversationState conversationState,
    IFeedbackStore feedback,
    BotCommands commands,
    IOptions<ChannelsOptions> channelOptions,
    ILogger<QaBot> logger) : ActivityHandler
{
    public const string Informative = "Searching the articles…";

    private readonly IStatePropertyAccessor<ConversationData> _data = conversationState.CreateProperty<ConversationData>(nameof(ConversationData));

    public override async Task OnTurnAsync(ITurnContext turnContext, CancellationToken cancellationToken = default)
    {
        await base.OnTurnAsync(turnContext, cancellationToken);
        await conversationState.SaveChangesAsync(turnContext, force: false, cancellationToken);
    }

    protected override async Task OnMessageActivityAsync(ITurnContext<IMessageActivity> turnContext, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        var activity = turnContext.Activity;
        if (IsGroupConversation(activity))
        {
            if (!activity.GetMentions().Any(m => m.Mentioned?.Id == activity.Recipient?.Id))
            {
                return;
            }

            activity.RemoveRecipientMention();
        }

        var text = activity.Text?.Trim() ?? "";
        if (text.Length == 0)
        {
            return;
        }

        if (text.Length > channelOptions.Value.MaxQuestionCharacters)
        {
            await turnContext.SendActivityAsync(MessageFactory.Text(TooLong(text.Length, channelOptions.Value.MaxQuestionCharacters)), cancellationToken);
            return;
        }

        var data = await _data.GetAsync(turnContext, () => new ConversationData(), cancellationToken);
        if (await commands.TryRunAsync(turnContext, text, data, cancellationToken))
        {
            return;
        }

        await AnswerAsync(turnContext, text, data, cancellationToken);
    }

    public static string TooLong(int length, int max) => string.Create(
        System.Globalization.CultureInfo.InvariantCulture,
        $"Your question is {length:N0} characters long; I take questions of up to {max:N0} characters. Please shorten it.");

    private async Task AnswerAsync(ITurnContext<IMessageActivity> turnContext, string question, ConversationData data, CancellationToken cancellationToken)
    {
        var kind = ChannelKinds.Of(turnContext.Activity.ChannelId);
        var answerId = Guid.NewGuid().ToString("N")[..12];
        var articleBase = publicBase.For(turnContext.Activity);
        Answer answer;
        ResourceResponse? sent;
        if (CanStream(turnContext.Activity, kind))
        {
            using var stream = new StreamingReply(turnContext, channelOptions.Value, time, logger);
            await stream.InformAsync(Informative, cancellationToken);
            answer = await StreamAnswerAsync(stream, question, data.Conversation, kind, articleBase, cancellationToken);
            if (stream.IsStopped)
            {
                logger.LogInformation("The user stopped answer {AnswerId}; nothing more is sent", answerId);
                return;
            }

            var reply = await RenderAsync(turnContext.Activity, question, answer, data.Conversation, kind, answerId, articleBase, cancellationToken);
            sent = await stream.FinishAsync(reply, ReplyRenderer.TextOf(answer), cancellationToken);
        }
        else
        {
            await turnContext.SendActivityAsync(new Activity(ActivityTypes.Typing), cancellationToken);
            answer = await answers.AnswerAsync(question, data.Conversation, cancellationToken);
            sent = await turnContext.SendActivityAsync(await RenderAsync(turnContext.Activity, question, answer, data.Conversation, kind, answerId, articleBase, cancellationToken), cancellationToken);
        }

        Remember(data, question, answer, answerId, sent?.Id);
    }

    private async Task<Answer> StreamAnswerAsync(StreamingReply stream, string question, Conversation conversation, ChannelKind kind, Uri? articleBase, CancellationToken cancellationToken)
    {
        await foreach (var update in answers.StreamAsync(question, conversation, cancellationToken))
        {
            if (update.Final is { } final)
            {
                return final;
            }

            // Only the verified answer of the finished sentences is streamed, so every chunk extends the last.
            if (update.Verified is { } soFar)
            {
                await stream.UpdateAsync(ReplyRenderer.TextOf(soFar), ReplyRenderer.RenderChunk(soFar, kind, articleBase), cancellationToken);
            }

            if (stream.IsStopped)
            {
                return Answer.NotCoveredAnswer;
            }
        }

        throw new InvalidOperationException("The answer stream ended without a final answer.");
    }

    private async Task<IMessageActivity> RenderAsync(IMessageActivity incoming, string question, Answer answer, Conversation conversation, ChannelKind kind, string answerId, Uri? articleBase, CancellationToken cancellationToken)
    {
        var reply = ReplyRenderer.Render(answer, kind, answerId, articleBase);
        var personal = !IsGroupConversation(incoming);
        if (channelOptions.Value.FollowUps && personal)
        {
            // None that would bring an answer this conversation has had already.
            FollowUpActions.Add(reply, await followUps.SuggestAsync(question, answer, conversation.Turns.Select(t => t.Answer), cancellationToken), kind, personal);
        }

        foreach (var problem in ReplyValidator.Validate(reply, kind))
        {
            logger.LogWarning("Reply {AnswerId} breaks a channel limit: {Problem}", answerId, problem);
        }

        return reply;
    }

    /// <summary>The answer by id for feedback (the engine has already recorded the turn in the conversation).</summary>
    private static void Remember(ConversationData data, string question, Answer answer, string answerId, string? activityId)
    {
        var cited = answer.Citations.Select(c => c.PassageId).ToList();
        data.Answers.Add(new AnswerRecord(answerId, question, answer.Text, cited, answer.PromptHash, activityId));
        data.Answers = data.Answers.TakeLast(20).ToList();
    }

    /// <summary>Streaming where the channel allows it: Teams personal chats and Web Chat, never for expectReplies.</summary>
    private bool CanStream(IMessageActivity activity, ChannelKind kind) =>
        channelOptions.Value.Streaming
        && activity.DeliveryMode != DeliveryModes.ExpectReplies
        && (kind == ChannelKind.WebChat || (kind == ChannelKind.Teams && activity.Conversation?.ConversationType is null or "personal"));

    private static bool IsGroupConversation(IMessageActivity activity) =>
        activity.Conversation?.IsGroup == true || activity.Conversation?.ConversationType is "groupChat" or "channel";
}
