using ArticleBot.Cli;

namespace ArticleBot.Tests.Cli;

public sealed class ChatCommandTests
{
    [Fact]
    public async Task Run_FollowUpThenReset_AnswersInContextWithCitationsThenForgets()
    {
        var input = string.Join("\n", "Who will travel to Moscow next week?", "What will he discuss there?", "reset", "What will he discuss there?", "exit", "Never read");

        var (exitCode, output, _) = await VerbRunner.RunWithAsync(VerbRunner.WithDefaults("chat"), input);

        Assert.Equal(0, exitCode);
        // Each reply follows the "> " prompt of the line it answers; the last prompt got "exit".
        var replies = output.Split("> ")[1..^1];
        Assert.Equal(4, replies.Length);
        Assert.Contains("Witkoff", replies[0], StringComparison.Ordinal);
        Assert.Contains("Sources:", replies[0], StringComparison.Ordinal);
        Assert.Contains("[1] Putin Says US Plan", replies[0], StringComparison.Ordinal);

        // "he" is Witkoff from the first turn, so the follow-up is answered with the sentence about his trip.
        Assert.Contains("Witkoff", replies[1], StringComparison.Ordinal);
        Assert.Matches("to discuss the (potential )?deal", replies[1]);
        Assert.Contains("[1] Putin Says US Plan", replies[1], StringComparison.Ordinal);

        Assert.Equal("Forgot the conversation.", replies[2].Trim());

        // Without the history the same follow-up no longer knows who "he" is.
        Assert.DoesNotContain("Witkoff", replies[3], StringComparison.Ordinal);
        Assert.DoesNotContain("Never read", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_GreetingAndThanks_RepliedToAndNotTurnsOfTheConversation()
    {
        var input = string.Join("\n", "hi", "What is this about?", "thanks!", "Tell me more", "exit");

        var (exitCode, output, _) = await VerbRunner.RunWithAsync(VerbRunner.WithDefaults("chat"), input);

        Assert.Equal(0, exitCode);
        var replies = output.Split("> ")[1..^1];
        Assert.Equal(4, replies.Length);
        Assert.Equal(ChatCommand.Greeted, replies[0].Trim());
        // After "hi", "What is this about?" is still the first question: the overview, not a follow-up on "hi".
        Assert.StartsWith("Russian President Vladimir Putin on Thursday", replies[1], StringComparison.Ordinal);
        Assert.Equal(ArticleBot.Bot.BotCommands.YoureWelcome, replies[2].Trim());
        // "Tell me more" reads on after the overview, the thank-you in between.
        Assert.StartsWith("“In general, we agree", replies[3], StringComparison.Ordinal);
    }
}
