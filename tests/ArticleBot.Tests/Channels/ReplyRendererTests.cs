using ArticleBot.Channels;
using ArticleQa.Answering;
using Microsoft.Bot.Schema;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace ArticleBot.Tests.Channels;

/// <summary>
/// Golden files hold the exact reply shape per channel family. To accept an intended change, run the tests with
/// UPDATE_GOLDEN=1 and review the diff of tests/ArticleBot.Tests/Channels/Golden.
/// </summary>
public sealed class ReplyRendererTests
{
    private static readonly Answer SampleAnswer = new(
        "Witkoff will travel to Moscow next week [1]. Talks in Geneva changed the draft [2].",
        [
            new Citation(1, "seed/putin", "Putin Says US Plan Could Be ‘Basis’ for Ukraine Deal", new Uri("https://news.example.com/putin-plan"), new DateTimeOffset(2025, 11, 27, 0, 0, 0, TimeSpan.Zero), "seed/putin#0", "Witkoff will travel to Moscow next week to discuss the potential deal with Putin. Russian President Vladimir Putin on Thursday spoke favorably about the US’s initial 28-point draft for a potential peace deal in Ukraine.", 0, 210, "Witkoff will travel to Moscow next week to discuss the potential deal with Putin.", 0, 81),
            new Citation(2, "seed/geneva", "Geneva talks", null, null, "seed/geneva#3", "The initial US draft was altered during talks between US and Ukrainian officials in Geneva, but the exact changes are unclear.", 500, 620),
        ],
        Abstained: false);

    private static readonly Uri ArticleBase = new("https://bot.example/");

    private static readonly FollowUp[] SampleFollowUps =
    [
        new("Bishkek", "What do the articles say about Bishkek?"),
        new("Steve Witkoff's trip", "What will Steve Witkoff discuss in Moscow next week?"),
    ];

    public static TheoryData<string, ChannelKind> Kinds() => new()
    {
        { "teams", ChannelKind.Teams },
        { "webchat", ChannelKind.WebChat },
        { "emulator", ChannelKind.Markdown },
    };

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Render_SampleAnswer_MatchesGoldenJson(string name, ChannelKind kind)
    {
        var reply = ReplyRenderer.Render(SampleAnswer, kind, "answer-1", ArticleBase);
        FollowUpActions.Add(reply, SampleFollowUps, kind, personal: true);
        var actual = JsonConvert.SerializeObject(reply, Formatting.Indented, new JsonSerializerSettings { NullValueHandling = NullValueHandling.Ignore }).ReplaceLineEndings("\n") + "\n";
        var golden = Path.Combine(RepositoryPaths.Root, "tests", "ArticleBot.Tests", "Channels", "Golden", $"{name}.json");
        if (Environment.GetEnvironmentVariable("UPDATE_GOLDEN") == "1")
        {
            File.WriteAllText(golden, actual);
        }

        Assert.Equal(File.ReadAllText(golden).ReplaceLineEndings("\n"), actual);
        Assert.Empty(ReplyValidator.Validate(reply, kind));
    }

    [Theory]
    [InlineData("msteams", ChannelKind.Teams)]
    [InlineData("webchat", ChannelKind.WebChat)]
    [InlineData("directline", ChannelKind.WebChat)]
    [InlineData("emulator", ChannelKind.Markdown)]
    [InlineData("slack", ChannelKind.Markdown)]
    [InlineData(null, ChannelKind.Markdown)]
    public void Of_ChannelId_PicksRendering(string? channelId, ChannelKind expected) => Assert.Equal(expected, ChannelKinds.Of(channelId));

    [Fact]
    public void Render_TwelveCitations_SendsTenAndDropsMarkersBeyond()
    {
        var citations = Enumerable.Range(1, 12).Select(n => SampleAnswer.Citations[0] with { Number = n }).ToList();
        var text = string.Join(' ', citations.Select(c => $"Claim {c.Number} [{c.Number}]."));

        var reply = ReplyRenderer.Render(new Answer(text, citations, false), ChannelKind.Teams, "a");

        Assert.Empty(ReplyValidator.Validate(reply, ChannelKind.Teams));
        Assert.DoesNotContain("[11]", reply.Text, StringComparison.Ordinal);
        Assert.Equal(10, ((JArray)reply.Entities.Single().Properties["citation"]!).Count);
    }

    [Fact]
    public void Render_LongTitleAndPassage_WithinTeamsLimits()
    {
        var citation = SampleAnswer.Citations[0] with { Title = new string('T', 200), Passage = string.Join(' ', Enumerable.Repeat("Supercalifragilisticexpialidociously-long-keyword words", 40)) };

        var reply = ReplyRenderer.Render(new Answer("Claim [1].", [citation], false), ChannelKind.Teams, "a");

        Assert.Empty(ReplyValidator.Validate(reply, ChannelKind.Teams));
    }

    [Fact]
    public void Validate_BrokenReply_ListsEveryProblem()
    {
        var entity = new Entity(CitationEntity.EntityType)
        {
            Properties = JObject.Parse("""
                {"@id": "x", "citation": [{"@type": "Claim", "position": 1, "appearance": {"@type": "DigitalDocument",
                  "name": "", "abstract": "", "keywords": ["a", "b", "c", "d"]}}]}
                """),
        };
        var reply = new Activity(ActivityTypes.Message) { Text = "A [1] and B [2].\n\n[3]: https://x \"t\"", Entities = [entity, entity] };

        var problems = ReplyValidator.Validate(reply, ChannelKind.WebChat);

        Assert.Contains(problems, p => p.Contains("root Message entities", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("@id", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("name must be", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("keywords", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("marker [2] has no citation", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("link definition [3] has no citation", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("citation 1 has no link definition", StringComparison.Ordinal));
    }
}
