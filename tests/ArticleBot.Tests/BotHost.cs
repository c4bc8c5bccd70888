using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace ArticleBot.Tests;

/// <summary>The real bot host (Kestrel) on a free loopback port, over the seed articles and the real prompts.</summary>
internal sealed class BotHost : IAsyncDisposable
{
    private readonly WebApplication _app;

    private BotHost(WebApplication app, Uri baseAddress)
    {
        _app = app;
        Client = new HttpClient { BaseAddress = baseAddress };
    }

    public HttpClient Client { get; }

    public IServiceProvider Services => _app.Services;

    /// <summary>A host whose log entries go to <paramref name="logs"/> too, with one service of the engine replaced.</summary>
    public static Task<BotHost> StartReplacingAsync<TService>(Fakes.CapturingLoggerProvider logs, TService replacement)
        where TService : class =>
        StartAsync(configureServices: services =>
        {
            services.AddSingleton<Microsoft.Extensions.Logging.ILoggerProvider>(logs);
            services.AddSingleton(replacement);
        });

    public static async Task<BotHost> StartAsync(IDictionary<string, string?>? settings = null, Action<IServiceCollection>? configureServices = null)
    {
        var overrides = new Dictionary<string, string?>
        {
            ["Articles:Path"] = RepositoryPaths.Seeds,
            ["Answering:PromptsPath"] = RepositoryPaths.Prompts,
            ["Logging:LogLevel:Default"] = "Warning",
            ["Index:Path"] = TempIndex(),
            ["Channels:FeedbackPath"] = Path.Combine(TempIndex(), "feedback.jsonl"),
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            overrides[key] = value;
        }

        var app = BotApp.Build(["--urls", "http://127.0.0.1:0"], overrides, configureServices);
        await app.StartAsync(TestContext.Current.CancellationToken);
        return new BotHost(app, new Uri(app.Urls.First()));
    }

    /// <summary>Posts an activity the way the Emulator does, asking for the replies in the HTTP response.</summary>
    public async Task<HttpResponseMessage> PostActivityAsync(JsonObject activity) =>
        await Client.PostAsJsonAsync("/api/messages", activity, TestContext.Current.CancellationToken);

    public static JsonObject Message(string text, string channelId = "emulator", string deliveryMode = "expectReplies") => new()
    {
        ["type"] = "message",
        ["id"] = Guid.NewGuid().ToString("N"),
        ["text"] = text,
        ["channelId"] = channelId,
        ["deliveryMode"] = deliveryMode,
        ["serviceUrl"] = "http://127.0.0.1:1/",
        ["conversation"] = new JsonObject { ["id"] = "conv-1" },
        ["from"] = new JsonObject { ["id"] = "user-1", ["name"] = "User" },
        ["recipient"] = new JsonObject { ["id"] = "bot-1", ["name"] = "ArticleBot" },
        ["locale"] = "en-US",
    };

    public static string TempIndex() => Path.Combine(Path.GetTempPath(), "articlebot-tests", Guid.NewGuid().ToString("N"));

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
