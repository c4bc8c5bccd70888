namespace ArticleBot.DirectLine;

/// <summary>
/// The page (webchat/index.html) and the Web Chat bundle the build fetched from npm (webchat/webchat.js), both
/// copied to the output folder; in Development also the page's token endpoint.
/// </summary>
internal static class WebChatPageEndpoints
{
    public static void Map(IEndpointRouteBuilder app, string contentRoot, bool issuesPageTokens)
    {
        var folder = Path.Combine(contentRoot, "webchat");
        app.MapGet("/", (HttpResponse response) => File(response, folder, "index.html", "text/html; charset=utf-8"));
        app.MapGet("/webchat/webchat.js", (HttpResponse response) => File(response, folder, "webchat.js", "text/javascript; charset=utf-8"));
        app.MapGet("/webchat/webchat.js.LICENSE.txt", (HttpResponse response) => File(response, folder, "webchat.js.LICENSE.txt", "text/plain; charset=utf-8"));
        if (issuesPageTokens)
        {
            // Development only: outside it, a backend holding Channels:WebChatSecret calls tokens/generate instead.
            app.MapPost("/webchat/token", async (IDirectLineStore store, CancellationToken cancellationToken) => DirectLineClientEndpoints.Info(await store.CreateAsync(cancellationToken), streamUrl: null));
        }
    }

    private static IResult File(HttpResponse response, string folder, string name, string contentType)
    {
        var path = Path.Combine(folder, name);
        if (!System.IO.File.Exists(path))
        {
            return Results.NotFound();
        }

        // Revalidate on every load (Last-Modified), so a rebuilt page or bundle is picked up at once.
        response.Headers.CacheControl = "no-cache";
        return TypedResults.PhysicalFile(path, contentType, lastModified: System.IO.File.GetLastWriteTimeUtc(path));
    }
}
