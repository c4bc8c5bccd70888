namespace ArticleBot.Cli;

/// <summary>Bad arguments or input: the message names the argument or file and the problem; exit code 2.</summary>
public sealed class CommandLineException(string message) : Exception(message)
{
    public CommandLineException()
        : this("Bad command line.")
    {
    }

    public CommandLineException(string message, Exception innerException)
        : this(message + " " + innerException?.Message)
    {
    }
}
