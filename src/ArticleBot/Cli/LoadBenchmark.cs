using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using ArticleQa.Retrieval;

namespace ArticleBot.Cli;

/// <summary>
/// <c>benchmark --load 50x10 [--postgres CONNECTION]</c>: N concurrent conversations of M turns each over
/// <c>/api/messages</c> against two bot instances on loopback, turns alternating between them; with Memory storage and
/// (given a server) with PostgreSQL in a throwaway database. Prints turns/s, p50/p95 turn latency and the replies
/// lost (no answer) or crossed (an answer for another turn or conversation). Figures only.
/// </summary>
internal static class LoadBenchmark
{
    private static readonly string[] Questions =
    [
        "Who will travel to Moscow next week?",
        "What did Putin say about the US plan?",
        "What could be the basis for a Ukraine deal?",
        "Who is Steve Witkoff?",
        "What is the US plan?",
    ];

    public static (int Conversations, int Turns) Parse(string value)
    {
        var parts = value.Split('x');
        return parts.Length == 2 && int.TryParse(parts[0], CultureInfo.InvariantCulture, out var c) && int.TryParse(parts[1], CultureInfo.InvariantCulture, out var t) && c is > 0 and <= 1000 && t is > 0 and <= 1000
            ? (c, t)
            : throw new CommandLineException($"Option --load '{value}' is not CONVERSATIONSxTURNS (e.g. 50x10, each 1 to 1000).");
    }

    public static async Task RunAsync(TextWriter output, IReadOnlyDictionary<string, string?> configuration, (int Conversations, int Turns) load, string? server, string folder, CancellationToken cancellationToken)
    {
        await RunOneAsync(output, configuration, load, "Memory", new Dictionary<string, string?>(), folder, cancellationToken);
        if (server is null)
        {
            await output.WriteLineAsync("Load, PostgreSQL: skipped (give --postgres CONNECTION or ConnectionStrings:ArticleBot)");
            return;
        }

        await using var database = await BenchmarkDatabase.CreateAsync(server, cancellationToken);
        var settings = new Dictionary<string, string?> { ["Storage:Provider"] = "PostgreSQL", ["ConnectionStrings:ArticleBot"] = database.ConnectionString };
        await RunOneAsync(output, configuration, load, "PostgreSQL", settings, folder, cancellationToken);
    }

    private static async Task RunOneAsync(TextWriter output, IReadOnlyDictionary<string, string?> configuration, (int Conversations, int Turns) load, string name, Dictionary<string, string?> settings, string folder, CancellationToken cancellationToken)
    {
        var hosts = new List<WebApplication>();
        try
        {
            for (var i = 0; i < 2; i++)
            {
                var overrides = new Dictionary<string, string?>(configuration)
                {
                    ["Index:Path"] = Path.Combine(folder, $"load-{name}-{i}"),
                    ["Index:Watch"] = "false",
                    ["Channels:FeedbackPath"] = Path.Combine(folder, $"load-{name}-{i}", "feedback.jsonl"),
                    ["Logging:LogLevel:Default"] = "Warning",
                };
                foreach (var (key, value) in settings)
                {
                    overrides[key] = value;
                }

                var app = BotApp.Build(["--urls", "http://127.0.0.1:0", "--environment", "Production"], overrides);
                await app.StartAsync(cancellationToken);
                hosts.Add(app);
            }

            var clients = hosts.Select(h => new HttpClient { BaseAddress = new Uri(h.Urls.First()), Timeout = TimeSpan.FromMinutes(2) }).ToList();
            var result = await DriveAsync(clients, load, cancellationToken);
            clients.ForEach(c => c.Dispose());
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"Load, {name}, 2 instances: {load.Conversations} conversations x {load.Turns} turns = {result.Latencies.Count} turns in {result.Seconds:0.0} s ({result.Latencies.Count / result.Seconds:0.0} turns/s); turn p50 {RetrievalBenchmark.Percentile(result.Latencies, 0.5):0} ms, p95 {RetrievalBenchmark.Percentile(result.Latencies, 0.95):0} ms; lost {result.Lost}, crossed {result.Crossed}"));
        }
        finally
        {
            foreach (var host in hosts)
            {
                await host.StopAsync(CancellationToken.None);
                await host.DisposeAsync();
            }
        }
    }

    private static async Task<(List<double> Latencies, double Seconds, int Lost, int Crossed)> DriveAsync(List<HttpClient> clients, (int Conversations, int Turns) load, CancellationToken cancellationToken)
    {
        var latencies = new ConcurrentBag<double>();
        var lost = 0;
        var crossed = 0;
        var run = Guid.NewGuid().ToString("N")[..8];
        var watch = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, load.Conversations).Select(c => Task.Run(async () =>
        {
            for (var t = 0; t < load.Turns; t++)
            {
                var conversation = $"load-{run}-{c}";
                var activity = Message(conversation, $"{conversation}-{t}", Questions[(c + t) % Questions.Length]);
                var turn = Stopwatch.StartNew();
                var (ok, wrong) = await TurnAsync(clients[t % clients.Count], activity, conversation, cancellationToken);
                latencies.Add(turn.Elapsed.TotalMilliseconds);
                if (!ok)
                {
                    Interlocked.Increment(ref lost);
                }

                Interlocked.Add(ref crossed, wrong);
            }
        }, cancellationToken)));
        var seconds = watch.Elapsed.TotalSeconds;
        var sorted = latencies.ToList();
        sorted.Sort();
        return (sorted, seconds, lost, crossed);
    }

    /// <summary>True when an answer came back for this turn; and how many replies belonged to another turn or conversation.</summary>
    private static async Task<(bool Answered, int Crossed)> TurnAsync(HttpClient client, JsonObject activity, string conversation, CancellationToken cancellationToken)
    {
        try
        {
            using var response = await client.PostAsJsonAsync("/api/messages", activity, cancellationToken);
            if (!response.IsSuccessStatusCode)
            {
                return (false, 0);
            }

            var replies = (await response.Content.ReadFromJsonAsync<JsonObject>(cancellationToken))?["activities"]?.AsArray().Select(a => a!.AsObject()).ToList() ?? [];
            var mine = replies.Count(r => (string?)r["conversation"]?["id"] == conversation && (string?)r["replyToId"] == (string?)activity["id"]);
            var answered = replies.Any(r => (string?)r["type"] == "message" && (string?)r["replyToId"] == (string?)activity["id"] && (string?)r["text"] != Bot.BotAdapter.Apology);
            return (answered, replies.Count - mine);
        }
        catch (HttpRequestException)
        {
            return (false, 0);
        }
    }

    private static JsonObject Message(string conversation, string id, string text) => new()
    {
        ["type"] = "message",
        ["id"] = id,
        ["text"] = text,
        ["channelId"] = "emulator",
        ["deliveryMode"] = "expectReplies",
        ["serviceUrl"] = "http://127.0.0.1:1/",
        ["conversation"] = new JsonObject { ["id"] = conversation },
        ["from"] = new JsonObject { ["id"] = "user-" + conversation, ["name"] = "User" },
        ["recipient"] = new JsonObject { ["id"] = "bot", ["name"] = "ArticleBot" },
        ["locale"] = "en-US",
    };
}
