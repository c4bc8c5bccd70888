using System.Text.Json;

namespace ArticleBot.DirectLine;

/// <summary>The answer to a poll: the activities after the client's watermark, and the watermark to send next.</summary>
public sealed record DirectLineActivitySet(IReadOnlyList<JsonElement> Activities, string Watermark);
