using System.CommandLine;

namespace ArticleBot.Cli;

/// <summary><c>serve [--urls URLS] [--environment NAME]</c>: the bot and its web chat. Also what no verb means.</summary>
internal sealed class ServeCommand : Verb
{
    public override Command Create(VerbContext context)
    {
        var command = new Command("serve", "Run the bot: /api/messages, the local web chat and /healthz (the default verb).");
        Configure(command, context);
        return command;
    }

    /// <summary>Gives <paramref name="command"/> serve's options and action (the root command gets them too).</summary>
    public static void Configure(Command command, VerbContext context)
    {
        ArgumentNullException.ThrowIfNull(command);
        var urls = VerbOptions.Text("--urls", "URLS", "Where to listen, ';'-separated (default: Urls, http://localhost:3978).");
        var environment = VerbOptions.Text("--environment", "NAME", "Hosting environment, e.g. Development (default: Production).");
        command.Add(urls);
        command.Add(environment);
        command.SetAction(async (parse, cancellationToken) =>
        {
            // The web host reads these two the way ASP.NET Core always does, from its own command-line arguments.
            string[] hostArgs = [.. HostArg("--urls", parse.GetValue(urls)), .. HostArg("--environment", parse.GetValue(environment))];
            await using var app = BotApp.Build(hostArgs, CommonOptions.Overrides(parse, context));
            await app.StartAsync(cancellationToken);
            await context.Out.WriteLineAsync($"Serving on {string.Join(", ", app.Urls)} (Ctrl+C stops).");
            await app.WaitForShutdownAsync(cancellationToken);
            return 0;
        });
    }

    private static string[] HostArg(string name, string? value) => value is null ? [] : [name, value];
}
