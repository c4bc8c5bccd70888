using ArticleBot.Bot;
using ArticleBot.DirectLine;
using ArticleQa;
using ArticleQa.Retrieval;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Integration.AspNet.Core;

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

        configureServices?.Invoke(builder.Services);
        builder.Services.AddArticleQa(builder.Configuration);
        builder.Services.AddArticleBot();
        builder.Services.AddDirectLine();
        builder.Services.AddHostedService<StartupCheck>();

        var app = builder.Build();
        app.MapPost("/api/messages", (HttpRequest request, HttpResponse response, IBotFrameworkHttpAdapter adapter, IBot bot, CancellationToken cancellationToken) =>
            adapter.ProcessAsync(request, response, bot, cancellationToken));
        app.MapGet("/healthz", async (ArticleLibrary library, CancellationToken cancellationToken) =>
        {
            var index = await library.GetIndexAsync(cancellationToken);
            return Results.Ok(new { status = "ok", articles = index.Articles.Count, passages = index.PassageCount });
        });
        app.MapDirectLine();
        return app;
    }
}
