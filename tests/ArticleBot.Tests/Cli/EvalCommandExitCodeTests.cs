using ArticleBot.Cli;

namespace ArticleBot.Tests.Cli;

/// <summary><c>eval</c>'s exit codes and messages on stderr, through <see cref="CommandRunner"/> as a CI job runs it.</summary>
[Collection(SharedConsole.Name)]
public sealed class EvalCommandExitCodeTests
{
    [Fact]
    public async Task RunAsync_FloorOverOne_ExitsTwoNamingTheOptionBeforeEvaluating()
    {
        using var console = new ConsoleCapture();

        var exitCode = await CommandRunner.RunAsync(VerbRunner.WithDefaults("eval", "--questions", VerbRunner.SeedQuestions, "--min-accuracy", "1.01"));

        Assert.Equal(2, exitCode);
        Assert.Contains("Option --min-accuracy '1.01' is not a number from 0 to 1.", console.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("Answers,", console.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_AccuracyUnderFloor_ExitsOneWithCheckFailed()
    {
        // The seed questions plus one whose gold answer the article contradicts: accuracy under 0.99.
        var questions = Path.Combine(VerbRunner.TempFolder(), "questions.jsonl");
        var lines = await File.ReadAllLinesAsync(VerbRunner.SeedQuestions, TestContext.Current.CancellationToken);
        await File.WriteAllLinesAsync(
            questions,
            [.. lines.Where(l => l.Contains("\"answerable\": true", StringComparison.Ordinal)), """{"id": "wrong-gold", "question": "Where did US and Ukrainian officials hold talks on the draft?", "answers": ["Istanbul"]}"""],
            TestContext.Current.CancellationToken);
        using var console = new ConsoleCapture();

        var exitCode = await CommandRunner.RunAsync(VerbRunner.WithDefaults("eval", "--questions", questions, "--min-accuracy", "0.99", "--min-recall5", "0.5"));

        Assert.Equal(1, exitCode);
        Assert.Contains("FAIL  wrong-gold", console.Out, StringComparison.Ordinal);
        Assert.Matches(@"check failed: --min-accuracy 0\.99, got 0\.\d{3}", console.Error);
        Assert.DoesNotContain("--min-recall5", console.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_MalformedLineInQuestionFile_NamesFileAndLineAndEvaluatesTheOtherLines()
    {
        var questions = Path.Combine(VerbRunner.TempFolder(), "questions.jsonl");
        var lines = await File.ReadAllLinesAsync(VerbRunner.SeedQuestions, TestContext.Current.CancellationToken);
        await File.WriteAllLinesAsync(questions, [.. lines[..3], """{"id": "broken", "question": "Who""", .. lines[3..5]], TestContext.Current.CancellationToken);
        using var console = new ConsoleCapture();

        var exitCode = await CommandRunner.RunAsync(VerbRunner.WithDefaults("eval", "--questions", questions));

        Assert.Equal(2, exitCode);
        Assert.Contains($"error: {questions}(4): not valid JSON", console.Error, StringComparison.Ordinal);
        Assert.Contains("Answers, 5 questions", console.Out, StringComparison.Ordinal);
        foreach (var id in new[] { "seed-01", "seed-02", "seed-03", "seed-04", "seed-05" })
        {
            Assert.Contains($"  {id}  answer ", console.Out, StringComparison.Ordinal);
        }

        Assert.DoesNotContain("broken", console.Out, StringComparison.Ordinal);
    }
}
