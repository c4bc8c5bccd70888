using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using ArticleBot.Cli;
using ArticleBot.Storage;
using ArticleBot.Storage.Postgres;
using ArticleBot.Tests.Cli;
using ArticleBot.Tests.DirectLine;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace ArticleBot.Tests.Storage;

/// <summary>Two in-process hosts on one PostgreSQL database, as two instances behind a load balancer.</summary>
[Collection(PostgresTestDatabase.Collection)]
public sealed class PostgresTwoHostTests
{
    private const string Question = DirectLineConversationTests.Question;

    [Fact]
    public async Task DirectLine_StartedOnAPostedOnB_AnsweredAndReadBackOnA()
    {
        await using var database = await PostgresTestDatabase.CreateAsync();
        await using var a = await DirectLineHost.StartAsync(settings: database.Settings());
        await using var b = await DirectLineHost.StartAsync(settings: database.Settings());
        var onA = await DirectLineTestClient.ForPageTokenAsync(a.Client);
        using var started = await onA.StartAsync();
        var onB = new DirectLineTestClient(b.Client, onA.Token);

        using var posted = await onB.SendAsync(HttpMethod.Post, $"/v3/directline/conversations/{onA.ConversationId}/activities", DirectLineTestClient.Message(Question, "client-1"));
        var echoId = (string)(await posted.Content.ReadFromJsonAsync<JsonObject>(TestContext.Current.CancellationToken))!["id"]!;
        var activities = await onA.PollUntilAsync(x => (string?)x["type"] == "message" && (string?)x["replyToId"] == echoId);

        Assert.Equal(HttpStatusCode.Created, started.StatusCode);
        Assert.Equal(HttpStatusCode.OK, posted.StatusCode);
        var answer = Assert.Single(activities, x => (string?)x["type"] == "message" && (string?)x["replyToId"] == echoId);
        Assert.Contains("Witkoff", (string?)answer["text"], StringComparison.Ordinal);
        Assert.Contains(activities, x => (string?)x["id"] == echoId);
    }

    [Fact]
    public async Task DirectLine_PollWaitingOnB_WokenByNotifyWhenAWritesTheStream()
    {
        await using var database = await PostgresTestDatabase.CreateAsync();
        var waitForever = new Dictionary<string, string?>(database.Settings()) { ["Channels:DirectLinePollWaitMilliseconds"] = "60000" };
        await using var a = await DirectLineHost.StartAsync(settings: waitForever);
        await using var b = await DirectLineHost.StartAsync(settings: waitForever);
        var onA = await DirectLineTestClient.ForPageTokenAsync(a.Client);
        (await onA.StartAsync()).Dispose();
        await onA.PollUntilAsync(x => (string?)x["type"] == "message");
        var onB = new DirectLineTestClient(b.Client, onA.Token);
        var waiters = b.Services.GetRequiredService<ArticleBot.DirectLine.DirectLineWaiters>();
        var wokenBefore = waiters.Woken;

        var poll = onB.SendAsync(HttpMethod.Get, $"/v3/directline/conversations/{onA.ConversationId}/activities?watermark={onA.Watermark}", null);
        for (var attempt = 0; attempt < 600 && !waiters.IsWaiting(onA.ConversationId!); attempt++)
        {
            await Task.Delay(50, TestContext.Current.CancellationToken);
        }

        (await onA.PostAsync(DirectLineTestClient.Message("help", "client-2"))).Dispose();
        using var polled = await poll;

        var set = await polled.Content.ReadFromJsonAsync<JsonObject>(TestContext.Current.CancellationToken);
        Assert.Contains(set!["activities"]!.AsArray(), x => (string?)x!["text"] == "help");
        Assert.True(waiters.Woken > wokenBefore, "B's waiting poll should have been woken by A's NOTIFY");
    }

    [Fact]
    public async Task Feedback_AnswerFromAThumbsDownAtB_StoredWithQuestionAndAnswerAndExported()
    {
        await using var database = await PostgresTestDatabase.CreateAsync();
        await using var a = await DirectLineHost.StartAsync(settings: database.Settings());
        await using var b = await DirectLineHost.StartAsync(settings: database.Settings());
        var onA = await DirectLineTestClient.ForPageTokenAsync(a.Client);
        (await onA.StartAsync()).Dispose();
        (await onA.PostAsync(DirectLineTestClient.Message(Question, "client-1"))).Dispose();
        var answer = (await onA.PollUntilAsync(x => (string?)x["type"] == "message" && x["replyToId"] is not null)).Last(x => (string?)x["type"] == "message");
        var dislike = BotReplies.CitationEntity(answer)["potentialAction"]!.AsArray().Single(x => (string?)x!["@type"] == "DislikeAction")!;
        var onB = new DirectLineTestClient(b.Client, onA.Token);

        using var sent = await onB.SendAsync(HttpMethod.Post, $"/v3/directline/conversations/{onA.ConversationId}/activities", new JsonObject
        {
            ["type"] = "event",
            ["name"] = "webchat:activity-status/feedback",
            ["from"] = new JsonObject { ["id"] = "user-1", ["role"] = "user" },
            ["entities"] = new JsonArray(dislike.DeepClone()),
        });
        var stored = await StoredFeedbackAsync(b.Services.GetRequiredService<IFeedbackStore>());
        var (exitCode, output, _) = await VerbRunner.RunWithAsync(VerbRunner.WithDefaults("feedback", "export"), configuration: database.Settings());

        Assert.Equal(HttpStatusCode.OK, sent.StatusCode);
        Assert.Equal("dislike", stored.Reaction);
        Assert.Equal(Question, stored.Question);
        Assert.StartsWith(stored.Answer!, (string?)answer["text"], StringComparison.Ordinal);
        Assert.NotEmpty(stored.CitedPassageIds);
        Assert.Equal(0, exitCode);
        var line = JsonNode.Parse(Assert.Single(output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries)))!;
        Assert.Equal(Question, (string?)line["question"]);
        Assert.Equal(stored.Answer, (string?)line["note"]!["botAnswer"]);
    }

    [Fact]
    public async Task Ingest_ArticleAdded_AnsweredByBothRunningInstancesWithoutRestart()
    {
        await using var database = await PostgresTestDatabase.CreateAsync();
        var articles = VerbRunner.TempFolder();
        foreach (var seed in Directory.GetFiles(RepositoryPaths.Seeds))
        {
            File.Copy(seed, Path.Combine(articles, Path.GetFileName(seed)));
        }

        var settings = new Dictionary<string, string?>(database.Settings()) { ["Articles:Path"] = articles, ["Storage:IndexFollowMilliseconds"] = "200" };
        await using var a = await DirectLineHost.StartAsync(settings: settings);
        await using var b = await DirectLineHost.StartAsync(settings: settings);
        var before = a.Services.GetRequiredService<IndexReplica>().Version;
        await File.WriteAllTextAsync(Path.Combine(articles, "lighthouse.md"), "# The Lighthouse of Quillport\n\nThe lighthouse of Quillport was painted violet in 1907 by the keeper Ottilie Marsh, who wanted ships to remember it. The violet lighthouse still stands on the northern cliff.\n", TestContext.Current.CancellationToken);

        var (exitCode, output, error) = await VerbRunner.RunWithAsync(VerbRunner.WithDefaults("ingest", "--articles", articles), configuration: database.Settings());
        Assert.True(exitCode == 0, error);
        await FollowedAsync(a, before);
        await FollowedAsync(b, before);

        foreach (var host in new[] { a, b })
        {
            using var response = await host.Client.PostAsJsonAsync("/api/messages", BotHost.Message("What colour was the lighthouse of Quillport painted?"), TestContext.Current.CancellationToken);
            var reply = Assert.Single((await BotReplies.ReadAsync(response)).WithType("message"));
            Assert.Contains("violet", (string?)reply["text"], StringComparison.OrdinalIgnoreCase);
        }

        Assert.Contains("1 added", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Turn_DatabaseRestartedMidConversation_NextTurnStillAnswered()
    {
        await using var database = await PostgresTestDatabase.CreateAsync();
        await using var host = await DirectLineHost.StartAsync(settings: database.Settings());
        using var first = await host.Client.PostAsJsonAsync("/api/messages", BotHost.Message(Question), TestContext.Current.CancellationToken);
        Assert.Contains("Witkoff", (string?)Assert.Single((await BotReplies.ReadAsync(first)).WithType("message"))["text"], StringComparison.Ordinal);

        await database.RestartServerAsync();
        using var second = await host.Client.PostAsJsonAsync("/api/messages", BotHost.Message("When will he travel there?"), TestContext.Current.CancellationToken);

        var reply = Assert.Single((await BotReplies.ReadAsync(second)).WithType("message"));
        Assert.NotEqual(ArticleBot.Bot.BotAdapter.Apology, (string?)reply["text"]);
        Assert.Contains("next week", (string?)reply["text"], StringComparison.OrdinalIgnoreCase);
        var state = host.Services.GetRequiredService<Microsoft.Bot.Builder.IStorage>();
        var saved = await state.ReadAsync(["emulator/conversations/conv-1"], TestContext.Current.CancellationToken);
        Assert.Single(saved);
    }

    [Fact]
    public async Task Start_DatabaseUnreachable_StopsNamingTheKeyWithPasswordMasked()
    {
        var settings = new Dictionary<string, string?>
        {
            ["Storage:Provider"] = "PostgreSQL",
            ["ConnectionStrings:ArticleBot"] = "Host=127.0.0.1;Port=1;Username=bot;Password=hunter2;Database=articlebot;Timeout=2",
            ["Storage:MaxRetries"] = "1",
            ["Storage:RetryDelayMilliseconds"] = "10",
        };

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => DirectLineHost.StartAsync(settings: settings));

        Assert.Contains("ConnectionStrings:ArticleBot", error.Message, StringComparison.Ordinal);
        Assert.Contains("Password=***", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("hunter2", error.Message, StringComparison.Ordinal);
    }

    private static async Task<ArticleBot.Bot.FeedbackEntry> StoredFeedbackAsync(IFeedbackStore store)
    {
        // Bounded: the feedback turn runs in the background on B.
        for (var attempt = 0; attempt < 600; attempt++)
        {
            if ((await store.ReadAllAsync(TestContext.Current.CancellationToken)) is [var entry])
            {
                return entry;
            }

            await Task.Delay(100, TestContext.Current.CancellationToken);
        }

        throw new Xunit.Sdk.XunitException("No feedback was stored.");
    }

    private static async Task FollowedAsync(DirectLineHost host, long before)
    {
        var replica = host.Services.GetRequiredService<IndexReplica>();
        // Bounded: the replica follows on NOTIFY or its next version check.
        for (var attempt = 0; attempt < 600 && replica.Version <= before; attempt++)
        {
            await Task.Delay(100, TestContext.Current.CancellationToken);
        }
    }
}
