using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Parsing;

namespace ArticleBot.Cli;

/// <summary>
/// System.CommandLine's parse errors as messages that name the argument and the problem, with a "did you mean" for a
/// mistyped verb or option. A word that looks like an option but is not one is an error even where a verb takes free
/// words (a question, a query), so a typo in an option is never silently asked as part of the question.
/// </summary>
internal static class ParseErrors
{
    public static IReadOnlyList<string> Describe(ParseResult parse)
    {
        ArgumentNullException.ThrowIfNull(parse);
        if (parse.Action is HelpAction)
        {
            return [];
        }

        var unknown = parse.UnmatchedTokens.Concat(OptionLikeWords(parse)).Distinct(StringComparer.Ordinal).ToList();
        var messages = parse.Errors
            .Select(error => error.Message)
            .Where(message => !unknown.Exists(token => message.Contains($"'{token}'", StringComparison.Ordinal)))
            .ToList();
        if (unknown.Count > 0)
        {
            // Words after the first unknown one are often its value: one message is clearer than one per word.
            messages.Insert(0, DescribeUnknown(parse.CommandResult, unknown[0]));
        }

        return messages;
    }

    /// <summary>The verb's path as typed, for "Run '... --help'".</summary>
    public static string CommandPath(ParseResult parse)
    {
        ArgumentNullException.ThrowIfNull(parse);
        var names = new List<string>();
        for (var result = parse.CommandResult; result is not null; result = result.Parent as CommandResult)
        {
            names.Insert(0, result.Command.Name);
        }

        return string.Join(' ', names);
    }

    private static string DescribeUnknown(CommandResult at, string token)
    {
        var command = at.Command;
        var isOption = token.StartsWith('-');
        var message = isOption ? $"Option {token} is not known to '{command.Name}'."
            : command is RootCommand ? $"Unknown verb '{token}'."
            : $"Unexpected argument '{token}' for '{command.Name}'.";
        var candidates = isOption ? OptionNames(at) : command.Subcommands.Select(c => c.Name);
        return TypoSuggestion.Closest(token, candidates) is { } suggestion ? $"{message} Did you mean '{suggestion}'?" : message;
    }

    /// <summary>The options the command accepts: its own and the recursive ones of the commands above it.</summary>
    private static IEnumerable<string> OptionNames(CommandResult at)
    {
        var options = at.Command.Options.AsEnumerable();
        for (var parent = at.Parent as CommandResult; parent is not null; parent = parent.Parent as CommandResult)
        {
            options = options.Concat(parent.Command.Options.Where(o => o.Recursive));
        }

        return options.Where(o => !o.Hidden).SelectMany(o => o.Aliases.Prepend(o.Name));
    }

    /// <summary>Free words that start with <c>--</c> (a long option the verb does not have); after <c>--</c> anything goes.</summary>
    private static IEnumerable<string> OptionLikeWords(ParseResult parse) => parse.Tokens
        .TakeWhile(token => token.Type != TokenType.DoubleDash)
        .Where(token => token.Type == TokenType.Argument && token.Value.Length > 2 && token.Value.StartsWith("--", StringComparison.Ordinal))
        .Select(token => token.Value);
}
