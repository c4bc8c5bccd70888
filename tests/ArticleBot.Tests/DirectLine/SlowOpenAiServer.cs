using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;

namespace ArticleBot.Tests.DirectLine;

/// <summary>
/// An OpenAI-compatible chat completions server on 127.0.0.1 that streams one fixed answer word by word, waiting
/// <see cref="WordDelay"/> before each word: long enough apart that the bot sends a streaming update for each
/// (Channels:StreamIntervalMilliseconds set below it), which the bot's local extractive model is too fast to show.
/// </summary>
internal sealed class SlowOpenAiServer : IAsyncDisposable
{
    private readonly HttpListener _listener = new();
    private readonly Task _loop;
    private readonly string _answer;

    public SlowOpenAiServer(string answer)
    {
        _answer = answer;
        var port = FreePort();
        BaseUrl = $"http://127.0.0.1:{port}/v1";
        _listener.Prefixes.Add($"http://127.0.0.1:{port}/");
        _listener.Start();
        _loop = Task.Run(ServeAsync);
    }

    public static TimeSpan WordDelay { get; } = TimeSpan.FromMilliseconds(300);

    /// <summary>The settings that point the bot at this server, streaming updates at most every 100 ms.</summary>
    public Dictionary<string, string?> Settings() => new()
    {
        ["Llm:Provider"] = "OpenAICompatible",
        ["Llm:Endpoint"] = BaseUrl,
        ["Llm:Model"] = "slow-model",
        ["Llm:MaxRetries"] = "0",
        ["Channels:StreamIntervalMilliseconds"] = "100",
    };

    public string BaseUrl { get; }

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

            _ = Task.Run(() => StreamAsync(context));
        }
    }

    private async Task StreamAsync(HttpListenerContext context)
    {
        try
        {
            using (var reader = new StreamReader(context.Request.InputStream, Encoding.UTF8))
            {
                await reader.ReadToEndAsync();
            }

            context.Response.ContentType = "text/event-stream";
            context.Response.SendChunked = true;
            var output = context.Response.OutputStream;
            foreach (var piece in _answer.Split(' ').Select((word, i) => i == 0 ? word : " " + word))
            {
                await Task.Delay(WordDelay);
                await WriteEventAsync(output, JsonSerializer.Serialize(Chunk(piece)));
            }

            await WriteEventAsync(output, "[DONE]");
            context.Response.Close();
        }
        catch (Exception e) when (e is HttpListenerException or IOException or ObjectDisposedException)
        {
            // The client went away; nothing more to stream.
        }
    }

    private static object Chunk(string piece) => new
    {
        id = "chatcmpl-slow",
        @object = "chat.completion.chunk",
        created = 1_700_000_000,
        model = "slow-model",
        choices = new[] { new { index = 0, delta = new { role = "assistant", content = piece }, finish_reason = (string?)null } },
    };

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
