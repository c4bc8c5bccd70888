using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace ArticleBot.Tests.DirectLine;

/// <summary>
/// Calls the Direct Line subset the way DirectLineJS 0.15.5 (inside Web Chat 4.18) does: Bearer token and
/// x-ms-bot-agent on every request, start with <c>{"user":{"id"},"locale"}</c>, post, poll with the watermark.
/// </summary>
internal sealed class DirectLineTestClient(HttpClient http, string token)
{
    public const string BotAgent = "DirectLine/3.0 (directlinejs 0.15.5)";

    public string Token { get; set; } = token;

    public string? ConversationId { get; private set; }

    public string Watermark { get; private set; } = "";

    /// <summary>The body of the last successful start: conversationId, token, expires_in, streamUrl.</summary>
    public JsonObject? Conversation { get; private set; }

    /// <summary>Gets a token as the page does in Development.</summary>
    public static async Task<DirectLineTestClient> ForPageTokenAsync(HttpClient http)
    {
        using var response = await http.PostAsync("/webchat/token", null, TestContext.Current.CancellationToken);
        response.EnsureSuccessStatusCode();
        var info = await response.Content.ReadFromJsonAsync<JsonObject>(TestContext.Current.CancellationToken);
        return new DirectLineTestClient(http, (string)info!["token"]!);
    }

    public async Task<HttpResponseMessage> StartAsync(string userId = "user-1")
    {
        var response = await SendAsync(HttpMethod.Post, "/v3/directline/conversations", new JsonObject
        {
            ["user"] = new JsonObject { ["id"] = userId },
            ["locale"] = "en-US",
        });
        if (response.IsSuccessStatusCode)
        {
            Conversation = await response.Content.ReadFromJsonAsync<JsonObject>(TestContext.Current.CancellationToken);
            ConversationId = (string)Conversation!["conversationId"]!;
            Token = (string)Conversation["token"]!;
        }

        return response;
    }

    /// <summary>A message as Web Chat sends it from its send box.</summary>
    public static JsonObject Message(string text, string clientActivityId, string userId = "user-1") => new()
    {
        ["type"] = "message",
        ["text"] = text,
        ["textFormat"] = "plain",
        ["from"] = new JsonObject { ["id"] = userId, ["name"] = "You", ["role"] = "user" },
        ["locale"] = "en-US",
        ["localTimezone"] = "Europe/Berlin",
        ["channelData"] = new JsonObject { ["clientActivityID"] = clientActivityId, ["clientTimestamp"] = "2026-11-28T10:00:00.000Z" },
        ["entities"] = new JsonArray(new JsonObject { ["type"] = "ClientCapabilities", ["requiresBotState"] = true, ["supportsListening"] = true, ["supportsTts"] = true }),
    };

    public Task<HttpResponseMessage> PostAsync(JsonObject activity) =>
        SendAsync(HttpMethod.Post, $"/v3/directline/conversations/{ConversationId}/activities", activity);

    public Task<HttpResponseMessage> GetActivitiesAsync() =>
        SendAsync(HttpMethod.Get, $"/v3/directline/conversations/{ConversationId}/activities?watermark={Watermark}", null);

    /// <summary>Polls (at DirectLineJS's minimum interval) until an activity matches; returns everything received.</summary>
    public async Task<List<JsonObject>> PollUntilAsync(Func<JsonObject, bool> done, List<JsonObject>? received = null)
    {
        received ??= [];
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(60));
        while (!received.Any(done))
        {
            await Task.Delay(200, timeout.Token);
            using var response = await GetActivitiesAsync();
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var set = await response.Content.ReadFromJsonAsync<JsonObject>(timeout.Token);
            Watermark = (string)set!["watermark"]!;
            received.AddRange(set["activities"]!.AsArray().Select(a => a!.AsObject()));
        }

        return received;
    }

    public Task<HttpResponseMessage> RefreshAsync() => SendAsync(HttpMethod.Post, "/v3/directline/tokens/refresh", null);

    public async Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, JsonObject? body)
    {
        using var request = new HttpRequestMessage(method, path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", Token);
        request.Headers.Add("x-ms-bot-agent", BotAgent);
        request.Headers.Accept.ParseAdd("application/json");
        if (body is not null)
        {
            request.Content = JsonContent.Create(body);
        }

        return await http.SendAsync(request, TestContext.Current.CancellationToken);
    }
}
