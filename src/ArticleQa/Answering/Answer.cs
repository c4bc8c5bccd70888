namespace ArticleQa.Answering;

/// <summary>
/// What the engine returns for a question: the answer text with <c>[n]</c> markers, the citation each marker points to,
/// whether the engine abstained (the articles don't cover the question), and how the answer was made.
/// </summary>
public sealed record Answer(string Text, IReadOnlyList<Citation> Citations, bool Abstained)
{
    /// <summary>The fixed sentence for questions the articles don't answer.</summary>
    public const string NotCovered = "The articles don't cover that.";

    /// <summary>The abstention after a request for more than the last answer said ("Tell me more about him").</summary>
    public const string NoMore = "The articles don't say more about that.";

    /// <summary>What the user sees when the model failed even after retries.</summary>
    public const string Apology = "Sorry, I couldn't reach the language model just now. Please try again in a moment.";

    public static Answer NotCoveredAnswer { get; } = new(NotCovered, [], Abstained: true);

    /// <summary>The query that retrieval used: the question, or a follow-up rewritten to stand alone.</summary>
    public string? CondensedQuery { get; init; }

    /// <summary>Hash of the prompt files that produced the answer.</summary>
    public string? PromptHash { get; init; }

    /// <summary>What citation verification changed.</summary>
    public CitationCheck Check { get; init; } = CitationCheck.None;

    /// <summary>True when the model failed after retries and <see cref="Text"/> is <see cref="Apology"/>.</summary>
    public bool Failed { get; init; }

    /// <summary>True when the model was called (false for abstention on retrieval).</summary>
    public bool ModelCalled { get; init; }

    public TimeSpan Elapsed { get; init; }

    /// <summary>The Local model's abstention-model confidence that its answer is right (null for other models).</summary>
    public double? Confidence { get; init; }
}
