using ArticleBot;
using ArticleBot.Cli;

// No verb means `serve`. Every verb takes --articles DIR and --index DIR.
try
{
    var arguments = CommandLineArguments.Parse(args);
    using var cancellation = new CancellationTokenSource();
    Console.CancelKeyPress += (_, e) =>
    {
        e.Cancel = true;
        cancellation.Cancel();
    };
    switch (arguments.Verb)
    {
        case "serve":
            arguments.AllowOnly("--urls", "--environment");
            var app = BotApp.Build(args.Where(a => a != "serve").ToArray(), arguments.ConfigurationOverrides);
            await app.RunAsync();
            return 0;
        case "ask":
            return await AskCommand.RunAsync(arguments, Console.Out, cancellation.Token);
        default:
            throw new CommandLineException($"Unknown verb '{arguments.Verb}'. Verbs: serve (default), ask.");
    }
}
catch (CommandLineException e)
{
    await Console.Error.WriteLineAsync($"error: {e.Message}");
    return 2;
}
catch (Microsoft.Extensions.Options.OptionsValidationException e)
{
    await Console.Error.WriteLineAsync($"error: invalid configuration: {string.Join(" ", e.Failures)}");
    return 2;
}
