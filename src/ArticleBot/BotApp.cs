using ArticleBot.ArticlePages;
using ArticleBot.Bot;
using ArticleBot.DirectLine;
using ArticleQa;
using ArticleBot.Hosting;
using ArticleBot.Storage;

namespace ArticleBot;

/// <summary>The web host: the engine, the bot and its endpoints.</summary>
public static class BotApp
{
    /// <param name="configureServices">Registrations that run before the engine's (tests replace a part with it).</param>
    public static WebApplication Build(string[] args, IReadOnlyDictionary<string, string?>? overrides = null, Action<IServiceCollection>? configureServices = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = args,
            ContentRootPath = AppContext.BaseDirectory,
        });
        if (overrides is not null)
        {
            builder.Configuration.AddInMemoryCollection(overrides);
        }

        // A failed start is reported once, in one line, by the serve command: not as the host's stack trace.
        builder.Logging.AddFilter("Microsoft.Extensions.Hosting.Internal.Host", LogLevel.Critical);
        configureServices?.Invoke(builder.Services);
        builder.Services.AddArticleQa(builder.Configuration);
        builder.Services.AddHosting();
        builder.Services.AddStorage(builder.Configuration);
        builder.Services.AddArticleBot();
        builder.Services.AddDirectLine();
        builder.Services.AddHostedService<StartupCheck>();

        var app = builder.Build();
        app.UseHosting();
        app.MapPost("/api/messages", MessagesEndpoint.HandleAsync);
        HealthEndpoints.Map(app);
        FaviconEndpoint.Map(app);
        app.MapDirectLine();
        app.MapArticlePages();
        return app;
    }
}
