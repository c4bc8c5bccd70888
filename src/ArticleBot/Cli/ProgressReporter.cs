using Spectre.Console;

namespace ArticleBot.Cli;

/// <summary>
/// Long work shows a progress bar with rate and time left on a terminal, and plain lines when output is redirected
/// (CI logs, pipes), at most one every few seconds.
/// </summary>
internal static class ProgressReporter
{
    public static bool IsTerminal => !Console.IsOutputRedirected && !Console.IsErrorRedirected && AnsiConsole.Profile.Capabilities.Interactive;

    /// <summary>Runs <paramref name="work"/>, giving it a callback (done, total) that drives the bar or the lines.</summary>
    public static async Task<T> RunAsync<T>(string description, TextWriter log, Func<Action<int, int>, Task<T>> work)
    {
        ArgumentNullException.ThrowIfNull(work);
        if (!IsTerminal)
        {
            var lastLine = DateTime.MinValue;
            return await work((done, total) =>
            {
                if (total > 0 && (done == total || DateTime.UtcNow - lastLine > TimeSpan.FromSeconds(5)))
                {
                    lastLine = DateTime.UtcNow;
                    log.WriteLine($"{description}: {done}/{total}");
                }
            });
        }

        T result = default!;
        await AnsiConsole.Progress()
            .AutoClear(true)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RateColumn(), new RemainingTimeColumn(), new SpinnerColumn())
            .StartAsync(async context =>
            {
                var task = context.AddTask(description, autoStart: true, maxValue: 1);
                result = await work((done, total) =>
                {
                    task.MaxValue = Math.Max(1, total);
                    task.Value = done;
                });
                task.Value = task.MaxValue;
            });
        return result;
    }

    /// <summary>Items per second of a progress task.</summary>
    private sealed class RateColumn : ProgressColumn
    {
        public override Spectre.Console.Rendering.IRenderable Render(Spectre.Console.Rendering.RenderOptions options, ProgressTask task, TimeSpan deltaTime) =>
            new Text(task.Speed is { } speed ? $"{speed:0.0}/s" : "", new Style(Color.Grey));
    }
}
