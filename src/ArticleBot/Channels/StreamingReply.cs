using Microsoft.Bot.Builder;
using Microsoft.Bot.Connector;
using Microsoft.Bot.Schema;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace ArticleBot.Channels;

/// <summary>
/// The Teams streaming protocol (also read by Web Chat 4.18 from <c>channelData</c>): an informative typing update,
/// then typing chunks carrying the whole text so far (sequence 2, 3, ...; at most one per interval; each extending the
/// last), then the final message with <c>streamType: final</c>. The edge cases follow the Agents SDK's StreamingResponse:
/// <list type="bullet">
/// <item>the channel refuses the stream at the start (group chats, channels): one plain final message;</item>
/// <item>the user pressed Stop (403 "cancelled by user"): nothing more is sent;</item>
/// <item>the stream reaches <see cref="ChannelsOptions.StreamLimitSeconds"/> (Teams ends streams at 2 minutes): it is
/// closed with a final carrying the text so far, and the answer later updates that message;</item>
/// <item>the final is refused, or would not extend what was streamed: the streamed message is updated with the answer,
/// or, when that is refused too, the answer is sent once as a new message.</item>
/// </list>
/// </summary>
public sealed class StreamingReply(ITurnContext turnContext, ChannelsOptions options, TimeProvider time, ILogger logger) : IDisposable
{
    /// <summary>What Teams says when the user pressed Stop (the Agents SDK's TeamsStreamCancelled).</summary>
    public const string CancelledByUser = "cancelled by user";

    /// <summary>The final's text when the stream is closed early before anything was streamed (Teams rejects empty ones).</summary>
    public const string StillWorking = "Still working on the answer…";

    private readonly SemaphoreSlim _sending = new(1, 1);
    private readonly TimeSpan _interval = TimeSpan.FromMilliseconds(options.StreamIntervalMilliseconds);
    private ITimer? _limit;
    private long _lastSentAt;
    private string? _streamId;
    private int _sequence;
    private StreamState _state = StreamState.NotStarted;
    private string _lastText = "";

    private enum StreamState
    {
        NotStarted,
        Streaming,
        Refused,
        Closed,
        Stopped,
    }

    /// <summary>True while the channel accepts the stream.</summary>
    public bool IsStreaming => _state == StreamState.Streaming;

    /// <summary>True once the user pressed Stop: the turn should end without sending anything more.</summary>
    public bool IsStopped => _state == StreamState.Stopped;

    public async Task InformAsync(string text, CancellationToken cancellationToken)
    {
        var response = await SendOnStreamAsync(Typing(text, "informative", entities: null), cancellationToken);
        _streamId = string.IsNullOrEmpty(response?.Id) ? null : response.Id;
        if (_streamId is null)
        {
            _state = _state == StreamState.Stopped ? _state : StreamState.Refused;
            return;
        }

        _state = StreamState.Streaming;
        _lastSentAt = time.GetTimestamp();
        _limit = time.CreateTimer(_ => _ = CloseInTimeAsync(), null, TimeSpan.FromSeconds(options.StreamLimitSeconds), Timeout.InfiniteTimeSpan);
    }

    /// <summary>
    /// Sends <paramref name="chunk"/> (the rendered answer so far, whose answer text is <paramref name="textSoFar"/>)
    /// unless the last update was less than the interval ago or the text does not extend what was streamed.
    /// </summary>
    public async Task UpdateAsync(string textSoFar, IMessageActivity chunk, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(textSoFar);
        ArgumentNullException.ThrowIfNull(chunk);
        if (!IsStreaming || textSoFar.Length <= _lastText.Length || !textSoFar.StartsWith(_lastText, StringComparison.Ordinal)
            || time.GetElapsedTime(_lastSentAt) < _interval)
        {
            return;
        }

        await _sending.WaitAsync(cancellationToken);
        try
        {
            if (!IsStreaming)
            {
                return;
            }

            _lastText = textSoFar;
            await SendOnStreamAsync(Typing(chunk.Text, "streaming", chunk.Entities), cancellationToken);
            _lastSentAt = time.GetTimestamp();
        }
        finally
        {
            _sending.Release();
        }
    }

    /// <summary>
    /// Sends the answer: closing the stream while streaming, as a plain message when the channel never streamed, as an
    /// update of the streamed message when the stream was closed early, nothing when the user pressed Stop.
    /// Returns the id of the message the user sees (while streaming the stream id: the stream's first send created it).
    /// </summary>
    /// <param name="answerText">The answer's text as the chunks carried it, to check that the final extends them.</param>
    public async Task<ResourceResponse?> FinishAsync(IMessageActivity final, string answerText, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(final);
        ArgumentNullException.ThrowIfNull(answerText);
        DisposeTimer();
        await _sending.WaitAsync(cancellationToken);
        try
        {
            switch (_state)
            {
                case StreamState.Stopped:
                    return null;
                case StreamState.NotStarted or StreamState.Refused:
                    return await turnContext.SendActivityAsync(final, cancellationToken);
                case StreamState.Streaming when answerText.StartsWith(_lastText, StringComparison.Ordinal):
                    if (await SendOnStreamAsync(StreamFinal(final), cancellationToken) is not null)
                    {
                        return new ResourceResponse(_streamId);
                    }

                    return IsStopped ? null : await UpdateOrSendAsync(final, cancellationToken);
                case StreamState.Streaming:
                    // The answer would not extend what was streamed: close the stream as it stands, then replace it.
                    await CloseAsync(cancellationToken);
                    return IsStopped ? null : await UpdateOrSendAsync(final, cancellationToken);
                default:
                    return await UpdateOrSendAsync(final, cancellationToken);
            }
        }
        finally
        {
            _sending.Release();
        }
    }

    public void Dispose()
    {
        DisposeTimer();
        _sending.Dispose();
    }

    private async Task CloseInTimeAsync()
    {
        try
        {
            await _sending.WaitAsync();
            try
            {
                if (IsStreaming)
                {
                    logger.LogInformation("Stream {StreamId} reached {Limit} s; closing it before the channel does", _streamId, options.StreamLimitSeconds);
                    await CloseAsync(CancellationToken.None);
                }
            }
            finally
            {
                _sending.Release();
            }
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // A timer callback has nobody to throw to; the final answer is still sent (as an update or a new message).
            logger.LogWarning(e, "Closing stream {StreamId} in time failed", _streamId);
            _state = _state == StreamState.Stopped ? _state : StreamState.Closed;
        }
    }

    /// <summary>Ends the stream with a final that carries what was streamed (the answer replaces it afterwards).</summary>
    private async Task CloseAsync(CancellationToken cancellationToken)
    {
        var closing = MessageFactory.Text(_lastText.Length > 0 ? _lastText : StillWorking);
        await SendOnStreamAsync(StreamFinal(closing), cancellationToken);
        if (_state != StreamState.Stopped)
        {
            _state = StreamState.Closed;
        }
    }

    /// <summary>Replaces the streamed message with the answer; sends it as a new message when the update is refused.</summary>
    private async Task<ResourceResponse?> UpdateOrSendAsync(IMessageActivity final, CancellationToken cancellationToken)
    {
        var update = Copy(final);
        update.Id = _streamId;
        try
        {
            await turnContext.UpdateActivityAsync(update, cancellationToken);
            return new ResourceResponse(_streamId);
        }
        catch (ErrorResponseException e)
        {
            logger.LogInformation("The channel refused updating stream {StreamId} ({Status}); sending the answer as a new message", _streamId, e.Response?.StatusCode);
            return await turnContext.SendActivityAsync(final, cancellationToken);
        }
    }

    private Activity StreamFinal(IMessageActivity final)
    {
        var activity = Copy(final);
        activity.Entities = [.. activity.Entities ?? [], StreamInfo("final", sequence: null)];
        var channelData = activity.ChannelData as JObject ?? [];
        channelData["streamId"] = _streamId;
        channelData["streamType"] = "final";
        activity.ChannelData = channelData;
        return activity;
    }

    /// <summary>
    /// A typing update. The informative one (no stream id yet) keeps its sequence in the streaminfo entity only: Web Chat
    /// 4.18.1 would otherwise match it with every earlier stream's informative (also without a stream id) and draw the
    /// answer next to the first question when the Direct Line stamps no sequence ids (botframework-webchat#5222).
    /// </summary>
    private Activity Typing(string text, string streamType, IList<Entity>? entities)
    {
        _sequence++;
        var channelData = new JObject { ["streamType"] = streamType };
        if (_streamId is not null)
        {
            channelData["streamId"] = _streamId;
            channelData["streamSequence"] = _sequence;
        }

        return new Activity(ActivityTypes.Typing)
        {
            Text = text,
            Entities = [.. entities ?? [], StreamInfo(streamType, _sequence)],
            ChannelData = channelData,
        };
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

    /// <summary>Sends one activity of the stream; a refusal ends the stream (Stop: ends the turn's sending too).</summary>
    private async Task<ResourceResponse?> SendOnStreamAsync(Activity activity, CancellationToken cancellationToken)
    {
        try
        {
            return await turnContext.SendActivityAsync(activity, cancellationToken) ?? new ResourceResponse(_streamId);
        }
        catch (ErrorResponseException e)
        {
            var message = e.Body?.Error?.Message ?? "";
            var stopped = message.Contains(CancelledByUser, StringComparison.OrdinalIgnoreCase);
            logger.LogInformation("The channel refused the stream ({Status}: {Message}); {Next}", e.Response?.StatusCode, message, stopped ? "the user stopped it" : "falling back to one message");
            _state = stopped ? StreamState.Stopped : _streamId is null ? StreamState.Refused : StreamState.Closed;
            return null;
        }
    }

    private static Activity Copy(IMessageActivity activity) =>
        JsonConvert.DeserializeObject<Activity>(JsonConvert.SerializeObject(activity))!;

    private void DisposeTimer()
    {
        _limit?.Dispose();
        _limit = null;
    }
}
