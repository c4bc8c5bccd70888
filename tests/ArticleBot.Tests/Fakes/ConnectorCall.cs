using System.Text.Json.Nodes;

namespace ArticleBot.Tests.Fakes;

/// <summary>One activity the bot sent to the connector and what the connector answered.</summary>
internal sealed record ConnectorCall(string Method, string Path, JsonObject Activity, int Status, string? ReturnedId)
{
    public string? Type => (string?)Activity["type"];

    public string? Text => (string?)Activity["text"];

    /// <summary>The streaminfo entity, or null when the activity is not part of a stream.</summary>
    public JsonObject? StreamInfo => StreamInfoOf(Activity);

    internal static JsonObject? StreamInfoOf(JsonObject activity) =>
        (JsonObject?)activity["entities"]?.AsArray().FirstOrDefault(e => (string?)e?["type"] == "streaminfo");
}
