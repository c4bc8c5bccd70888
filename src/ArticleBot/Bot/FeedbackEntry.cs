using System.Text.Json;

namespace ArticleBot.Bot;

/// <summary>One stored piece of feedback with what it was about.</summary>
public sealed record FeedbackEntry(
    DateTimeOffset Time,
    string Channel,
    string Reaction,
    string? Comment,
    string AnswerId,
    string? Question,
    string? Answer,
    IReadOnlyList<string> CitedPassageIds,
    string? PromptHash)
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
}
