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
}
