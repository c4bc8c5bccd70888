using ArticleBot.Cli;

namespace ArticleBot.Tests.Cli;

public sealed class ProgressReporterTests
{
    [Fact]
    public async Task RunAsync_OutputRedirected_WritesPlainLinesWithoutEscapeCodes()
    {
        Assert.SkipWhen(ProgressReporter.IsTerminal, "Only meaningful when output is redirected, as under a test runner or in CI.");
        using var log = new StringWriter();

        var result = await ProgressReporter.RunAsync("Embedding passages", log, report =>
        {
            for (var done = 1; done <= 3; done++)
            {
                report(done, 3);
            }

            return Task.FromResult(42);
        });

        Assert.Equal(42, result);
        var lines = log.ToString().Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries);
        // The first report and the last are always written; the ones between only every few seconds.
        Assert.Equal("Embedding passages: 1/3", lines[0]);
        Assert.Equal("Embedding passages: 3/3", lines[^1]);
        Assert.All(lines, line => Assert.Matches(@"^Embedding passages: \d/3$", line));
        Assert.DoesNotContain('\u001b', log.ToString());
    }
}
