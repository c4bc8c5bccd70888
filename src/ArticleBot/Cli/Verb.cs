using System.CommandLine;

namespace ArticleBot.Cli;

/// <summary>
/// A command-line verb. <see cref="CommandRunner"/> finds every concrete subclass in this assembly, so a new verb is one
/// new file: its <see cref="Command"/> (name, description, arguments and options with their defaults) and its action.
/// </summary>
internal abstract class Verb
{
    /// <summary>Builds the verb's command with its action bound to <paramref name="context"/>.</summary>
    public abstract Command Create(VerbContext context);
}
