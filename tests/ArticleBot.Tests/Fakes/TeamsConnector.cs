using System.Net;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace ArticleBot.Tests.Fakes;

/// <summary>
/// A loopback Bot Connector that plays Teams: the serviceUrl of the activities a test posts, recording every activity
/// the bot sends and answering as Teams does: 201 <c>{"id":"stream-1"}</c> for the informative
/// typing activity that opens a stream, 202 <c>{}</c> for the later activities of the stream (chunks and the final
/// message: the streamed message keeps the stream's id), 201 with a fresh id for anything else.
/// With <c>refuseStreaming</c> it answers the opening typing activity with Teams' 403 ContentStreamNotAllowed;
/// <see cref="Refuse"/> lets a test answer any other activity with an error (Stop, the 2-minute limit). Updates (PUT)
/// answer 200 with the activity's id.
/// </summary>
internal sealed class TeamsConnector : IAsyncDisposable
{
    public const string StreamId = "stream-1";
    public const string BotId = "28:articlebot-app";
    public const string UserId = "29:user-ada";
    public const string BotName = "ArticleBot";

    private readonly WebApplication _app;
    private readonly List<ConnectorCall> _calls = [];
    private readonly List<(Func<ConnectorCall, bool> Match, TaskCompletionSource<ConnectorCall> Done)> _waiters = [];
    private readonly bool _refuseStreaming;
    private int _nextId;

    private TeamsConnector(WebApplication app, bool refuseStreaming)
    {
        _app = app;
        _refuseStreaming = refuseStreaming;
    }

    public Uri ServiceUrl => new(_app.Urls.First() + "/");

    /// <summary>Answers the activities it matches (method, activity) with the error it returns instead of success.</summary>
    public Func<string, JsonObject, (HttpStatusCode Status, JsonObject Body)?>? Refuse { get; set; }

    /// <summary>Teams' error body: <c>{"error":{"code":...,"message":...}}</c>.</summary>
    public static JsonObject Error(string code, string message) =>
        new() { ["error"] = new JsonObject { ["code"] = code, ["message"] = message } };

    /// <summary>Completes when the bot has sent a matching activity (already sent or later): a signal, no timing.</summary>
    public Task<ConnectorCall> WaitForAsync(Func<ConnectorCall, bool> match)
    {
        lock (_calls)
        {
            if (_calls.FirstOrDefault(match) is { } sent)
            {
                return Task.FromResult(sent);
            }

            var done = new TaskCompletionSource<ConnectorCall>(TaskCreationOptions.RunContinuationsAsynchronously);
            _waiters.Add((match, done));
            return done.Task.WaitAsync(TestContext.Current.CancellationToken);
        }
    }

    /// <summary>Everything the bot sent so far, in the order it arrived.</summary>
    public IReadOnlyList<ConnectorCall> Calls
    {
        get
        {
            lock (_calls)
            {
                return [.. _calls];
            }
        }
    }

    /// <summary>What the bot sent to one conversation (tests sharing a connector use a conversation each).</summary>
    public IReadOnlyList<ConnectorCall> CallsTo(string conversationId) =>
        [.. Calls.Where(c => Uri.UnescapeDataString(c.Path).StartsWith($"/v3/conversations/{conversationId}/", StringComparison.Ordinal))];

    public static async Task<TeamsConnector> StartAsync(bool refuseStreaming = false)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var connector = new TeamsConnector(app, refuseStreaming);
        app.Run(connector.ReceiveAsync);
        await app.StartAsync(TestContext.Current.CancellationToken);
        return connector;
    }

    /// <summary>A message as Teams posts it to the bot, with this connector as its serviceUrl.</summary>
    /// <param name="conversationType"><c>personal</c>, <c>groupChat</c> or <c>channel</c>.</param>
    public JsonObject Message(string text, string conversationType = "personal", string conversationId = "a:personal-chat-1", bool mentionBot = false)
    {
        var activity = Activity("message", conversationType, conversationId);
        activity["text"] = text;
        activity["textFormat"] = "plain";
        activity["entities"] = new JsonArray(new JsonObject { ["type"] = "clientInfo", ["locale"] = "en-US" });
        if (mentionBot)
        {
            activity["entities"]!.AsArray().Add(Mention(BotId, BotName));
        }

        return activity;
    }

    /// <summary>Any other Teams activity (invoke, conversationUpdate) in the same conversation.</summary>
    public JsonObject Activity(string type, string conversationType = "personal", string conversationId = "a:personal-chat-1") => new()
    {
        ["type"] = type,
        ["id"] = "f:" + Guid.NewGuid().ToString("N"),
        ["timestamp"] = "2025-11-28T10:00:00.000Z",
        ["serviceUrl"] = ServiceUrl.AbsoluteUri,
        ["channelId"] = "msteams",
        ["from"] = new JsonObject { ["id"] = UserId, ["name"] = "Ada", ["aadObjectId"] = "6f5d3c1e-0000-4000-8000-000000000001" },
        ["conversation"] = new JsonObject
        {
            ["id"] = conversationId,
            ["conversationType"] = conversationType,
            ["isGroup"] = conversationType != "personal",
            ["tenantId"] = "tenant-1",
        },
        ["recipient"] = new JsonObject { ["id"] = BotId, ["name"] = BotName },
        ["locale"] = "en-US",
        ["channelData"] = new JsonObject { ["tenant"] = new JsonObject { ["id"] = "tenant-1" } },
    };

    /// <summary>The mention entity Teams adds for <c>&lt;at&gt;name&lt;/at&gt;</c> in the text.</summary>
    public static JsonObject Mention(string id, string name) => new()
    {
        ["type"] = "mention",
        ["mentioned"] = new JsonObject { ["id"] = id, ["name"] = name },
        ["text"] = $"<at>{name}</at>",
    };

    private async Task ReceiveAsync(HttpContext context)
    {
        var activity = (JsonObject?)await JsonNode.ParseAsync(context.Request.Body, cancellationToken: context.RequestAborted) ?? [];
        var (status, body, id) = Refuse?.Invoke(context.Request.Method, activity) is { } refused
            ? (refused.Status, refused.Body, null)
            : Answer(context.Request.Method, activity);
        var call = new ConnectorCall(context.Request.Method, context.Request.Path.Value ?? "", activity, (int)status, id);
        lock (_calls)
        {
            _calls.Add(call);
            foreach (var waiter in _waiters.Where(w => w.Match(call)).ToList())
            {
                _waiters.Remove(waiter);
                waiter.Done.TrySetResult(call);
            }
        }

        context.Response.StatusCode = (int)status;
        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(body.ToJsonString(), context.RequestAborted);
    }

    private (HttpStatusCode Status, JsonObject Body, string? Id) Answer(string method, JsonObject activity)
    {
        if (method == "PUT")
        {
            var updated = (string?)activity["id"];
            return (HttpStatusCode.OK, new JsonObject { ["id"] = updated }, updated);
        }

        var streamInfo = ConnectorCall.StreamInfoOf(activity);
        var type = (string?)activity["type"];
        if (type == "typing" && streamInfo is not null && streamInfo["streamId"] is null)
        {
            return _refuseStreaming
                ? (HttpStatusCode.Forbidden, new JsonObject { ["error"] = new JsonObject { ["code"] = "ContentStreamNotAllowed", ["message"] = "Content stream is not allowed" } }, null)
                : (HttpStatusCode.Created, new JsonObject { ["id"] = StreamId }, StreamId);
        }

        if (streamInfo is not null)
        {
            return (HttpStatusCode.Accepted, [], null);
        }

        var id = $"activity-{Interlocked.Increment(ref _nextId)}";
        return (HttpStatusCode.Created, new JsonObject { ["id"] = id }, id);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
