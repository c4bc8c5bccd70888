namespace ArticleBot.Cli;

/// <summary>
/// Runs the web host for <c>serve</c>. A start-up failure (a port in use, an unreachable database, a wrong setting)
/// is one line on stderr and exit code 2, not a stack trace.
/// </summary>
internal static class ServeHost
{
    public static async Task<int> RunAsync(string[] args, IReadOnlyDictionary<string, string?> overrides, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        WebApplication app;
        try
        {
            app = BotApp.Build(args, overrides);
        }
        catch (Exception e) when (e is InvalidOperationException or ArgumentException or FormatException)
        {
            await error.WriteLineAsync($"error: start-up failed: {OneLine(e)}");
            return 2;
        }

        await using (app)
        {
            try
            {
                await app.StartAsync(cancellationToken);
            }
            catch (Exception e) when (e is IOException or FormatException)
            {
                // FormatException: a malformed address in ASPNETCORE_URLS or --urls ("Invalid url: 'x'").
                await error.WriteLineAsync($"error: cannot listen: {OneLine(e)} (choose the address with ASPNETCORE_URLS, ASPNETCORE_HTTP_PORTS or --urls)");
                return 2;
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                await error.WriteLineAsync($"error: start-up failed: {OneLine(e)}");
                return 2;
            }

            await output.WriteLineAsync($"Serving on {string.Join(", ", app.Urls)} (Ctrl+C stops).");
            await app.WaitForShutdownAsync(cancellationToken);
            return 0;
        }
    }

    private static string OneLine(Exception e) => string.Join(' ', e.Message.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
}
