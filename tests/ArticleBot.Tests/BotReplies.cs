using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using ArticleBot.Channels;
using Microsoft.Bot.Schema;
using Newtonsoft.Json;

namespace ArticleBot.Tests;

/// <summary>Reading what the bot answered: the <c>{"activities": [...]}</c> body of an expectReplies POST, and its checks.</summary>
internal static class BotReplies
{
    public static async Task<List<JsonObject>> ReadAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonObject>(TestContext.Current.CancellationToken);
        return [.. body!["activities"]!.AsArray().Select(a => a!.AsObject())];
    }

    public static List<JsonObject> WithType(this IEnumerable<JsonObject> activities, string type) =>
        [.. activities.Where(a => (string?)a["type"] == type)];

    /// <summary>The one root schema.org Message entity (Teams rejects a second one).</summary>
    public static JsonObject CitationEntity(JsonObject activity) =>
        Assert.Single(activity["entities"]?.AsArray() ?? [], e => (string?)e!["type"] == ArticleBot.Channels.CitationEntity.EntityType)!.AsObject();

    /// <summary>Asserts that <see cref="ReplyValidator"/> finds nothing wrong with the reply as the channel received it.</summary>
    public static void AssertValid(JsonObject reply, string channelId)
    {
        var activity = JsonConvert.DeserializeObject<Activity>(reply.ToJsonString())!;
        Assert.Empty(ReplyValidator.Validate(activity, ChannelKinds.Of(channelId)));
    }
}
