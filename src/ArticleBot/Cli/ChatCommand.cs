using System.CommandLine;
using ArticleBot.Bot;
using ArticleQa.Answering;

namespace ArticleBot.Cli;

/// <summary>
/// <c>chat</c>: an interactive terminal conversation with the same behaviour as the bot (recent turns kept, follow-ups
/// condensed, <c>reset</c> forgets them), printing the citations under each answer. <c>exit</c> or end of input quits.
/// </summary>
internal sealed class ChatCommand : Verb
{
    public override Command Create(VerbContext context)
    {
        var command = new Command("chat", "An interactive conversation with follow-ups; type reset to forget it, exit to quit.");
        command.SetAction((parse, cancellationToken) => RunAsync(parse, context, cancellationToken));
        return command;
    }

    /// <summary>The reply to "hi": what to do instead of "The articles don't cover that."</summary>
    internal const string Greeted = "Hi! Ask me a question about the articles, such as \"What are the articles about?\"; each answer cites the passages it comes from.";

    private static async Task<int> RunAsync(ParseResult parse, VerbContext context, CancellationToken cancellationToken)
    {
        var (input, output) = (context.In, context.Out);
        using var host = EngineHost.Build(parse, context);
        var answers = host.Services.GetRequiredService<AnswerGenerator>();
        var conversation = new Conversation();
        await output.WriteLineAsync("Ask about the articles. Commands: reset (forget the conversation), exit.");
        while (!cancellationToken.IsCancellationRequested)
        {
            await output.WriteAsync("> ");
            var line = await input.ReadLineAsync(cancellationToken);
            var text = line?.Trim();
            if (text is null or "exit" or "quit")
            {
                break;
            }

            if (text.Length == 0)
            {
                continue;
            }

            if (text is "reset" or "/reset")
            {
                conversation.Clear();
                await output.WriteLineAsync("Forgot the conversation.");
                continue;
            }

            // A greeting, a question about the bot itself or a thank-you is not a question about the articles, and
            // not a turn a follow-up refers to.
            if (QuestionWording.IsGreetingAlone(text) || QuestionWording.IsHelpRequest(text))
            {
                await output.WriteLineAsync(Greeted);
                continue;
            }

            if (QuestionWording.IsThanksAlone(text))
            {
                await output.WriteLineAsync(BotCommands.YoureWelcome);
                continue;
            }

            var answer = await answers.AnswerAsync(text, conversation, cancellationToken);
            await output.WriteLineAsync(AskCommand.Format(answer));
            await output.WriteLineAsync();
        }

        return 0;
    }
}
