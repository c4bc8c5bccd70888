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
        var forMore = recent.Count > 0 && QuestionWording.AsksForMore(question);
        var (asked, said, askedAfter) = forMore ? MoreOf(question, recent) : (QuestionWording.Core(question), null, recent.Count);
        // The kind of what is asked as it was when asked, after the turns before it.
        var before = recent.Take(askedAfter).ToList();
        (var kind, asked, var topic, var ofArticleAskedAbout) = KindAsAsked(asked, before);

        if (forMore && kind is TurnKind.Byline or TurnKind.Title or TurnKind.Published)
        {
            // More than a byline, a title or a date said is searched for as a question, so that what was said is left
            // out; as its own kind it would get the same passages and the same answer again.
            kind = TurnKind.Question;
        }

        var details = kind is TurnKind.Title or TurnKind.Published ? await DetailPassagesAsync(kind, asked, recent, topic, cancellationToken).ConfigureAwait(false) : null;
        if (kind == TurnKind.Question && ArticleReference.WhichOf(asked) is { } mentioned)
        {
            // "Which article mentions Rubio?": the titles of those that do, each cited where it does.
            kind = TurnKind.Title;
            details = await MentioningPassagesAsync(mentioned, cancellationToken).ConfigureAwait(false);
        }

        if (kind is TurnKind.Title or TurnKind.Published && details is null)
        {
            // A date question when no article asked about is dated: about one the articles mention, searched for.
            kind = TurnKind.Question;
        }

        if (kind == TurnKind.Overview)
        {
            // About the articles as a whole: their opening passages, not a search for the question's words; asked
            // for more, where each goes on after what was said.
            query = asked;
            sources = said is null ? await OpeningPassagesAsync(ofArticleAskedAbout ? before : [], topic, cancellationToken).ConfigureAwait(false) : await ContinuedPassagesAsync(said, ofArticleAskedAbout ? before : [], topic, cancellationToken).ConfigureAwait(false);
        }
        else if (kind == TurnKind.Byline)
        {
            // Who wrote them: the passages that name their authors, which a search for "author" does not find.
            query = asked;
            sources = await BylinePassagesAsync(recent, topic, cancellationToken).ConfigureAwait(false);
        }
        else if (details is not null)
        {
            // What they are called or when they came out: the headers of their opening passages say.
            query = asked;
            sources = details.Passages;
        }
        else
        {
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
        return new PreparedTurn(query, sources, promptSet, arguments, started, TurnKernel(vector, sources, kind, details?.Articles, said)) { ForMore = forMore };
    }

    /// <summary>
    /// A request for more than the last answers said: what to ask (the question itself, or for "Tell me more" alone
    /// the last question that had a subject, "Tell me about the elections"), and what was said since that question
    /// (for a question of its own, in every turn kept), which the Local model does not say again; and after how many of <paramref name="recent"/> it was asked (all of
    /// them for a question of its own, "Tell me more about the elections").
    /// </summary>
    private static (string Asked, string Said, int AskedAfter) MoreOf(string question, IReadOnlyList<ConversationTurn> recent)
    {
        var askedAfter = recent.Count;

        // A request for more with a subject of its own ("Tell me more about Witkoff", "What else did Putin say?")
        // leaves out what every turn kept said: before, the answer of two turns back came again. Not one about the
        // articles as a whole, which reads on from the last sentence said of them.
        var from = QuestionWording.AsksForMoreAlone(question) || !AsksAboutSomething(question) ? recent.Count - 1 : 0;
        string? saidBefore = null;
        if (QuestionWording.AsksForMoreAlone(question))
        {
            while (from > 0 && QuestionWording.AsksForMoreAlone(recent[from].Question))
            {
                from--;
            }

            if (!QuestionWording.AsksForMoreAlone(recent[from].Question))
            {
                question = recent[from].Question;
                askedAfter = from;
                if (QuestionWording.AsksForMore(question) && AsksAboutSomething(question))
                {
                    // "Tell me more" after "Tell me more about Witkoff" asks it again: what that one left out stays out.
                    from = 0;
                }
            }
            else if (recent[from].Subject is { } subject)
            {
                // A run of them longer than the turns kept: the question they all ask again, asked before those,
                // and what the run said before them (else, after "The articles don't say more about that." a few
                // times, the first answer came again).
                question = subject;
                askedAfter = 0;
                saidBefore = recent[from].SaidBefore;
            }
        }

        return (QuestionWording.Core(question), string.Join(" ", [.. saidBefore is null ? [] : new[] { saidBefore }, .. recent.Skip(from).Select(t => t.Answer)]), askedAfter);
    }

    /// <summary>
    /// The kind of <paramref name="asked"/> after the turns <paramref name="before"/> it, the question that kind is
    /// answered as, the topic that names its article, and whether it is about the article the last answer was about:
    /// - "Who wrote the Geneva article?" is who wrote the article about Geneva (<see cref="TurnKinds.Named"/>), not a
    ///   search for its words;
    /// - after a turn about an article itself (who wrote it, its title or date, as that turn was asked in its own
    ///   place), "Summarize it" is that article's overview ("Who wrote this?", "Summarize it": not its byline again),
    ///   and "When was it published?" or "Who wrote it?" (also after its overview) asks about that article too, not
    ///   about something it mentions.
    /// </summary>
    private static (TurnKind Kind, string Asked, string? Topic, bool OfArticleAskedAbout) KindAsAsked(string asked, IReadOnlyList<ConversationTurn> before)
    {
        var (kind, question, topic) = TurnKinds.Named(asked, inConversation: before.Count > 0);
        if (kind != TurnKind.Question || before.Count == 0)
        {
            return (kind, question, topic, false);
        }

        // "Which article mentions Rubio?" is about the articles too: "Who wrote it?" after it asks who wrote that one.
        var last = ArticleReference.WhichOf(QuestionWording.Core(before[^1].Question)) is not null ? TurnKind.Title
            : KindAsAsked(QuestionWording.Core(before[^1].Question), [.. before.Take(before.Count - 1)]).Kind;
        if (last is TurnKind.Byline or TurnKind.Title or TurnKind.Published && OverviewRequest.Matches(question))
        {
            return (TurnKind.Overview, question, topic, true);
        }

        return last is TurnKind.Byline or TurnKind.Title or TurnKind.Published or TurnKind.Overview
            && TurnKinds.Of(question) is var ofIt && ofIt is TurnKind.Byline or TurnKind.Title or TurnKind.Published
            ? (ofIt, question, topic, false)
            : (kind, question, topic, false);
    }

    /// <summary>Whether <paramref name="question"/> is an ordinary question, not one about the articles themselves (their overview, author, title or date).</summary>
    private static bool AsksAboutSomething(string question) => TurnKinds.Of(QuestionWording.Core(question), inConversation: true) == TurnKind.Question;

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

    /// <summary>The kernel for one turn: the Local model finds the query's embedding, the sources' scores and the turn's kind in its data.</summary>
    private Kernel TurnKernel(ReadOnlyMemory<float> vector, List<RetrievedPassage> sources, TurnKind kind, int? articles, string? said)
    {
        if (!_local.Value)
        {
            return kernel;
        }

        var turnKernel = kernel.Clone();
        turnKernel.Data[LocalTurn.DataKey] = new LocalTurn(vector, sources.Select(s => s.Score).ToList(), kind) { ArticleCount = articles, Said = said };
        return turnKernel;
    }

    private sealed record PreparedTurn(string Query, List<RetrievedPassage> Sources, PromptSet Prompts, KernelArguments Arguments, Stopwatch Started, Kernel Kernel)
    {
        /// <summary>The question asks for more than the last answer said (<see cref="QuestionWording.AsksForMore"/>).</summary>
        public bool ForMore { get; init; }

        public double? Confidence => Kernel.Data.TryGetValue(LocalTurn.DataKey, out var data) ? (data as LocalTurn)?.Confidence : null;
    }
}
