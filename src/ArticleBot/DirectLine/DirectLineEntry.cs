using System.Text.Json;

namespace ArticleBot.DirectLine;

/// <summary>One activity in a conversation's stream, at the position the watermark counts.</summary>
internal sealed record DirectLineEntry(long Sequence, string Id, JsonElement Activity);
