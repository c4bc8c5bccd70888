using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;
using ArticleQa.Retrieval;

namespace ArticleBot.Cli;

/// <summary>The kinds of option and argument the verbs share, with the error messages they give on a bad value.</summary>
internal static class VerbOptions
{
    public static Option<bool> Flag(string name, string description) => new(name) { Description = description };

    public static Option<string> Text(string name, string helpName, string description) =>
        new(name) { Description = description, HelpName = helpName };

    public static Option<int> WholeNumber(string name, string description, int defaultValue, int min, int max) => new(name)
    {
        Description = description,
        HelpName = "N",
        DefaultValueFactory = _ => defaultValue,
        CustomParser = result =>
        {
            var value = result.Tokens[^1].Value;
            if (int.TryParse(value, CultureInfo.InvariantCulture, out var number) && number >= min && number <= max)
            {
                return number;
            }

            result.AddError($"Option {name} '{value}' is not a whole number from {min} to {max}.");
            return defaultValue;
        },
    };

    /// <summary>A floor from 0 to 1, or null when not given.</summary>
    public static Option<double?> Fraction(string name, string description) => new(name)
    {
        Description = description,
        HelpName = "X",
        CustomParser = result =>
        {
            var value = result.Tokens[^1].Value;
            if (double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) && number is >= 0 and <= 1)
            {
                return number;
            }

            result.AddError($"Option {name} '{value}' is not a number from 0 to 1.");
            return null;
        },
    };

    public static Option<RetrievalMode> Mode() => new("--mode")
    {
        Description = "Which retrieval to use.",
        HelpName = "hybrid|dense|lexical",
        DefaultValueFactory = _ => RetrievalMode.Hybrid,
        CustomParser = result =>
        {
            var value = result.Tokens[^1].Value;
            if (Enum.TryParse<RetrievalMode>(value, ignoreCase: true, out var mode) && Enum.IsDefined(mode))
            {
                return mode;
            }

            result.AddError($"Option --mode '{value}' is not one of hybrid, dense, lexical.");
            return RetrievalMode.Hybrid;
        },
    };

    /// <summary>Free words (a question, a query), joined with spaces; <paramref name="missing"/> is the error without any.</summary>
    public static Argument<string[]> Words(Command command, string name, string description, string missing)
    {
        ArgumentNullException.ThrowIfNull(command);
        var words = new Argument<string[]>(name) { Description = description, Arity = ArgumentArity.ZeroOrMore };
        command.Add(words);
        command.Validators.Add(result =>
        {
            if (string.Join(' ', result.GetValue(words) ?? []).Trim().Length == 0)
            {
                result.AddError(missing);
            }
        });
        return words;
    }

    public static string JoinedWords(this ParseResult parse, Argument<string[]> words) =>
        string.Join(' ', parse.GetValue(words) ?? []).Trim();
}
