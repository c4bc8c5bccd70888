namespace ArticleBot.Tests.Cli;

/// <summary><c>eval</c>'s exit codes and messages on stderr, through the command line as a CI job runs it.</summary>
public sealed class EvalCommandExitCodeTests
{
    [Fact]
    public async Task RunAsync_FloorOverOne_ExitsTwoNamingTheOptionBeforeEvaluating()
    {
        var (exitCode, output, error) = await VerbRunner.RunAsync("eval", "--questions", VerbRunner.SeedQuestions, "--min-accuracy", "1.01");

        Assert.Equal(2, exitCode);
        Assert.Contains("Option --min-accuracy '1.01' is not a number from 0 to 1.", error, StringComparison.Ordinal);
        Assert.DoesNotContain("Answers,", output, StringComparison.Ordinal);
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

        var (exitCode, output, error) = await VerbRunner.RunAsync("eval", "--questions", questions, "--min-accuracy", "0.99", "--min-recall5", "0.5");

        Assert.Equal(1, exitCode);
        Assert.Contains("FAIL  wrong-gold", output, StringComparison.Ordinal);
        Assert.Matches(@"check failed: --min-accuracy 0\.99, got 0\.\d{3}", error);
        Assert.DoesNotContain("--min-recall5", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_MalformedLineInQuestionFile_NamesFileAndLineAndEvaluatesTheOtherLines()
    {
        var questions = Path.Combine(VerbRunner.TempFolder(), "questions.jsonl");
        var lines = await File.ReadAllLinesAsync(VerbRunner.SeedQuestions, TestContext.Current.CancellationToken);
        await File.WriteAllLinesAsync(questions, [.. lines[..3], """{"id": "broken", "question": "Who""", .. lines[3..5]], TestContext.Current.CancellationToken);

        var (exitCode, output, error) = await VerbRunner.RunAsync("eval", "--questions", questions);

        Assert.Equal(2, exitCode);
        Assert.Contains($"error: {questions}(4): not valid JSON", error, StringComparison.Ordinal);
        Assert.Contains("Answers, 5 questions", output, StringComparison.Ordinal);
        foreach (var id in new[] { "seed-01", "seed-02", "seed-03", "seed-04", "seed-05" })
        {
            Assert.Contains($"  {id}  answer ", output, StringComparison.Ordinal);
        }

        Assert.DoesNotContain("broken", output, StringComparison.Ordinal);
    }
}
