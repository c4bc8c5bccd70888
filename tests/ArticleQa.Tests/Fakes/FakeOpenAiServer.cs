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
            var reply = _replies.TryDequeue(out var queued) ? queued : DefaultReply;
            await Task.Delay(reply.Delay);
            context.Response.StatusCode = reply.Status;
            if (reply.Status != 200)
            {
                await WriteAsync(context.Response, "application/json", """{"error":{"message":"fake failure","type":"server_error"}}""");
            }
            else if ((bool?)request["stream"] == true)
            {
                await WriteAsync(context.Response, "text/event-stream", StreamBody(reply.Content));
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

    private static string StreamBody(string content)
    {
        var events = new StringBuilder();
        foreach (var piece in content.Split(' ').Select((word, i) => i == 0 ? word : " " + word))
        {
            var chunk = new
            {
                id = "chatcmpl-fake",
                @object = "chat.completion.chunk",
                created = 1_700_000_000,
                model = "fake-model",
                choices = new[] { new { index = 0, delta = new { role = "assistant", content = piece }, finish_reason = (string?)null } },
            };
            events.Append("data: ").Append(JsonSerializer.Serialize(chunk)).Append("\n\n");
        }

        return events.Append("data: [DONE]\n\n").ToString();
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
internal sealed record FakeReply(string Content, int Status = 200, TimeSpan Delay = default);
