using ArticleBot.Channels;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Adapters;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Newtonsoft.Json.Linq;

namespace ArticleBot.Tests.Channels;

/// <summary>The stream interval on a clock the test moves: at most one update per interval, whatever arrives between.</summary>
public sealed class StreamingReplyTests
{
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(1);

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task UpdateAsync_TextArrivingWithinTheInterval_HeldBackUntilItHasPassed()
    {
        var time = new FakeTimeProvider();
        var (adapter, context) = Turn();
        var stream = new StreamingReply(context, Interval, NullLogger.Instance, time);

        await stream.InformAsync("Searching…", Token);
        await stream.UpdateAsync("Steve", Token);
        time.Advance(Interval - TimeSpan.FromMilliseconds(1));
        await stream.UpdateAsync("Steve Witkoff", Token);
        time.Advance(TimeSpan.FromMilliseconds(1));
        await stream.UpdateAsync("Steve Witkoff will", Token);
        await stream.UpdateAsync("Steve Witkoff will travel", Token);
        time.Advance(Interval);
        await stream.UpdateAsync("Steve Witkoff will travel to", Token);
        await stream.UpdateAsync("Steve Witkoff will travel to Moscow", Token);
        await stream.FinishAsync(MessageFactory.Text("Steve Witkoff will travel to Moscow [1]."), Token);

        var sent = Drain(adapter);
        Assert.Equal(["typing", "typing", "typing", "message"], sent.Select(a => a.Type));
        Assert.Equal(["Searching…", "Steve Witkoff will", "Steve Witkoff will travel to"], sent.Take(3).Select(a => a.Text));
        Assert.Equal([1, 2, 3], sent.Take(3).Select(a => (int)((JObject)a.ChannelData)["streamSequence"]!));
        Assert.Equal("final", (string?)((JObject)sent[3].ChannelData)["streamType"]);
    }

    [Fact]
    public async Task UpdateAsync_SameTextAfterTheInterval_NotSentAgain()
    {
        var time = new FakeTimeProvider();
        var (adapter, context) = Turn();
        var stream = new StreamingReply(context, Interval, NullLogger.Instance, time);

        await stream.InformAsync("Searching…", Token);
        time.Advance(Interval);
        await stream.UpdateAsync("Steve", Token);
        time.Advance(Interval);
        await stream.UpdateAsync("Steve", Token);

        Assert.Equal(["Searching…", "Steve"], Drain(adapter).Select(a => a.Text));
    }

    private static (TestAdapter Adapter, TurnContext Context) Turn()
    {
        var adapter = new TestAdapter(Microsoft.Bot.Connector.Channels.Msteams);
        var activity = new Activity(ActivityTypes.Message)
        {
            Id = "incoming-1",
            Text = "Who will travel to Moscow next week?",
            ChannelId = Microsoft.Bot.Connector.Channels.Msteams,
            Conversation = new ConversationAccount(id: "a:personal-chat-1"),
            From = new ChannelAccount("user-1"),
            Recipient = new ChannelAccount("bot-1"),
        };
        return (adapter, new TurnContext(adapter, activity));
    }

    private static List<Activity> Drain(TestAdapter adapter)
    {
        var sent = new List<Activity>();
        while (adapter.GetNextReply() is { } reply)
        {
            sent.Add((Activity)reply);
        }

        return sent;
    }
}
