using System.Text.Json.Serialization;

namespace ArticleBot.DirectLine;

/// <summary>Direct Line 3.0's Conversation object (start, reconnect, token generate and refresh).</summary>
public sealed record DirectLineConversationInfo(
    string ConversationId,
    string Token,
    [property: JsonPropertyName("expires_in")] int ExpiresIn,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? StreamUrl = null);
