using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace ArticleQa.Tests.Fakes;

/// <summary>
/// An OpenAI-compatible chat completions server on 127.0.0.1 for tests: answers <c>POST /v1/chat/completions</c>
/// with the queued replies (content, HTTP status, delay), records every request body, and streams as server-sent
/// events when the request asks for <c>stream: true</c>.
/// </summary>
internal sealed class FakeOpenAiServer : IAsyncDisposable
{
    private readonly HttpListener _listener = new();
    private readonly ConcurrentQueue<FakeReply> _replies = new();
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
    /// A model that always gives <paramref name="answer"/>, streamed word by word with <paramref name="wordDelay"/>
    /// before each word: slow enough that the bot sends several streamed updates, which the Local model is too fast for.
    /// </summary>
    public static FakeOpenAiServer WordByWord(string answer, TimeSpan wordDelay) =>
        new() { DefaultReply = new FakeReply(answer, WordDelay: wordDelay) };

    /// <summary>Configuration that points the bot at this server, with streamed updates at most every 100 ms.</summary>
    public Dictionary<string, string?> BotSettings() => new()
    {
        ["Llm:Provider"] = "OpenAICompatible",
        ["Llm:Endpoint"] = BaseUrl,
        ["Llm:Model"] = "fake-model",
        ["Llm:MaxRetries"] = "0",
        ["Channels:StreamIntervalMilliseconds"] = "100",
    };

    /// <summary>What the server answers once the queue is empty.</summary>
    public FakeReply DefaultReply { get; set; } = new("The articles don't cover that.");

    public void Enqueue(FakeReply reply) => _replies.Enqueue(reply);

    /// <summary>When set, every request waits for this task before it is answered (a model the test releases).</summary>
    public Task? Hold { get; set; }

    /// <summary>Raised for every request as it arrives (before <see cref="Hold"/>): a signal for tests, no timing.</summary>
    public event Action<JsonNode>? RequestReceived;

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
            RequestReceived?.Invoke(request);
            var reply = _replies.TryDequeue(out var queued) ? queued : DefaultReply;
            if (Hold is { } hold)
            {
                await hold;
            }

            await Task.Delay(reply.Delay);
            context.Response.StatusCode = reply.Status;
            if (reply.Status != 200)
            {
                await WriteAsync(context.Response, "application/json", """{"error":{"message":"fake failure","type":"server_error"}}""");
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

    /// <summary>Server-sent events, one word a chunk, each after <see cref="FakeReply.WordDelay"/> and flushed at once.</summary>
    private static async Task StreamAsync(HttpListenerResponse response, FakeReply reply)
    {
        response.ContentType = "text/event-stream";
        response.SendChunked = true;
        foreach (var piece in reply.Content.Split(' ').Select((word, i) => i == 0 ? word : " " + word))
        {
            await Task.Delay(reply.WordDelay);
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
        _listener.Stop();
        _listener.Close();
        await _loop;
    }
}

/// <summary>One canned reply of <see cref="FakeOpenAiServer"/>.</summary>
/// <param name="Delay">Wait before answering at all (timeouts).</param>
/// <param name="WordDelay">Wait before each streamed word.</param>
internal sealed record FakeReply(string Content, int Status = 200, TimeSpan Delay = default, TimeSpan WordDelay = default);
