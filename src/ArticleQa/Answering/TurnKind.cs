namespace ArticleQa.Answering;

/// <summary>What a turn asks, which decides where its sources come from.</summary>
public enum TurnKind
{
    /// <summary>About something in the articles: its sources are what retrieval finds.</summary>
    Question,

    /// <summary>About the articles as a whole (<see cref="OverviewRequest"/>): their opening passages.</summary>
    Overview,

    /// <summary>Who wrote them (<see cref="BylineRequest"/>): the passages that name their authors.</summary>
    Byline,

    /// <summary>What they are called, or which there are (<see cref="ArticleDetailRequest"/>): their opening passages, whose headers carry the titles.</summary>
    Title,

    /// <summary>When they were published (<see cref="ArticleDetailRequest"/>): their opening passages, whose headers carry the dates.</summary>
    Published,
}

/// <summary>Which kind a question is.</summary>
public static class TurnKinds
{
    /// <summary>
    /// The kind of <paramref name="question"/> as asked, whole: <see cref="OverviewRequest"/> first, then
    /// <see cref="BylineRequest"/>, then <see cref="ArticleDetailRequest"/>; in a conversation each only when it
    /// names the articles (a byline question also when it names their writer).
    /// </summary>
    public static TurnKind Of(string question, bool inConversation = false) =>
        OverviewRequest.Matches(question, inConversation) ? TurnKind.Overview
        : BylineRequest.Matches(question, inConversation) ? TurnKind.Byline
        : ArticleDetailRequest.Of(question, inConversation) ?? TurnKind.Question;

    /// <summary>
    /// <see cref="Of"/>, where a question about one article named by its topic ("Who wrote the Geneva article?",
    /// <see cref="ArticleReference"/>) is the kind of its question without the topic, with that question and the topic;
    /// any other question is its own kind, as asked, with no topic.
    /// </summary>
    public static (TurnKind Kind, string Question, string? Topic) Named(string question, bool inConversation = false)
    {
        var kind = Of(question, inConversation);
        return kind == TurnKind.Question && ArticleReference.Of(question) is var (plain, topic) && Of(plain, inConversation) is not TurnKind.Question and var detail
            ? (detail, plain, topic)
            : (kind, question, null);
    }
}
