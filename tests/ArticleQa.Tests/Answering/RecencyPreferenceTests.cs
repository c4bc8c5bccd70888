using ArticleQa.Answering;
using ArticleQa.Tests.Articles;
using Microsoft.Extensions.DependencyInjection;

namespace ArticleQa.Tests.Answering;

/// <summary>"Latest" questions prefer the newer of two equally relevant, dated versions of one story.</summary>
public sealed class RecencyPreferenceTests
{
    private static string Version(string date, string place) => $"""
        Ukraine peace talks move ahead
        Date: {date}

        Officials from the United States and Ukraine met on Monday to discuss the 28-point peace plan for Ukraine.

        The next round of talks on the peace plan will be held in {place}, the officials said after the meeting.

        Diplomats expect the talks on the plan to last two days and to include European envoys.
        """;

    [Theory]
    [InlineData("Where will the latest round of talks on the peace plan be held?")]
    [InlineData("What is the most recent news on where the peace plan talks will be held?")]
    public async Task AnswerAsync_LatestQuestionTwoVersionsOfOneStory_CitesTheNewer(string question)
    {
        using var folder = new TempFolder();
        folder.Write("talks-2025-11-20.txt", Version("2025-11-20", "Geneva"));
        folder.Write("talks-2025-11-27.txt", Version("2025-11-27", "Moscow"));
        await using var engine = TestEngine.Create(new Dictionary<string, string?> { ["Articles:Path"] = folder.Path });

        var answer = await engine.GetRequiredService<AnswerGenerator>().AnswerAsync(question, TestContext.Current.CancellationToken);

        Assert.False(answer.Abstained, answer.Text);
        Assert.Contains("Moscow", answer.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Geneva", answer.Text, StringComparison.Ordinal);
        Assert.All(answer.Citations, c => Assert.Equal(new DateTimeOffset(2025, 11, 27, 0, 0, 0, TimeSpan.Zero), c.Published));
    }

    [Theory]
    [InlineData("What is the latest on the talks?", true)]
    [InlineData("Where will the most recent talks be held?", true)]
    [InlineData("Who will travel to Moscow next week?", false)]
    [InlineData("Where will the talks be held?", false)]
    public void AsksForLatest_Question_DetectsLatestAndMostRecent(string question, bool expected) =>
        Assert.Equal(expected, RecencyPreference.AsksForLatest(question));
}
