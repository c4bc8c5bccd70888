using System.Buffers.Text;
using System.Collections.Concurrent;
using System.Security.Claims;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Connector.Authentication;
using Microsoft.Bot.Schema;
using Newtonsoft.Json;
using BotAdapter = ArticleBot.Bot.BotAdapter;

namespace ArticleBot.DirectLine;

/// <summary>
/// Hands client activities to the bot, in the background and in order per conversation, the way a channel would:
/// the client's POST returns at once, and the bot's replies go straight into the (possibly shared) stream through an
/// in-process connector (<see cref="DirectLineConnectorFactory"/>), where polling clients on any instance pick them up. Waits for running turns when the host stops.
/// </summary>
public sealed class DirectLineBridge(
    BotAdapter adapter,
    IServiceScopeFactory scopes,
    IDirectLineStore store,
    TimeProvider time,
    IConfiguration configuration,
    ILogger<DirectLineBridge> logger) : IHostedService, IDisposable
{
    private readonly CancellationTokenSource _stopping = new();
    private readonly ConcurrentDictionary<Task, byte> _running = new();
    private readonly Dictionary<string, Task> _queues = new(StringComparer.Ordinal);
    private readonly Lock _queuesGate = new();

    /// <summary>What the bot's connector calls on a local conversation do to the store.</summary>
    internal DirectLineBotReplies Replies { get; } = new(store, time);

    /// <summary>The key the bot's connector presents on the bot-facing endpoints; random per process.</summary>
    public string BotKey { get; } = Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));

    /// <summary>
    /// Queues a turn for the activity (its JSON as the client sent it, completed by the endpoint) behind the
    /// conversation's earlier ones, so the bot reads its state in message order.
    /// </summary>
    public void Enqueue(string conversationId, JsonObject activity)
    {
        ArgumentNullException.ThrowIfNull(conversationId);
        ArgumentNullException.ThrowIfNull(activity);
        var json = activity.ToJsonString();
        Task turn;
        lock (_queuesGate)
        {
            var previous = _queues.GetValueOrDefault(conversationId) ?? Task.CompletedTask;
            turn = previous.ContinueWith(_ => RunTurnAsync(conversationId, json), CancellationToken.None, TaskContinuationOptions.None, TaskScheduler.Default).Unwrap();
            _queues[conversationId] = turn;
        }

        _running.TryAdd(turn, 0);
        turn.ContinueWith(t => Finished(conversationId, t), CancellationToken.None, TaskContinuationOptions.None, TaskScheduler.Default);
    }

    private void Finished(string conversationId, Task turn)
    {
        _running.TryRemove(turn, out _);
        lock (_queuesGate)
        {
            if (_queues.TryGetValue(conversationId, out var last) && last == turn)
            {
                _queues.Remove(conversationId);
            }
        }
    }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        await _stopping.CancelAsync();
        await Task.WhenAll(_running.Keys).WaitAsync(cancellationToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
    }

    public void Dispose() => _stopping.Dispose();

    private async Task RunTurnAsync(string conversationId, string json)
    {
        try
        {
            var activity = JsonConvert.DeserializeObject<Activity>(json)!;
            await using var turnLock = await store.LockTurnsAsync(conversationId, _stopping.Token);
            await using var scope = scopes.CreateAsyncScope();
            var bot = scope.ServiceProvider.GetRequiredService<IBot>();
            await adapter.ProcessAuthenticatedActivityAsync(Authentication(), activity, bot.OnTurnAsync, _stopping.Token);
        }
        catch (OperationCanceledException) when (_stopping.IsCancellationRequested)
        {
            logger.LogDebug("Direct Line turn in conversation {ConversationId} stopped with the host", conversationId);
        }
        catch (Exception e)
        {
            // The adapter's OnTurnError has handled what the bot threw; this is the turn machinery itself failing.
            logger.LogError(e, "Direct Line turn failed in conversation {ConversationId}", conversationId);
        }
    }

    /// <summary>
    /// The endpoints have checked the client's token, so the turn runs as if authenticated: anonymously when the
    /// bot has no MicrosoftAppId, otherwise under the bot's own app id (which the user token client needs).
    /// </summary>
    private AuthenticateRequestResult Authentication()
    {
        var appId = configuration["MicrosoftAppId"];
        var identity = string.IsNullOrEmpty(appId)
            ? new ClaimsIdentity([], AuthenticationConstants.AnonymousAuthType)
            : new ClaimsIdentity([new Claim(AuthenticationConstants.AudienceClaim, appId), new Claim(AuthenticationConstants.AppIdClaim, appId)]);
        return new AuthenticateRequestResult
        {
            ClaimsIdentity = identity,
            ConnectorFactory = new DirectLineConnectorFactory(Replies, BotKey),
        };
    }
}
