using ArticleBot.Storage;
using ArticleBot.Storage.Postgres;
using Microsoft.Bot.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace ArticleBot.Tests.Storage;

/// <summary>The PostgreSQL IStorage keeps the SDK stores' ETag semantics across instances.</summary>
[Collection(PostgresTestDatabase.Collection)]
public sealed class PostgresStorageTests
{
    [Fact]
    public async Task Write_StaleETagFromAnotherInstance_FailsAndStarOverwrites()
    {
        await using var database = await PostgresTestDatabase.CreateAsync();
        await using var onA = await OpenAsync(database);
        await using var onB = await OpenAsync(database);
        var a = new PostgresStorage(onA);
        var b = new PostgresStorage(onB);
        await a.WriteAsync(new Dictionary<string, object> { ["k"] = new Counter { Count = 1 } }, TestContext.Current.CancellationToken);
        var readByA = (Counter)(await a.ReadAsync(["k"], TestContext.Current.CancellationToken))["k"];
        var readByB = (Counter)(await b.ReadAsync(["k"], TestContext.Current.CancellationToken))["k"];

        readByA.Count = 2;
        await a.WriteAsync(new Dictionary<string, object> { ["k"] = readByA }, TestContext.Current.CancellationToken);
        readByB.Count = 3;
        var stale = await Assert.ThrowsAsync<InvalidOperationException>(() => b.WriteAsync(new Dictionary<string, object> { ["k"] = readByB }, TestContext.Current.CancellationToken));
        var afterStale = (Counter)(await b.ReadAsync(["k"], TestContext.Current.CancellationToken))["k"];
        await b.WriteAsync(new Dictionary<string, object> { ["k"] = new Counter { Count = 4, ETag = "*" } }, TestContext.Current.CancellationToken);
        var afterStar = (Counter)(await a.ReadAsync(["k"], TestContext.Current.CancellationToken))["k"];

        Assert.Contains("Etag conflict", stale.Message, StringComparison.Ordinal);
        Assert.Equal(2, afterStale.Count);
        Assert.Equal(4, afterStar.Count);
        Assert.NotEqual(readByA.ETag, afterStar.ETag);
    }

    [Fact]
    public async Task ReadWriteDelete_PlainObjects_RoundTripWithTheirTypes()
    {
        await using var database = await PostgresTestDatabase.CreateAsync();
        await using var db = await OpenAsync(database);
        var storage = new PostgresStorage(db);

        await storage.WriteAsync(new Dictionary<string, object> { ["x"] = new Dictionary<string, object> { ["Turns"] = new List<string> { "a", "b" } } }, TestContext.Current.CancellationToken);
        var read = await storage.ReadAsync(["x", "missing"], TestContext.Current.CancellationToken);
        await storage.DeleteAsync(["x"], TestContext.Current.CancellationToken);

        var value = Assert.IsType<Dictionary<string, object>>(Assert.Single(read).Value);
        Assert.Equal(["a", "b"], Assert.IsType<List<string>>(value["Turns"]));
        Assert.Empty(await storage.ReadAsync(["x"], TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Migrate_TwiceOnOneDatabase_AppliesEachVersionOnce()
    {
        await using var database = await PostgresTestDatabase.CreateAsync();
        await using var db = await OpenAsync(database);

        var again = await db.RunAsync((c, t) => PostgresSchema.MigrateAsync(c, t), TestContext.Current.CancellationToken);

        Assert.Empty(again);
    }

    internal static async Task<PostgresDatabase> OpenAsync(PostgresTestDatabase database)
    {
        var options = new StorageOptions { Provider = StorageProvider.PostgreSQL };
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(database.Settings()).Build();
        var db = new PostgresDatabase(configuration, Options.Create(options), NullLogger<PostgresDatabase>.Instance);
        await new PostgresStartup(db, NullLogger<PostgresStartup>.Instance).StartAsync(TestContext.Current.CancellationToken);
        return db;
    }

    public sealed class Counter : IStoreItem
    {
        public int Count { get; set; }

        public string? ETag { get; set; }
    }
}
