using System.Diagnostics;
using System.Runtime.CompilerServices;
using System.Text;
using ArticleQa.Retrieval;
using ArticleQa.Text;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.SemanticKernel;
using Microsoft.SemanticKernel.ChatCompletion;

namespace ArticleQa.Answering;

/// <summary>
/// The engine's one entry point for a question, used by the bot, <c>ask</c>, <c>chat</c> and <c>eval</c> alike:
/// condense a follow-up, retrieve passages, abstain without a model call when none is relevant, otherwise render the
/// Answer prompt with the numbered sources, run the configured model, verify every citation and renumber them.
/// A remote model that fails after its retries yields a short apology; a bug (in the Local model too) is thrown.
/// </summary>
public sealed partial class AnswerGenerator(
    PassageRetriever retriever,
    ArticleLibrary library,
    PromptLibrary prompts,
    QueryCondenser condenser,
    CitationVerifier verifier,
    Kernel kernel,
    IOptions<RetrievalOptions> retrievalOptions,
    IOptions<AnsweringOptions> answeringOptions,
    ILogger<AnswerGenerator> logger)
{
    // The Local model's abstention model judges relevance itself and reads the turn from the kernel's data.
    private readonly Lazy<bool> _local = new(() => kernel.Services.GetService(typeof(IChatCompletionService)) is LocalChatCompletionService);
    private readonly RetrievalOptions _retrieval = retrievalOptions.Value;
    private readonly AnsweringOptions _answering = answeringOptions.Value;

    /// <summary>Answers a question on its own, outside any conversation.</summary>
    public Task<Answer> AnswerAsync(string question, CancellationToken cancellationToken) => AnswerAsync(question, new Conversation(), cancellationToken);

    /// <summary>Answers a question in the light of <paramref name="conversation"/>'s recent turns, then records it there.</summary>
    public async Task<Answer> AnswerAsync(string question, Conversation conversation, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(conversation);
        var answer = await AnswerTurnAsync(question, conversation.Recent(_answering.HistoryTurns), cancellationToken).ConfigureAwait(false);
        conversation.Record(question, answer, _answering.HistoryTurns);
        return answer;
    }

    /// <summary>
    /// Streams the model's text as it comes, then yields the final answer (the same as
    /// <see cref="AnswerAsync(string, Conversation, CancellationToken)"/>), recorded in <paramref name="conversation"/>.
    /// </summary>
    public async IAsyncEnumerable<AnswerUpdate> StreamAsync(
        string question,
        Conversation conversation,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(conversation);
        await foreach (var update in StreamTurnAsync(question, conversation.Recent(_answering.HistoryTurns), cancellationToken).ConfigureAwait(false))
        {
            if (update.Final is { } final)
            {
                // Recorded before the final update is handed out: a caller stops enumerating once it has it.
                conversation.Record(question, final, _answering.HistoryTurns);
            }

            yield return update;
        }
    }

    private async Task<Answer> AnswerTurnAsync(string question, IReadOnlyList<ConversationTurn> recent, CancellationToken cancellationToken)
    {
        var turn = await PrepareAsync(question, recent, cancellationToken).ConfigureAwait(false);
        if (turn.Sources.Count == 0)
        {
            return Abstain(turn);
        }

        try
        {
            var result = await turn.Prompts[PromptLibrary.AnswerFunction].InvokeAsync(turn.Kernel, turn.Arguments, cancellationToken).ConfigureAwait(false);
            return Finish(result.GetValue<string>() ?? "", turn);
        }
        catch (Exception e) when (ModelFailure.IsProviderFailure(e, cancellationToken))
        {
            return Failed(turn, e);
        }
    }

    private async IAsyncEnumerable<AnswerUpdate> StreamTurnAsync(
        string question,
        IReadOnlyList<ConversationTurn> recent,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var turn = await PrepareAsync(question, recent, cancellationToken).ConfigureAwait(false);
        if (turn.Sources.Count == 0)
        {
            yield return new AnswerUpdate(null, Abstain(turn));
            yield break;
        }

        var text = new StringBuilder();
        var prefix = new VerifiedPrefix(turn.Sources, verifier);
        var stream = turn.Prompts[PromptLibrary.AnswerFunction].InvokeStreamingAsync<string>(turn.Kernel, turn.Arguments, cancellationToken).GetAsyncEnumerator(cancellationToken);
        await using (stream.ConfigureAwait(false))
        {
            while (true)
            {
                Exception? failure = null;
                var more = false;
                try
                {
                    more = await stream.MoveNextAsync().ConfigureAwait(false);
                }
                catch (Exception e) when (ModelFailure.IsProviderFailure(e, cancellationToken))
                {
                    failure = e;
                }

                if (failure is not null)
                {
                    yield return new AnswerUpdate(null, Failed(turn, failure));
                    yield break;
                }

                if (!more)
                {
                    break;
                }

                text.Append(stream.Current);
                yield return new AnswerUpdate(CitationParser.Parse(text.ToString(), turn.Sources.Count).Text, null) { Verified = prefix.Update(text.ToString()) };
            }
        }

        yield return new AnswerUpdate(null, Finish(text.ToString(), turn));
    }

    private async Task<PreparedTurn> PrepareAsync(string question, IReadOnlyList<ConversationTurn> recent, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(question);
        var started = Stopwatch.StartNew();
        var promptSet = prompts.Current;
        List<RetrievedPassage> sources;
        string query;
        var vector = ReadOnlyMemory<float>.Empty;
        var asked = QuestionWording.Core(question);
        var kind = TurnKinds.Of(asked, inConversation: recent.Count > 0);
        if (kind == TurnKind.Overview)
        {
            // About the articles as a whole: their opening passages, not a search for the question's words.
            query = asked;
            sources = await OpeningPassagesAsync(cancellationToken).ConfigureAwait(false);
        }
        else if (kind == TurnKind.Byline)
        {
            // Who wrote them: the passages that name their authors, which a search for "author" does not find.
            query = asked;
            sources = await BylinePassagesAsync(recent, cancellationToken).ConfigureAwait(false);
        }
        else if (kind is TurnKind.Title or TurnKind.Published && await DetailPassagesAsync(kind, recent, cancellationToken).ConfigureAwait(false) is { } details)
        {
            // What they are called or when they came out: the headers of their opening passages say.
            query = asked;
            sources = details;
        }
        else
        {
            kind = TurnKind.Question;
            var corrected = await PutRightAsync(asked, cancellationToken).ConfigureAwait(false);
            query = await CondenseAsync(corrected, recent, promptSet, cancellationToken).ConfigureAwait(false);
            vector = await retriever.EmbedAsync(query, cancellationToken).ConfigureAwait(false);
            var found = await retriever.SearchAsync(query, vector, cancellationToken: cancellationToken).ConfigureAwait(false);

            // The Local model's abstention model judges relevance itself; other models get only passages above the floor.
            sources = RecencyPreference.Apply(question, found.Where(p => _local.Value || p.Score >= _retrieval.MinScore).ToList());
            if (query != corrected && recent.Count > 0)
            {
                sources.AddRange(await CarriedPassagesAsync(recent[^1], sources, cancellationToken).ConfigureAwait(false));
            }
        }

        // What the user asked is theirs: only at Debug.
        logger.LogDebug("Query {Query}", query);
        logger.LogInformation("{Count} relevant passages in {ElapsedMs} ms", sources.Count, started.ElapsedMilliseconds);
        var arguments = new KernelArguments
        {
            ["sources"] = SourcesBlock.Format(sources),
            ["history"] = QueryCondenser.HistoryText(recent),
            ["question"] = question.Trim(),
            ["query"] = query,
        };
        return new PreparedTurn(query, sources, promptSet, arguments, started, TurnKernel(vector, sources, kind));
    }

    /// <summary>
    /// The question in the articles' case when typed in capitals (<see cref="QuestionCasing"/>), its typing slips put
    /// right against the current index's words (<see cref="QuestionSpelling"/>).
    /// </summary>
    private async Task<string> PutRightAsync(string question, CancellationToken cancellationToken)
    {
        using var lease = await library.LeaseIndexAsync(cancellationToken).ConfigureAwait(false);
        var index = lease.Index;
        return QuestionSpelling.Correct(QuestionCasing.Restore(question, index.WordAsWritten), index.DocumentFrequency, index.ContainsWord, IsDictionaryWord);
    }

    /// <summary>
    /// A real word whatever the articles hold, which <see cref="QuestionSpelling"/> leaves as typed: a whole word of the
    /// embedding model's vocabulary or of <see cref="EnglishWords"/>.
    /// </summary>
    internal static bool IsDictionaryWord(string lowerCaseWord) => MiniLmResources.IsDictionaryWord(lowerCaseWord) || EnglishWords.Contains(lowerCaseWord);

    private async Task<string> CondenseAsync(string question, IReadOnlyList<ConversationTurn> recent, PromptSet promptSet, CancellationToken cancellationToken)
    {
        try
        {
            return await condenser.CondenseAsync(question, recent, promptSet, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (ModelFailure.IsProviderFailure(e, cancellationToken))
        {
            logger.LogWarning(e, "Condensing the follow-up failed; searching with it as asked");
            return question;
        }
    }

    /// <summary>
    /// The opening passage of each article for an <see cref="OverviewRequest"/>: newest first (undated ones last, then
    /// by title), <c>Retrieval:TopK</c> of them, each with score 1 (chosen, not found).
    /// </summary>
    private async Task<List<RetrievedPassage>> OpeningPassagesAsync(CancellationToken cancellationToken)
    {
        using var lease = await library.LeaseIndexAsync(cancellationToken).ConfigureAwait(false);
        return [.. NewestFirst(lease.Index.Articles.Values)
            .Select(a => lease.Index.FindPassage($"{a.Id}#0", 1))
            .OfType<RetrievedPassage>()
            .Take(_retrieval.TopK)];
    }

    /// <summary>
    /// The byline passage of each article a <see cref="BylineRequest"/> is about (<see cref="BylineRequest.Sentence"/>),
    /// each with score 1: of the articles asked about (<see cref="AskedAbout"/>), <c>Retrieval:TopK</c> of them. None
    /// when no article names its author. Only the first and last passages of an article without an author in its
    /// metadata are read.
    /// </summary>
    private async Task<List<RetrievedPassage>> BylinePassagesAsync(IReadOnlyList<ConversationTurn> recent, CancellationToken cancellationToken)
    {
        using var lease = await library.LeaseIndexAsync(cancellationToken).ConfigureAwait(false);
        var index = lease.Index;
        var found = new List<RetrievedPassage>();
        foreach (var article in AskedAbout(recent, index))
        {
            var count = index.PassageCountOf(article.Id);
            var read = new Dictionary<int, RetrievedPassage?>();
            RetrievedPassage? Read(int p) => read.TryGetValue(p, out var known) ? known : read[p] = index.FindPassage($"{article.Id}#{p}", 1);
            var byline = BylineRequest.Sentence(count, p => SentenceSplitter.Sentences(Read(p)?.Passage.Text ?? ""), article.Author);
            // An author the metadata names and no sentence does: the opening passage, with the author in its header.
            int? chosen = byline?.Passage ?? (string.IsNullOrWhiteSpace(article.Author) || count == 0 ? null : 0);
            if (chosen is { } passage && Read(passage) is { } retrieved)
            {
                found.Add(retrieved);
                if (found.Count == _retrieval.TopK)
                {
                    break;
                }
            }
        }

        return found;
    }

    /// <summary>
    /// The opening passage of each article an <see cref="ArticleDetailRequest"/> is about (<see cref="AskedAbout"/>),
    /// each with score 1, <c>Retrieval:TopK</c> of them: its header gives the title and the date. Null for a date
    /// question when none of them is dated: "When was the article published?" then more likely asks about an article
    /// the articles mention, and is searched for like any question.
    /// </summary>
    private async Task<List<RetrievedPassage>?> DetailPassagesAsync(TurnKind kind, IReadOnlyList<ConversationTurn> recent, CancellationToken cancellationToken)
    {
        using var lease = await library.LeaseIndexAsync(cancellationToken).ConfigureAwait(false);
        List<RetrievedPassage> found = [.. AskedAbout(recent, lease.Index)
            .Select(a => lease.Index.FindPassage($"{a.Id}#0", 1))
            .OfType<RetrievedPassage>()
            .Take(_retrieval.TopK)];
        return kind == TurnKind.Published && found.TrueForAll(p => p.Article.Published is null) ? null : found;
    }

    /// <summary>
    /// The articles a question about the articles themselves (who wrote them, their title, their date) is about: in a
    /// conversation those the last answer cited, else every article, newest first as for an overview.
    /// </summary>
    private static IEnumerable<ArticleInfo> AskedAbout(IReadOnlyList<ConversationTurn> recent, PassageIndex index)
    {
        var cited = recent.Count == 0 ? [] : recent[^1].CitedPassageIds
            .Select(id => index.FindPassage(id, 1)?.Article)
            .OfType<ArticleInfo>()
            .DistinctBy(a => a.Id)
            .ToList();
        return cited.Count > 0 ? cited : NewestFirst(index.Articles.Values);
    }

    /// <summary>Articles newest first, undated ones last, then by title: the order of overviews and bylines.</summary>
    private static IEnumerable<ArticleInfo> NewestFirst(IEnumerable<ArticleInfo> articles) =>
        articles.OrderByDescending(a => a.Published ?? DateTimeOffset.MinValue).ThenBy(a => a.Title, StringComparer.Ordinal);

    /// <summary>A follow-up keeps the passages the previous answer cited among its sources.</summary>
    private async Task<IEnumerable<RetrievedPassage>> CarriedPassagesAsync(ConversationTurn previous, List<RetrievedPassage> sources, CancellationToken cancellationToken)
    {
        using var lease = await library.LeaseIndexAsync(cancellationToken).ConfigureAwait(false);
        return previous.CitedPassageIds
            .Where(id => sources.TrueForAll(s => s.Passage.Id != id))
            .Select(id => lease.Index.FindPassage(id, _retrieval.MinScore))
            .OfType<RetrievedPassage>()
            .ToList();
    }

    /// <summary>The kernel for one turn: the Local model finds the query's embedding, the sources' scores and the turn's kind in its data.</summary>
    private Kernel TurnKernel(ReadOnlyMemory<float> vector, List<RetrievedPassage> sources, TurnKind kind)
    {
        if (!_local.Value)
        {
            return kernel;
        }

        var turnKernel = kernel.Clone();
        turnKernel.Data[LocalTurn.DataKey] = new LocalTurn(vector, sources.Select(s => s.Score).ToList(), kind);
        return turnKernel;
    }

    private sealed record PreparedTurn(string Query, List<RetrievedPassage> Sources, PromptSet Prompts, KernelArguments Arguments, Stopwatch Started, Kernel Kernel)
    {
        public double? Confidence => Kernel.Data.TryGetValue(LocalTurn.DataKey, out var data) ? (data as LocalTurn)?.Confidence : null;
    }
}
