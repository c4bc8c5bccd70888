using System.Text;

namespace ArticleBot.Tests.Cli;

/// <summary>A writer that completes <see cref="Line"/> with the first written line that starts with a prefix: an explicit signal, not a sleep.</summary>
internal sealed class LineSignal(string prefix) : StringWriter
{
    private readonly TaskCompletionSource<string> _line = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly StringBuilder _current = new();

    public Task<string> Line => _line.Task;

    public override void Write(char value)
    {
        base.Write(value);
        if (value != '\n')
        {
            _current.Append(value);
            return;
        }

        var line = _current.ToString().TrimEnd('\r');
        _current.Clear();
        if (line.StartsWith(prefix, StringComparison.Ordinal))
        {
            _line.TrySetResult(line);
        }
    }
}
