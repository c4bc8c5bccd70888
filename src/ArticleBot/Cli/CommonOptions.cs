using System.CommandLine;

namespace ArticleBot.Cli;

/// <summary>
/// The options every verb takes (before or after the verb): each overrides one configuration key for this run.
/// </summary>
internal static class CommonOptions
{
    private static readonly (string Name, string Key, string HelpName, string Description)[] Options =
    [
        ("--articles", "Articles:Path", "DIR", "Articles folder (default: Articles:Path, seeds)."),
        ("--index", "Index:Path", "DIR", "Index folder (default: Index:Path, .index)."),
        ("--prompts", "Answering:PromptsPath", "DIR", "Prompts folder (default: Answering:PromptsPath, prompts)."),
        ("--provider", "Llm:Provider", "NAME", $"Chat model provider: {string.Join(", ", Enum.GetNames<ArticleQa.Answering.LlmProvider>())} (default: Llm:Provider, Local)."),
    ];

    /// <summary>Adds the options to <paramref name="root"/>, recursively, so every verb shows and accepts them.</summary>
    public static void AddTo(RootCommand root)
    {
        foreach (var (name, _, helpName, description) in Options)
        {
            var option = new Option<string>(name) { Description = description, HelpName = helpName, Recursive = true };
            if (name == "--provider")
            {
                option.Validators.Add(ValidateProvider);
            }

            root.Add(option);
        }
    }

    /// <summary>A provider name the configuration binder would refuse (with a message naming only the type) is a parse error.</summary>
    private static void ValidateProvider(System.CommandLine.Parsing.OptionResult result)
    {
        if (result.Tokens.Count == 0)
        {
            return;
        }

        var value = result.Tokens[^1].Value;
        if (!Enum.TryParse<ArticleQa.Answering.LlmProvider>(value, ignoreCase: true, out var provider) || !Enum.IsDefined(provider) || int.TryParse(value, out _))
        {
            result.AddError($"Option --provider '{value}' (Llm:Provider) is not one of {string.Join(", ", Enum.GetNames<ArticleQa.Answering.LlmProvider>())}.");
        }
    }

    /// <summary>The context's configuration with the keys the command line sets on top.</summary>
    public static Dictionary<string, string?> Overrides(ParseResult parse, VerbContext context)
    {
        ArgumentNullException.ThrowIfNull(parse);
        ArgumentNullException.ThrowIfNull(context);
        var overrides = new Dictionary<string, string?>(context.Configuration, StringComparer.Ordinal);
        foreach (var (name, key, _, _) in Options)
        {
            if (parse.GetValue<string>(name) is { } value)
            {
                overrides[key] = value;
            }
        }

        return overrides;
    }
}
