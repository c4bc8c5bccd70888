using ArticleBot.Bot;
using ArticleQa.Answering;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Adapters;
using Microsoft.Bot.Schema;
using Newtonsoft.Json.Linq;

namespace ArticleBot.Tests.Bot;

public sealed class FileStorageTests : IDisposable
{
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("articlebot-storage-");

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private FileStorage Storage() => new(_folder.FullName);

    [Fact]
    public async Task WriteAsync_StoreItem_ReadBackWithAnETagThatChangesOnEveryWrite()
    {
        using var storage = Storage();

        await storage.WriteAsync(new Dictionary<string, object> { ["k"] = new Note { Text = "first" } }, Token);
        var first = await ReadNoteAsync(storage);
        await storage.WriteAsync(new Dictionary<string, object> { ["k"] = first with { Text = "second" } }, Token);
        var second = await ReadNoteAsync(storage);

        Assert.Equal("second", second.Text);
        Assert.False(string.IsNullOrEmpty(first.ETag));
        Assert.NotEqual(first.ETag, second.ETag);
    }

    [Fact]
    public async Task WriteAsync_StaleETag_FailsAndKeepsWhatIsStored()
    {
        using var storage = Storage();
        await storage.WriteAsync(new Dictionary<string, object> { ["k"] = new Note { Text = "first" } }, Token);
        var read = await ReadNoteAsync(storage);
        await storage.WriteAsync(new Dictionary<string, object> { ["k"] = read with { Text = "by another turn" } }, Token);

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() =>
            storage.WriteAsync(new Dictionary<string, object> { ["k"] = read with { Text = "stale" } }, Token));

        Assert.StartsWith("Etag conflict.", error.Message, StringComparison.Ordinal);
        Assert.Equal("by another turn", (await ReadNoteAsync(storage)).Text);
    }

    [Fact]
    public async Task WriteAsync_NoETagOverAStoredItem_FailsLikeTheSdkStorages()
    {
        using var storage = Storage();
        await storage.WriteAsync(new Dictionary<string, object> { ["k"] = new Note { Text = "first" } }, Token);

        await Assert.ThrowsAsync<InvalidOperationException>(() =>
            storage.WriteAsync(new Dictionary<string, object> { ["k"] = new Note { Text = "blind" } }, Token));
    }

    [Fact]
    public async Task WriteAsync_StarETag_Overwrites()
    {
        using var storage = Storage();
        await storage.WriteAsync(new Dictionary<string, object> { ["k"] = new Note { Text = "first" } }, Token);

        await storage.WriteAsync(new Dictionary<string, object> { ["k"] = new Note { Text = "forced", ETag = "*" } }, Token);

        Assert.Equal("forced", (await ReadNoteAsync(storage)).Text);
    }

    [Fact]
    public async Task ReadAsync_FileWithTypeNames_ReadAsPlainJsonWithoutBuildingTheType()
    {
        using var storage = Storage();
        await storage.WriteAsync(new Dictionary<string, object> { ["k"] = new Note { Text = "x" } }, Token);
        var file = Assert.Single(_folder.GetFiles("*.json"));
        Canary.Built = false;
        await File.WriteAllTextAsync(file.FullName, $$"""{"$type":"{{typeof(Canary).AssemblyQualifiedName}}","Text":"planted"}""", Token);

        var value = Assert.Single(await storage.ReadAsync(["k"], Token)).Value;

        Assert.IsType<JObject>(value);
        Assert.False(Canary.Built);
    }

    [Fact]
    public async Task WriteAsync_WritesNoTypeNamesAndLeavesNoTemporaryFiles()
    {
        using var storage = Storage();

        await storage.WriteAsync(new Dictionary<string, object> { ["a"] = new Note { Text = "x" }, ["b"] = new Dictionary<string, object> { ["n"] = 1 } }, Token);

        Assert.Equal(2, _folder.GetFiles().Length);
        Assert.All(_folder.GetFiles(), f => Assert.DoesNotContain("$type", File.ReadAllText(f.FullName), StringComparison.Ordinal));
    }

    [Fact]
    public async Task WriteAsync_TwoInstancesOnOneFolder_NoWriterTripsOverTheOthersTemporaryFile()
    {
        using var one = Storage();
        using var two = Storage();

        // Two instances (two bot processes) writing the same key: each write goes through its own temporary file.
        var writers = new[] { one, two }.Select(storage => Task.Run(async () =>
        {
            for (var i = 0; i < 50; i++)
            {
                await storage.WriteAsync(new Dictionary<string, object> { ["k"] = new Dictionary<string, object> { ["n"] = i } }, Token);
            }
        }));
        await Task.WhenAll(writers);

        Assert.Equal(49, (int)((JObject)(await one.ReadAsync(["k"], Token))["k"])["n"]!);
        Assert.Single(_folder.GetFiles());
    }

    [Fact]
    public async Task ConversationState_OverFileStorage_ConversationSurvivesANewStorageInstance()
    {
        var activity = new Activity(ActivityTypes.Message) { ChannelId = "test", Conversation = new ConversationAccount(id: "c1"), From = new ChannelAccount("u"), Recipient = new ChannelAccount("b") };
        using (var storage = Storage())
        {
            var state = new ConversationState(storage);
            var context = new TurnContext(new TestAdapter(), activity);
            var data = await state.CreateProperty<ConversationData>(nameof(ConversationData)).GetAsync(context, () => new ConversationData(), Token);
            data.Conversation.Turns.Add(new ConversationTurn("Who?", "Witkoff [1].", ["seed#0"]));
            // A "Tell me more" keeps the question it asks again and what the run said, for runs longer than the turns kept.
            data.Conversation.Turns.Add(new ConversationTurn("Tell me more", "He will discuss the deal [1].", ["seed#3"], Subject: "Who?", SaidBefore: "Witkoff [1]."));
            await state.SaveChangesAsync(context, force: false, Token);
        }

        using var restarted = Storage();
        var reread = new ConversationState(restarted);
        var turn = new TurnContext(new TestAdapter(), activity);
        var loaded = await reread.CreateProperty<ConversationData>(nameof(ConversationData)).GetAsync(turn, () => new ConversationData(), Token);

        Assert.Equal(2, loaded.Conversation.Turns.Count);
        var kept = loaded.Conversation.Turns[0];
        Assert.Equal(("Who?", "Witkoff [1]."), (kept.Question, kept.Answer));
        Assert.Equal(["seed#0"], kept.CitedPassageIds);
        Assert.Null(kept.Subject);
        Assert.Equal(("Tell me more", "Who?", "Witkoff [1]."), (loaded.Conversation.Turns[1].Question, loaded.Conversation.Turns[1].Subject, loaded.Conversation.Turns[1].SaidBefore));
    }

    private static async Task<Note> ReadNoteAsync(FileStorage storage) =>
        ((JObject)(await storage.ReadAsync(["k"], Token))["k"]).ToObject<Note>()!;

    public void Dispose() => _folder.Delete(recursive: true);

    public sealed record Note : IStoreItem
    {
        public string Text { get; init; } = "";

        public string? ETag { get; set; }
    }

    /// <summary>A type a planted file names: building it would mean the file chose what to construct.</summary>
    public sealed class Canary
    {
        public Canary() => Built = true;

        public static bool Built { get; set; }

        public string Text { get; set; } = "";
    }
}
