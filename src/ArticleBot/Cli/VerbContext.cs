namespace ArticleBot.Cli;

/// <summary>
/// Where a verb reads and writes (the console, or strings in tests) and configuration added on top of the usual sources
/// (empty outside tests).
/// </summary>
internal sealed record VerbContext(TextReader In, TextWriter Out, TextWriter Error)
{
    public static VerbContext Console => new(System.Console.In, System.Console.Out, System.Console.Error);

    public IReadOnlyDictionary<string, string?> Configuration { get; init; } = new Dictionary<string, string?>();
}
