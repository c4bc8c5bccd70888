using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace ArticleBot.Tests.Channels;

/// <summary>
/// One question per channel id through the real POST /api/messages (expectReplies, so nothing streams), checking the
/// reply shape each channel needs and running the ReplyValidator on every reply.
/// </summary>
public sealed class ChannelRoundTripTests(BotHostFixture fixture) : IClassFixture<BotHostFixture>
{
    private const string Question = "Who will travel to Moscow next week?";
    private const string ArticleTitle = "Putin Says US Plan Could Be ‘Basis’ for Ukraine Deal";

    [Fact]
    public async Task Post_Teams_RepliesWithMarkersAiLabelCitationAndFeedbackLoop()
    {
        var reply = await AskAsync("msteams");

        var text = (string)reply["text"]!;
        Assert.Contains("Witkoff", text, StringComparison.Ordinal);
        Assert.Contains("[1]", text, StringComparison.Ordinal);
        Assert.DoesNotMatch(@"(?m)^\[\d+\]:", text);
        var entity = BotReplies.CitationEntity(reply);
        Assert.Equal("", (string?)entity["@id"]);
        Assert.Equal(["AIGeneratedContent"], entity["additionalType"]!.AsArray().Select(t => (string?)t));
        Assert.Null(entity["potentialAction"]);
        AssertFirstClaim(entity);
        Assert.Equal("default", (string?)reply["channelData"]!["feedbackLoop"]!["type"]);
    }

    [Theory]
    [InlineData("webchat")]
    [InlineData("directline")]
    public async Task Post_WebChat_RepliesWithLinkDefinitionsEntityAndFeedbackActions(string channelId)
    {
        var reply = await AskAsync(channelId);

        var text = (string)reply["text"]!;
        Assert.Contains("Witkoff", text, StringComparison.Ordinal);
        Assert.Equal("markdown", (string?)reply["textFormat"]);
        Assert.Matches($@"(?m)^\[1\]: \S+ ""{Regex.Escape(ArticleTitle)}""$", text);
        var entity = BotReplies.CitationEntity(reply);
        Assert.Equal("", (string?)entity["@id"]);
        AssertFirstClaim(entity);
        var actions = entity["potentialAction"]!.AsArray().Select(a => a!.AsObject()).ToList();
        Assert.Equal(["LikeAction", "DislikeAction"], actions.Select(a => (string?)a["@type"]));
        var like = Regex.Match((string)actions[0]["@id"]!, @"^fb:like:(?<id>\w+)$");
        Assert.True(like.Success, (string?)actions[0]["@id"]);
        Assert.Equal($"fb:dislike:{like.Groups["id"].Value}", (string?)actions[1]["@id"]);
    }

    [Theory]
    [InlineData("emulator")]
    [InlineData("slack")]
    public async Task Post_OtherChannel_RepliesWithMarkdownSourcesList(string channelId)
    {
        var reply = await AskAsync(channelId);

        var text = (string)reply["text"]!;
        Assert.Equal("markdown", (string?)reply["textFormat"]);
        Assert.Contains("Witkoff", text, StringComparison.Ordinal);
        Assert.Contains("[1]", text, StringComparison.Ordinal);
        Assert.Contains("\n\n**Sources**\n", text, StringComparison.Ordinal);
        Assert.Matches($@"(?m)^1\. \*\*{Regex.Escape(ArticleTitle)}\*\*: "".+""", text);
    }

    /// <summary>Asks <see cref="Question"/> on <paramref name="channelId"/>; returns the one message after validating every reply.</summary>
    private async Task<JsonObject> AskAsync(string channelId)
    {
        using var response = await fixture.Host.PostActivityAsync(BotHost.Message(Question, channelId));
        var replies = await BotReplies.ReadAsync(response);

        Assert.All(replies, r => BotReplies.AssertValid(r, channelId));
        Assert.DoesNotContain(replies, r => r["entities"]?.AsArray().Any(e => (string?)e!["type"] == "streaminfo") == true);
        return Assert.Single(replies.WithType("message"));
    }

    /// <summary>Claim 1 within Teams' limits: name ≤ 80, abstract ≤ 160, at most 3 keywords.</summary>
    private static void AssertFirstClaim(JsonObject entity)
    {
        var claim = entity["citation"]!.AsArray()[0]!;
        Assert.Equal("Claim", (string?)claim["@type"]);
        Assert.Equal(1, (int)claim["position"]!);
        var appearance = claim["appearance"]!;
        Assert.Equal("DigitalDocument", (string?)appearance["@type"]);
        Assert.Equal(ArticleTitle, (string?)appearance["name"]);
        Assert.InRange(((string)appearance["name"]!).Length, 1, 80);
        Assert.InRange(((string)appearance["abstract"]!).Length, 1, 160);
        Assert.InRange(appearance["keywords"]!.AsArray().Count, 0, 3);
    }
}
