using System.Text.Json;
using System.Text.Json.Nodes;
using ArticleBot.Bot;
using ArticleBot.Cli;
using ArticleQa.Evaluation;

namespace ArticleBot.Tests.Cli;

public sealed class FeedbackCommandTests
{
    [Fact]
    public async Task Run_Export_WritesTheDislikesAsReviewQuestionsThatQuestionFileReads()
    {
        var (feedback, exported) = await WriteFeedbackAsync();

        var (exitCode, output, _) = await VerbRunner.RunAsync("feedback", "export", "--feedback", feedback, "--out", exported);

        Assert.Equal(0, exitCode);
        Assert.Contains($"Wrote 2 thumbs-down questions from {feedback} to {exported}", output, StringComparison.Ordinal);
        var lines = await File.ReadAllLinesAsync(exported, TestContext.Current.CancellationToken);
        Assert.Equal(2, lines.Length);
        Assert.All(lines, line =>
        {
            var json = JsonNode.Parse(line)!;
            Assert.True((bool)json["review"]!);
            Assert.NotNull(json["note"]!["botAnswer"]);
        });
        var read = await QuestionFile.ReadAsync(exported, TestContext.Current.CancellationToken);
        Assert.Empty(read.Errors);
        Assert.Equal(["Who will travel to Moscow next week?", "How old is Vladimir Putin?"], read.Questions.Select(q => q.Question));
        Assert.All(read.Questions, q => Assert.False(q.Scored));
    }

    [Fact]
    public async Task Run_EvalOverExport_RunsTheQuestionsUnscored()
    {
        var (feedback, exported) = await WriteFeedbackAsync();
        await VerbRunner.RunAsync("feedback", "export", "--feedback", feedback, "--out", exported);

        var (exitCode, output, _) = await VerbRunner.RunAsync("eval", "--questions", exported, "--json");

        Assert.Equal(0, exitCode);
        var answers = JsonNode.Parse(output)!["answers"]!;
        Assert.Equal(2, (int)answers["questions"]!);
        Assert.Equal(0, (int)answers["answerable"]!);
        var perQuestion = answers["perQuestion"]!.AsArray();
        Assert.Equal(["feedback-a1", "feedback-a3"], perQuestion.Select(r => (string)r!["id"]!));
        Assert.All(perQuestion, r => Assert.False((bool)r!["scored"]!));
        Assert.Contains("Witkoff", (string)perQuestion[0]!["answer"]!, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_MissingFeedbackFile_NamesIt()
    {
        var missing = Path.Combine(VerbRunner.TempFolder(), "no-feedback.jsonl");

        var (exitCode, _, error) = await VerbRunner.RunAsync("feedback", "export", "--feedback", missing);

        Assert.Equal(2, exitCode);
        Assert.Contains($"error: Feedback file '{missing}' does not exist.", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_LineCutShort_NamesTheFile()
    {
        var (feedback, _) = await WriteFeedbackAsync();
        await File.AppendAllTextAsync(feedback, "{\"time\":\"2025-11-28T10:00:00+00:00\",\"channel\":\"emulator\",\"reac", TestContext.Current.CancellationToken);

        var (exitCode, _, error) = await VerbRunner.RunAsync("feedback", "export", "--feedback", feedback);

        Assert.Equal(2, exitCode);
        Assert.Contains($"error: Feedback file '{feedback}' has a line that is not a feedback entry", error, StringComparison.Ordinal);
    }

    private static async Task<(string Feedback, string Exported)> WriteFeedbackAsync()
    {
        var folder = VerbRunner.TempFolder();
        var time = new DateTimeOffset(2025, 11, 28, 10, 0, 0, TimeSpan.Zero);
        FeedbackEntry[] entries =
        [
            new(time, "emulator", "dislike", "too long", "a1", "Who will travel to Moscow next week?", "Steve Witkoff [1].", ["p1"], "9d04f5329272"),
            new(time, "msteams", "like", null, "a2", "Where was Putin when he spoke to reporters?", "In Bishkek [1].", ["p2"], "9d04f5329272"),
            new(time, "webchat", "dislike", null, "a3", "How old is Vladimir Putin?", "Putin on Thursday spoke favorably [1].", ["p1"], "9d04f5329272"),
        ];
        var feedback = Path.Combine(folder, "feedback.jsonl");
        await File.WriteAllLinesAsync(feedback, entries.Select(e => JsonSerializer.Serialize(e, FeedbackEntry.Json)), TestContext.Current.CancellationToken);
        return (feedback, Path.Combine(folder, "review.jsonl"));
    }
}
