using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace ArticleQa.Tests.Fakes;

/// <summary>
/// An OpenAI-compatible server on 127.0.0.1 for tests: answers <c>POST /v1/chat/completions</c> with the queued
/// replies (content, HTTP status, or held until a signal), records every request body, signals each request it
/// receives, and streams as server-sent events (one word an event) when the request asks for <c>stream: true</c>.
/// <c>POST /v1/embeddings</c> gets one deterministic vector per input (or the queued failure status).
/// Nothing here waits on the clock.
/// </summary>
internal sealed class FakeOpenAiServer : IAsyncDisposable
{
    private readonly HttpListener _listener = new();
    private readonly ConcurrentQueue<FakeReply> _replies = new();
    private readonly SemaphoreSlim _received = new(0);
    private readonly TaskCompletionSource _disposed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Task _loop;

    public FakeOpenAiServer()
    {
        var port = FreePort();
        BaseUrl = $"http://127.0.0.1:{port}/v1";
        _listener.Prefixes.Add($"http://127.0.0.1:{port}/");
        _listener.Start();
        _loop = Task.Run(ServeAsync);
    }

    /// <summary>The <c>/v1</c> base URL to configure as <c>Llm:Endpoint</c>.</summary>
    public string BaseUrl { get; }

    public ConcurrentQueue<JsonNode> Requests { get; } = new();

    /// <summary>
    /// A model that always gives <paramref name="answer"/>, streamed one word an event (the Local model answers in one
    /// piece). Whether the bot forwards each word is up to its stream interval, on the test's clock.
    /// </summary>
    public static FakeOpenAiServer WordByWord(string answer) =>
        new() { DefaultReply = new FakeReply(answer) };

    /// <summary>Completes when the server has received one more request (in arrival order).</summary>
    public Task RequestReceivedAsync(CancellationToken cancellationToken) => _received.WaitAsync(cancellationToken);

    /// <summary>The least time between streamed updates in <see cref="BotSettings"/>.</summary>
    public static readonly TimeSpan StreamInterval = TimeSpan.FromMilliseconds(100);

    /// <summary>
    /// Configuration that points the bot at this server, with streamed updates at most every
    /// <see cref="StreamInterval"/>, and the longest request timeout (hosts in tests may run on a fake clock).
    /// </summary>
    public Dictionary<string, string?> BotSettings() => new()
    {
        ["Llm:Provider"] = "OpenAICompatible",
        ["Llm:Endpoint"] = BaseUrl,
        ["Llm:Model"] = "fake-model",
        ["Llm:MaxRetries"] = "0",
        ["Llm:TimeoutSeconds"] = "600",
        ["Channels:StreamIntervalMilliseconds"] = ((int)StreamInterval.TotalMilliseconds).ToString(System.Globalization.CultureInfo.InvariantCulture),
    };

    /// <summary>What the server answers once the queue is empty.</summary>
    public FakeReply DefaultReply { get; set; } = new("The articles don't cover that.");

    public void Enqueue(FakeReply reply) => _replies.Enqueue(reply);

    /// <summary>All user-message text of the last request.</summary>
    public string LastUserText() =>
        string.Join("\n", Requests.Last()["messages"]!.AsArray()
            .Where(m => (string?)m!["role"] == "user")
            .Select(m => (string?)m!["content"] ?? ""));

    private async Task ServeAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException)
            {
                return;
            }

            _ = Task.Run(() => HandleAsync(context));
        }
    }

    private async Task HandleAsync(HttpListenerContext context)
    {
        try
        {
            using var reader = new StreamReader(context.Request.InputStream, Encoding.UTF8);
            var request = JsonNode.Parse(await reader.ReadToEndAsync())!;
            Requests.Enqueue(request);
            _received.Release();
            var reply = _replies.TryDequeue(out var queued) ? queued : DefaultReply;
            if (reply.Hold is { } hold)
            {
                await Task.WhenAny(hold, _disposed.Task);
            }

            context.Response.StatusCode = reply.Status;
            if (reply.Status != 200)
            {
                await WriteAsync(context.Response, "application/json", """{"error":{"message":"fake failure","type":"server_error"}}""");
            }
            else if (context.Request.Url!.AbsolutePath.EndsWith("/embeddings", StringComparison.Ordinal))
            {
                await WriteAsync(context.Response, "application/json", EmbeddingsBody(request));
            }
            else if ((bool?)request["stream"] == true)
            {
                await StreamAsync(context.Response, reply);
            }
            else
            {
                await WriteAsync(context.Response, "application/json", CompletionBody(reply.Content));
            }
        }
        catch (Exception e) when (e is HttpListenerException or IOException or ObjectDisposedException)
        {
            // The client gave up (e.g. its timeout fired); nothing to answer.
        }
    }

    private static async Task WriteAsync(HttpListenerResponse response, string contentType, string body)
    {
        response.ContentType = contentType;
        var bytes = Encoding.UTF8.GetBytes(body);
        await response.OutputStream.WriteAsync(bytes);
        response.Close();
    }

    private static string CompletionBody(string content) => JsonSerializer.Serialize(new
    {
        id = "chatcmpl-fake",
        @object = "chat.completion",
        created = 1_700_000_000,
        model = "fake-model",
        choices = new[] { new { index = 0, message = new { role = "assistant", content }, finish_reason = "stop" } },
        usage = new { prompt_tokens = 10, completion_tokens = 10, total_tokens = 20 },
    });

    /// <summary>One vector per input, derived from its text (same text, same vector).</summary>
    private static string EmbeddingsBody(JsonNode request)
    {
        var inputs = request["input"] is JsonArray array ? array.Select(i => (string?)i ?? "").ToList() : [(string?)request["input"] ?? ""];
        var base64 = (string?)request["encoding_format"] == "base64";
        var data = inputs.Select((text, i) =>
        {
            var vector = Enumerable.Range(0, EmbeddingDimensions).Select(d => (float)(((text.Length + (d * 7) + text.Sum(c => c % (d + 3))) % 13) + 1) / 14f).ToArray();
            object embedding = base64 ? Convert.ToBase64String(System.Runtime.InteropServices.MemoryMarshal.AsBytes(vector.AsSpan())) : vector;
            return new { @object = "embedding", index = i, embedding };
        });
        return JsonSerializer.Serialize(new { @object = "list", data, model = (string?)request["model"], usage = new { prompt_tokens = 1, total_tokens = 1 } });
    }

    /// <summary>Length of the vectors <c>/v1/embeddings</c> returns.</summary>
    public const int EmbeddingDimensions = 8;

    /// <summary>Server-sent events, one word a chunk, each flushed at once.</summary>
    private static async Task StreamAsync(HttpListenerResponse response, FakeReply reply)
    {
        response.ContentType = "text/event-stream";
        response.SendChunked = true;
        foreach (var piece in reply.Content.Split(' ').Select((word, i) => i == 0 ? word : " " + word))
        {
            var chunk = new
            {
                id = "chatcmpl-fake",
                @object = "chat.completion.chunk",
                created = 1_700_000_000,
                model = "fake-model",
                choices = new[] { new { index = 0, delta = new { role = "assistant", content = piece }, finish_reason = (string?)null } },
            };
            await WriteEventAsync(response.OutputStream, JsonSerializer.Serialize(chunk));
        }

        await WriteEventAsync(response.OutputStream, "[DONE]");
        response.Close();
    }

    private static async Task WriteEventAsync(Stream output, string data)
    {
        await output.WriteAsync(Encoding.UTF8.GetBytes($"data: {data}\n\n"));
        await output.FlushAsync();
    }

    private static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync()
    {
        _disposed.TrySetResult();
        _listener.Stop();
        _listener.Close();
        await _loop;
        _received.Dispose();
    }
}

/// <summary>One canned reply of <see cref="FakeOpenAiServer"/>.</summary>
/// <param name="Content">The model's text.</param>
/// <param name="Status">HTTP status; anything but 200 answers with an error body.</param>
/// <param name="Hold">When set, the reply waits for this task (or the server's disposal): a server that never answers in time.</param>
internal sealed record FakeReply(string Content, int Status = 200, Task? Hold = null);
