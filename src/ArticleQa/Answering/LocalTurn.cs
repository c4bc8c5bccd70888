namespace ArticleQa.Answering;

/// <summary>
/// What the engine already knows about a turn and hands to the Local model beside the prompt (through
/// <c>Kernel.Data</c>): the query's embedding, so the question is embedded once per turn, each numbered source's
/// fused retrieval score, and what kind of turn it is (<see cref="TurnKind"/>). The Local model writes back its confidence for <c>eval</c>'s abstention curve.
/// </summary>
public sealed class LocalTurn(ReadOnlyMemory<float> queryVector, IReadOnlyList<double> sourceScores, TurnKind kind = TurnKind.Question)
{
    /// <summary>The key under which the turn sits in <c>Kernel.Data</c>.</summary>
    public const string DataKey = "ArticleQa.LocalTurn";

    public ReadOnlyMemory<float> QueryVector { get; } = queryVector;

    /// <summary>Retrieval score of source n at index n - 1.</summary>
    public IReadOnlyList<double> SourceScores { get; } = sourceScores;

    /// <summary>
    /// What the turn asks: an overview's sources are the articles' opening passages, a byline's their byline
    /// passages, a title or date question's their opening passages again, whose headers carry both.
    /// </summary>
    public TurnKind Kind { get; } = kind;

    /// <summary>How many articles a title or date question is about, which may be more than its sources (<c>Retrieval:TopK</c>).</summary>
    public int? ArticleCount { get; init; }

    /// <summary>
    /// The last answer, when the question asks for more than it said (<see cref="QuestionWording.AsksForMore"/>): the
    /// Local model answers with a sentence it does not hold.
    /// </summary>
    public string? Said { get; init; }

    /// <summary>The abstention model's P(the chosen sentence answers), set by the Local model.</summary>
    public double? Confidence { get; set; }
}
