using ArticleBot.Bot;

namespace ArticleBot.Storage;

/// <summary>Where thumbs up/down feedback is kept: a local JSONL file, or a table every instance shares.</summary>
public interface IFeedbackStore
{
    /// <summary>Where the feedback is, for messages (a file path or the masked connection string).</summary>
    string Location { get; }

    Task AppendAsync(FeedbackEntry entry, CancellationToken cancellationToken);

    Task<IReadOnlyList<FeedbackEntry>> ReadAllAsync(CancellationToken cancellationToken);
}
