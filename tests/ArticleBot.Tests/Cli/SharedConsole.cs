namespace ArticleBot.Tests.Cli;

/// <summary>Tests that swap <see cref="Console"/>'s writers (a process-wide setting) run alone, after the parallel ones.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class SharedConsole
{
    public const string Name = "Console";
}
