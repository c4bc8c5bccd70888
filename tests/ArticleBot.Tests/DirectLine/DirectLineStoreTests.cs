using System.Text.Json.Nodes;
using ArticleBot.DirectLine;
using Microsoft.Extensions.Time.Testing;

namespace ArticleBot.Tests.DirectLine;

public sealed class DirectLineStoreTests
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 28, 12, 0, 0, TimeSpan.Zero));

    [Fact]
    public void Append_BeyondLimit_DropsOldestAndWatermarkKeepsCounting()
    {
        var store = new DirectLineStore(_time, maxConversations: 10, maxActivities: 3, idleTimeout: TimeSpan.FromHours(1));
        var conversation = store.Create();

        var ids = Enumerable.Range(0, 5).Select(i => conversation.Append(new JsonObject { ["type"] = "message", ["text"] = $"m{i}" })).ToList();
        var all = conversation.Since(0);
        var latest = conversation.Since(4);

        Assert.Equal(["m2", "m3", "m4"], all.Activities.Select(a => a.GetProperty("text").GetString()));
        Assert.Equal("5", all.Watermark);
        Assert.Equal(ids[4], Assert.Single(latest.Activities).GetProperty("id").GetString());
        Assert.Equal($"{conversation.Id}|0000004", ids[4]);
    }

    [Fact]
    public void Find_IdleLongerThanTimeout_ReturnsNull()
    {
        var store = new DirectLineStore(_time, maxConversations: 10, maxActivities: 10, idleTimeout: TimeSpan.FromMinutes(10));
        var used = store.Create();
        var idle = store.Create();

        _time.Advance(TimeSpan.FromMinutes(6));
        Assert.True(store.Authorize(used, used.Token.Value));
        _time.Advance(TimeSpan.FromMinutes(6));

        Assert.Same(used, store.Find(used.Id));
        Assert.Null(store.Find(idle.Id));
    }

    [Fact]
    public void Create_AtCapacity_EvictsLeastRecentlyUsed()
    {
        var store = new DirectLineStore(_time, maxConversations: 2, maxActivities: 10, idleTimeout: TimeSpan.FromHours(1));
        var first = store.Create();
        _time.Advance(TimeSpan.FromSeconds(1));
        var second = store.Create();
        _time.Advance(TimeSpan.FromSeconds(1));
        store.Authorize(first, first.Token.Value);

        var third = store.Create();

        Assert.Equal(2, store.Count);
        Assert.NotNull(store.Find(first.Id));
        Assert.Null(store.Find(second.Id));
        Assert.NotNull(store.Find(third.Id));
    }

    [Fact]
    public void Authorize_PreviousTokenAfterRefresh_AcceptedUntilItExpires()
    {
        var store = new DirectLineStore(_time);
        var conversation = store.Create();
        var old = conversation.Token;

        _time.Advance(TimeSpan.FromMinutes(15));
        var refreshed = store.Refresh(conversation);

        Assert.True(store.Authorize(conversation, old.Value));
        Assert.True(store.Authorize(conversation, refreshed.Value));
        _time.Advance(TimeSpan.FromMinutes(16));
        Assert.False(store.Authorize(conversation, old.Value));
        Assert.True(store.Authorize(conversation, refreshed.Value));
        Assert.Same(conversation, store.FindByToken(refreshed.Value));
    }

    [Fact]
    public void FindByToken_ForgedOrOtherConversationsToken_ReturnsNull()
    {
        var store = new DirectLineStore(_time);
        var mine = store.Create();
        var other = store.Create();
        var otherSecret = other.Token.Value[(other.Id.Length + 1)..];

        Assert.Null(store.FindByToken($"{mine.Id}.{otherSecret}"));
        Assert.Null(store.FindByToken(mine.Id));
        Assert.Null(store.FindByToken(null));
        Assert.False(store.Authorize(mine, other.Token.Value));
    }
}
