namespace ArticleBot.Hosting;

/// <summary>
/// <c>GET /favicon.ico</c>: the bot's colour icon (the one in the Teams package), so the web chat and article pages
/// have their icon and browsers log no 404 for it.
/// </summary>
internal static class FaviconEndpoint
{
    public static void Map(IEndpointRouteBuilder app) =>
        app.MapGet("/favicon.ico", (HttpResponse response) =>
        {
            response.Headers.CacheControl = "public, max-age=86400";
            return Results.File(Path.Combine(AppContext.BaseDirectory, "TeamsApp", "color.png"), "image/png");
        });
}
