using System.CommandLine;
using ArticleQa.Answering;
using ArticleBot.Channels;

namespace ArticleBot.Cli;

/// <summary><c>ask "question" [--json]</c>: one question through the same engine path as the bot.</summary>
internal sealed class AskCommand : Verb
{
    public override Command Create(VerbContext context)
    {
        var command = new Command("ask", "Answer one question from the articles, with its numbered sources.");
        var question = VerbOptions.Words(command, "question", "The question (quote it or not).", "ask needs a question: ask \"Who will travel to Moscow?\"");
        var json = VerbOptions.Flag("--json", "Print the answer, citations and offsets as JSON.");
        command.Add(json);
        command.SetAction(async (parse, cancellationToken) =>
        {
            using var host = EngineHost.Build(parse, context);
            var answer = await host.Services.GetRequiredService<AnswerGenerator>().AnswerAsync(parse.JoinedWords(question), cancellationToken);
            await context.Out.WriteLineAsync(parse.GetValue(json) ? AnswerJson.Serialize(answer) : Format(answer));
            return 0;
        });
        return command;
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
