namespace ArticleBot.Cli;

/// <summary>
/// The parsed command line: a verb, its positional arguments and its <c>--name value</c> options. Options that every
/// verb takes and that map onto configuration keys (<c>--articles</c>, <c>--index</c>) become configuration overrides.
/// </summary>
public sealed class CommandLineArguments
{
    private static readonly Dictionary<string, string> ConfigurationOptions = new(StringComparer.Ordinal)
    {
        ["--articles"] = "Articles:Path",
        ["--index"] = "Index:Path",
        ["--prompts"] = "Answering:PromptsPath",
        ["--provider"] = "Llm:Provider",
    };

    private static readonly HashSet<string> Flags = new(StringComparer.Ordinal) { "--json", "--retrieval-only" };

    private readonly Dictionary<string, string> _options = new(StringComparer.Ordinal);

    private CommandLineArguments(string verb) => Verb = verb;

    public string Verb { get; }

    public List<string> Positional { get; } = [];

    public Dictionary<string, string?> ConfigurationOverrides { get; } = new(StringComparer.Ordinal);

    /// <summary>Parses <paramref name="args"/>; throws <see cref="CommandLineException"/> naming the bad argument.</summary>
    public static CommandLineArguments Parse(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var hasVerb = args.Length > 0 && !args[0].StartsWith('-');
        var parsed = new CommandLineArguments(hasVerb ? args[0] : "serve");
        for (var i = hasVerb ? 1 : 0; i < args.Length; i++)
        {
            var arg = args[i];
            if (!arg.StartsWith("--", StringComparison.Ordinal))
            {
                parsed.Positional.Add(arg);
            }
            else if (Flags.Contains(arg))
            {
                parsed._options[arg] = "true";
            }
            else if (i + 1 >= args.Length || args[i + 1].StartsWith("--", StringComparison.Ordinal))
            {
                throw new CommandLineException($"Option {arg} needs a value.");
            }
            else
            {
                parsed._options[arg] = args[++i];
                if (ConfigurationOptions.TryGetValue(arg, out var key))
                {
                    parsed.ConfigurationOverrides[key] = args[i];
                }
            }
        }

        return parsed;
    }

    public bool Has(string option) => _options.ContainsKey(option);

    public string? Get(string option) => _options.GetValueOrDefault(option);

    public int GetInt(string option, int fallback, int min, int max)
    {
        var value = Get(option);
        if (value is null)
        {
            return fallback;
        }

        return int.TryParse(value, System.Globalization.CultureInfo.InvariantCulture, out var number) && number >= min && number <= max
            ? number
            : throw new CommandLineException($"Option {option} '{value}' is not a whole number from {min} to {max}.");
    }

    /// <summary>Fails on options the verb does not know, so a typo is an error rather than silently ignored.</summary>
    public void AllowOnly(params string[] options)
    {
        var allowed = options.Concat(ConfigurationOptions.Keys).ToHashSet(StringComparer.Ordinal);
        var unknown = _options.Keys.FirstOrDefault(o => !allowed.Contains(o));
        if (unknown is not null)
        {
            throw new CommandLineException($"Option {unknown} is not known to '{Verb}'.");
        }
    }
}
