using System.Text;

namespace ArticleBot.Tests.Cli;

/// <summary>A writer that completes <see cref="Line"/> with the first written line that starts with a prefix: an explicit signal, not a sleep.</summary>
internal sealed class LineSignal(string prefix) : TextWriter
{
    private readonly TaskCompletionSource<string> _line = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly StringBuilder _current = new();

    public Task<string> Line => _line.Task;

    public override Encoding Encoding => Encoding.UTF8;

    // TextWriter sends every other Write and WriteLine overload through this one.
    public override void Write(char value)
    {
        lock (_current)
        {
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
}
