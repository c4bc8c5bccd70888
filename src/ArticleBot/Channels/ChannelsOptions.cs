using System.ComponentModel.DataAnnotations;

namespace ArticleBot.Channels;

/// <summary>How the bot talks to its channels: streaming pace, feedback log, conversation store, the local web chat.</summary>
public sealed class ChannelsOptions
{
    public const string SectionName = "Channels";

    /// <summary>Least time between two streamed updates (Teams allows about one request a second).</summary>
    [Range(100, 10000)]
    public int StreamIntervalMilliseconds { get; set; } = 1000;

    /// <summary>Stream answers where the channel allows it (Teams personal chats, Web Chat); off sends one message.</summary>
    public bool Streaming { get; set; } = true;

    /// <summary>
    /// Seconds after which a stream is closed with the text so far and the answer then replaces it: Teams ends streams
    /// at 2 minutes (403 "exceeded streaming time"), and a slow model with retries can take longer.
    /// </summary>
    [Range(10, 115)]
    public int StreamLimitSeconds { get; set; } = 100;

    /// <summary>Offer up to three suggested follow-up questions after an answer (never in group chats or channels).</summary>
    public bool FollowUps { get; set; } = true;

    /// <summary>
    /// Public address of the bot for links to its article pages (/articles/{id}); empty uses the address of the
    /// request the activity came in on (which is the dev tunnel's when the bot runs behind one).
    /// </summary>
    public string PublicBaseUrl { get; set; } = "";

    /// <summary>Append-only JSONL file of thumbs up/down feedback (relative to the repository root when there is one).</summary>
    [Required]
    public string FeedbackPath { get; set; } = ".data/feedback.jsonl";

    /// <summary>Folder for conversation state; empty keeps it in memory (Bot Framework MemoryStorage).</summary>
    public string StoragePath { get; set; } = "";

    /// <summary>Questions longer than this get a short reply saying so instead of an answer.</summary>
    [Range(1, 1_000_000)]
    public int MaxQuestionCharacters { get; set; } = 2000;

    /// <summary>Serve the local web chat at <c>/</c> with its Direct Line endpoints; empty means on in Development only.</summary>
    public bool? WebChatEnabled { get; set; }

    /// <summary>How long a Direct Line poll that finds nothing new waits for the stream to change (0: answer at once).</summary>
    [Range(0, 60000)]
    public int DirectLinePollWaitMilliseconds { get; set; } = 10000;

    /// <summary>Secret a client must present to the local Direct Line when it is on outside Development.</summary>
    public string WebChatSecret { get; set; } = "";
}
