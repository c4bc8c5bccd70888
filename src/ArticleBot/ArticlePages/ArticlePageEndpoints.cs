using System.Globalization;
using System.Security.Cryptography;
using ArticleQa.Articles;
using ArticleQa.Retrieval;
using Microsoft.Extensions.Options;

namespace ArticleBot.ArticlePages;

/// <summary>
/// <c>GET /articles/{id}?cite=START-END</c>: the article page citations without a url link to. The page may run only
/// its own scroll script (Content-Security-Policy with a nonce); the article's text is encoded, never markup.
/// </summary>
public static class ArticlePageEndpoints
{
    public static IEndpointRouteBuilder MapArticlePages(this IEndpointRouteBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapGet("/articles/{**id}", ShowAsync);
        return app;
    }

    private static async Task<IResult> ShowAsync(string id, string? cite, HttpResponse response, ArticleLibrary library, IOptions<ArticlesOptions> options, CancellationToken cancellationToken)
    {
        var index = await library.GetIndexAsync(cancellationToken);
        if (!index.Articles.TryGetValue(id, out var info))
        {
            return Results.NotFound(new { error = $"No article with id '{id}'." });
        }

        Article article;
        try
        {
            article = ArticleLoader.Load(info.FilePath, library.Folder, options.Value);
        }
        catch (Exception e) when (e is IOException or InvalidDataException or UnauthorizedAccessException)
        {
            return Results.NotFound(new { error = $"Article '{id}' can no longer be read: {e.Message}" });
        }

        (int Start, int End)? range = null;
        if (cite is not null)
        {
            if (ParseCite(cite, article.Text.Length) is not { } parsed)
            {
                return Results.BadRequest(new { error = $"cite must be START-END with 0 <= START < END <= {article.Text.Length} (the article's length); got '{cite}'." });
            }

            range = parsed;
        }

        var nonce = Convert.ToBase64String(RandomNumberGenerator.GetBytes(16));
        response.Headers.ContentSecurityPolicy = $"default-src 'none'; style-src 'unsafe-inline'; script-src 'nonce-{nonce}'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";
        response.Headers.XContentTypeOptions = "nosniff";
        response.Headers["Referrer-Policy"] = "no-referrer";
        return Results.Content(ArticlePage.Render(article, range, nonce), "text/html; charset=utf-8");
    }

    internal static (int Start, int End)? ParseCite(string cite, int length)
    {
        var dash = cite.IndexOf('-', StringComparison.Ordinal);
        return dash > 0
            && int.TryParse(cite.AsSpan(0, dash), NumberStyles.None, CultureInfo.InvariantCulture, out var start)
            && int.TryParse(cite.AsSpan(dash + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var end)
            && start < end && end <= length
            ? (start, end)
            : null;
    }
}
