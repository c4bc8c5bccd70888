using ArticleBot.Cli;

namespace ArticleBot.Tests.Cli;

/// <summary>
/// One text run (with <c>--report</c>) and one <c>--json</c> run of <c>eval</c> over the seed questions and
/// conversations, shared by the tests that read them: each run loads the embedding model and indexes the seed article.
/// </summary>
public sealed class SeedEvalFixture : IAsyncLifetime
{
    public string ReportPath { get; } = Path.Combine(VerbRunner.TempFolder(), "report.html");

    public int TextExitCode { get; private set; }

    public string Text { get; private set; } = "";

    public int JsonExitCode { get; private set; }

    public string Json { get; private set; } = "";

    public async ValueTask InitializeAsync()
    {
        (TextExitCode, Text, _) = await VerbRunner.RunAsync("eval", "--questions", VerbRunner.SeedQuestions, "--conversations", VerbRunner.SeedConversations, "--report", ReportPath);
        (JsonExitCode, Json, _) = await VerbRunner.RunAsync("eval", "--questions", VerbRunner.SeedQuestions, "--conversations", VerbRunner.SeedConversations, "--json");
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
