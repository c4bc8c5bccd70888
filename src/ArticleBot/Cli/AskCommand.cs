using ArticleQa.Answering;
using ArticleBot.Channels;

namespace ArticleBot.Cli;

/// <summary><c>ask "question" [--json]</c>: one question through the same engine path as the bot.</summary>
internal static class AskCommand
{
    public static async Task<int> RunAsync(CommandLineArguments arguments, TextWriter output, CancellationToken cancellationToken)
    {
        arguments.AllowOnly("--json");
        var question = string.Join(' ', arguments.Positional).Trim();
        if (question.Length == 0)
        {
            throw new CommandLineException("ask needs a question: ask \"Who will travel to Moscow?\"");
        }

        using var host = EngineHost.Build(arguments);
        var answer = await host.Services.GetRequiredService<AnswerGenerator>().AnswerAsync(question, cancellationToken);
        await output.WriteLineAsync(arguments.Has("--json") ? AnswerJson.Serialize(answer) : Format(answer));
        return 0;
    }

    internal static string Format(Answer answer)
    {
        var text = new System.Text.StringBuilder(answer.Text).AppendLine();
        if (answer.Citations.Count > 0)
        {
            text.AppendLine().AppendLine("Sources:");
        }

        foreach (var citation in answer.Citations)
        {
            text.Append('[').Append(citation.Number).Append("] ").Append(citation.Title)
                .Append(" (").Append(citation.ArticleId).Append(", characters ").Append(citation.Start).Append('-').Append(citation.End).AppendLine(")");
            if (citation.Url is not null)
            {
                text.Append("    ").AppendLine(citation.Url.AbsoluteUri);
            }

            text.Append("    \"").Append(CitationEntity.Truncate(CitationEntity.ExcerptOf(citation), 240)).AppendLine("\"");
        }

        return text.ToString().TrimEnd();
    }
}
