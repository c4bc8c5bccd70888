using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace ArticleBot.Tests.DirectLine;

/// <summary>
/// The real bot host on a free loopback port in a chosen environment (the web chat is on in Development only), with
/// its own index and feedback files in a temporary folder, so hosts of tests running in parallel never share them.
/// </summary>
internal sealed class DirectLineHost : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly DirectoryInfo _data;

    private DirectLineHost(WebApplication app, DirectoryInfo data, Uri baseAddress)
    {
        _app = app;
        _data = data;
        BaseAddress = baseAddress;
        Client = new HttpClient { BaseAddress = baseAddress };
    }

    public Uri BaseAddress { get; }

    public HttpClient Client { get; }

    public IServiceProvider Services => _app.Services;

    public static async Task<DirectLineHost> StartAsync(string environment = "Development", IDictionary<string, string?>? settings = null, Action<IServiceCollection>? configureServices = null)
    {
        var data = Directory.CreateTempSubdirectory("articlebot-directline-");
        var app = Build(environment, settings, data.FullName, configureServices);
        await app.StartAsync(TestContext.Current.CancellationToken);
        return new DirectLineHost(app, data, new Uri(app.Urls.First()));
    }

    public static WebApplication Build(string environment, IDictionary<string, string?>? settings, string dataFolder, Action<IServiceCollection>? configureServices = null)
    {
        var overrides = new Dictionary<string, string?>
        {
            ["Articles:Path"] = RepositoryPaths.Seeds,
            ["Answering:PromptsPath"] = RepositoryPaths.Prompts,
            ["Index:Path"] = Path.Combine(dataFolder, "index"),
            ["Index:Watch"] = "false",
            ["Channels:FeedbackPath"] = Path.Combine(dataFolder, "feedback.jsonl"),
            ["Logging:LogLevel:Default"] = "Warning",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            overrides[key] = value;
        }

        return BotApp.Build(["--urls", "http://127.0.0.1:0", "--environment", environment], overrides, configureServices);
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
        _data.Delete(recursive: true);
    }
}
