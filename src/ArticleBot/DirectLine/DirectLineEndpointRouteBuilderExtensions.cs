namespace ArticleBot.DirectLine;

/// <summary>
/// The local web chat: the page at <c>/</c> with the official Web Chat bundle, and the Direct Line 3.0 subset it
/// talks to, hosted by the bot itself (client-facing <c>/v3/directline/*</c>, bot-facing <c>/v3/conversations/*</c>).
/// Nothing is mapped when it is off, so every one of these paths answers 404.
/// </summary>
public static class DirectLineEndpointRouteBuilderExtensions
{
    public static WebApplication MapDirectLine(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var access = app.Services.GetRequiredService<WebChatAccess>();
        if (!access.Enabled)
        {
            return app;
        }

        WebChatPageEndpoints.Map(app, app.Environment.ContentRootPath, access.IssuesPageTokens);
        DirectLineClientEndpoints.Map(app);
        DirectLineBotEndpoints.Map(app);
        return app;
    }
}
