using ArticleQa.Answering;

namespace ArticleBot.Bot;

/// <summary>What the bot keeps per conversation (in Bot Framework conversation state over IStorage).</summary>
public sealed class ConversationData
{
    /// <summary>The recent turns for follow-up questions (the engine records and trims them).</summary>
    public Conversation Conversation { get; set; } = new();

    /// <summary>Recent answers by id, so feedback can be stored with its question and answer.</summary>
    public List<AnswerRecord> Answers { get; set; } = [];
}

/// <summary>An answer as feedback refers to it.</summary>
public sealed record AnswerRecord(string Id, string Question, string Answer, IReadOnlyList<string> CitedPassageIds, string? PromptHash, string? ActivityId);
