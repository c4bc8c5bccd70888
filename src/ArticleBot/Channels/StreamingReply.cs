using Microsoft.Bot.Builder;
using Microsoft.Bot.Connector;
using Microsoft.Bot.Schema;
using Newtonsoft.Json.Linq;

namespace ArticleBot.Channels;

/// <summary>
/// The Teams streaming protocol (also read by Web Chat 4.18 from <c>channelData</c>): an informative typing update,
/// then typing chunks carrying the whole text so far (sequence 2, 3, ...; at most one per interval), then the final
/// message with <c>streamType: final</c>. Metadata goes in both the <c>streaminfo</c> entity and <c>channelData</c>.
/// When the channel refuses streaming, the reply falls back to one final message.
/// </summary>
public sealed class StreamingReply(ITurnContext turnContext, TimeSpan interval, ILogger logger, TimeProvider time)
{
    private long _lastSent;
    private string? _streamId;
    private int _sequence;
    private bool _disabled;
    private string _lastText = "";

    /// <summary>True while the channel accepts the stream.</summary>
    public bool IsStreaming => _streamId is not null && !_disabled;

    public async Task InformAsync(string text, CancellationToken cancellationToken)
    {
        var response = await SendAsync(Typing(text, "informative"), cancellationToken);
        _streamId = string.IsNullOrEmpty(response?.Id) ? null : response.Id;
        _disabled |= _streamId is null;
        _lastSent = time.GetTimestamp();
    }

    /// <summary>Sends the text so far, unless the last update was less than the interval ago.</summary>
    public async Task UpdateAsync(string textSoFar, CancellationToken cancellationToken)
    {
        if (!IsStreaming || textSoFar.Length == 0 || textSoFar == _lastText || time.GetElapsedTime(_lastSent) < interval)
        {
            return;
        }

        _lastText = textSoFar;
        await SendAsync(Typing(textSoFar, "streaming"), cancellationToken);
        _lastSent = time.GetTimestamp();
    }

    /// <summary>
    /// Sends the final message: with the stream's closing metadata while streaming, as a plain message otherwise.
    /// Returns the id of the message the user sees: while streaming that is the stream id, because the stream's first
    /// send created the message (Teams answers later sends 202 without an id, and feedback's replyToId names the stream).
    /// </summary>
    public async Task<ResourceResponse?> FinishAsync(IMessageActivity final, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(final);
        if (!IsStreaming)
        {
            return await turnContext.SendActivityAsync(final, cancellationToken);
        }

        final.Entities = [.. final.Entities ?? [], StreamInfo("final", sequence: null)];
        var channelData = final.ChannelData as JObject ?? [];
        channelData["streamId"] = _streamId;
        channelData["streamType"] = "final";
        final.ChannelData = channelData;
        await turnContext.SendActivityAsync(final, cancellationToken);
        return new ResourceResponse(_streamId);
    }

    private Activity Typing(string text, string streamType)
    {
        _sequence++;
        var channelData = new JObject { ["streamType"] = streamType, ["streamSequence"] = _sequence };
        if (_streamId is not null)
        {
            channelData["streamId"] = _streamId;
        }

        return new Activity(ActivityTypes.Typing) { Text = text, Entities = [StreamInfo(streamType, _sequence)], ChannelData = channelData };
    }

    private Entity StreamInfo(string streamType, int? sequence)
    {
        var info = new JObject { ["streamType"] = streamType };
        if (sequence is { } n)
        {
            info["streamSequence"] = n;
        }

        if (_streamId is not null)
        {
            info["streamId"] = _streamId;
        }

        return new Entity("streaminfo") { Properties = info };
    }

    private async Task<ResourceResponse?> SendAsync(Activity activity, CancellationToken cancellationToken)
    {
        try
        {
            return await turnContext.SendActivityAsync(activity, cancellationToken);
        }
        catch (ErrorResponseException e)
        {
            // Teams refuses streaming in group chats and channels, or when the user pressed Stop.
            logger.LogInformation("The channel refused streaming ({Status}: {Message}); sending one final message", e.Response?.StatusCode, e.Body?.Error?.Message);
            _disabled = true;
            return null;
        }
    }
}
