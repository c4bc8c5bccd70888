using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace ArticleBot.Tests.Fakes;

/// <summary>
/// An OpenAI-compatible chat completions server on loopback that always gives one fixed answer: word by word with a
/// pause before each word when the request streams (so the bot has time to send several Teams chunks, which the Local
/// model is too fast for), all at once when it does not (the expectReplies path, which never streams).
/// </summary>
internal sealed class WordByWordModel : IAsyncDisposable
{
    private static readonly TimeSpan WordDelay = TimeSpan.FromMilliseconds(250);
    private readonly WebApplication _app;
    private readonly string _answer;

    private WordByWordModel(WebApplication app, string answer)
    {
        _app = app;
        _answer = answer;
    }

    /// <summary>The settings that point the bot at this model, with streamed updates at most every 100 ms.</summary>
    public Dictionary<string, string?> Settings() => new()
    {
        ["Llm:Provider"] = "OpenAICompatible",
        ["Llm:Endpoint"] = _app.Urls.First() + "/v1",
        ["Llm:Model"] = "word-by-word",
        ["Llm:MaxRetries"] = "0",
        ["Channels:StreamIntervalMilliseconds"] = "100",
    };

    public static async Task<WordByWordModel> StartAsync(string answer)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var model = new WordByWordModel(app, answer);
        app.MapPost("/v1/chat/completions", model.CompleteAsync);
        await app.StartAsync(TestContext.Current.CancellationToken);
        return model;
    }

    private async Task CompleteAsync(HttpContext context)
    {
        var request = await JsonNode.ParseAsync(context.Request.Body, cancellationToken: context.RequestAborted);
        if (request?["stream"]?.GetValue<bool>() != true)
        {
            await context.Response.WriteAsJsonAsync(Completion(), context.RequestAborted);
            return;
        }

        context.Response.ContentType = "text/event-stream";
        foreach (var piece in _answer.Split(' ').Select((word, i) => i == 0 ? word : " " + word))
        {
            await Task.Delay(WordDelay, context.RequestAborted);
            await WriteEventAsync(context.Response, Chunk(piece).ToJsonString(), context.RequestAborted);
        }

        await WriteEventAsync(context.Response, "[DONE]", context.RequestAborted);
    }

    private JsonObject Completion() => new()
    {
        ["id"] = "chatcmpl-fixed",
        ["object"] = "chat.completion",
        ["created"] = 1_700_000_000,
        ["model"] = "word-by-word",
        ["choices"] = new JsonArray(new JsonObject
        {
            ["index"] = 0,
            ["message"] = new JsonObject { ["role"] = "assistant", ["content"] = _answer },
            ["finish_reason"] = "stop",
        }),
        ["usage"] = new JsonObject { ["prompt_tokens"] = 1, ["completion_tokens"] = 1, ["total_tokens"] = 2 },
    };

    private static JsonObject Chunk(string piece) => new()
    {
        ["id"] = "chatcmpl-fixed",
        ["object"] = "chat.completion.chunk",
        ["created"] = 1_700_000_000,
        ["model"] = "word-by-word",
        ["choices"] = new JsonArray(new JsonObject
        {
            ["index"] = 0,
            ["delta"] = new JsonObject { ["role"] = "assistant", ["content"] = piece },
            ["finish_reason"] = null,
        }),
    };

    private static async Task WriteEventAsync(HttpResponse response, string data, CancellationToken cancellationToken)
    {
        await response.WriteAsync($"data: {data}\n\n", Encoding.UTF8, cancellationToken);
        await response.Body.FlushAsync(cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
