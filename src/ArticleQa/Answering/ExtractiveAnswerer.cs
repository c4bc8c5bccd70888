using System.Collections.Concurrent;
using System.Globalization;
using System.Text.RegularExpressions;
using ArticleQa.Answering.Learning;
using ArticleQa.Retrieval;
using ArticleQa.Text;
using Microsoft.Extensions.AI;

namespace ArticleQa.Answering;

/// <summary>
/// The offline answerer behind the Local model, learned with ML.NET (see <c>train</c> and the model cards): every
/// sentence of the numbered sources gets the features of <see cref="SentenceFeatures"/>, the answer-sentence scorer
/// gives each a calibrated P(it answers the question), and the abstention model decides from the best of them plus
/// question-level features (<see cref="QuestionFeatures"/>) whether to answer with that sentence and its <c>[n]</c>
/// marker or say <see cref="Answer.NotCovered"/>, at the operating point chosen on the dev split. A sentence that is
/// part of a quotation is shown with the rest of it (<see cref="Quotations.Whole"/>).
/// </summary>
internal sealed partial class ExtractiveAnswerer(IEmbeddingGenerator<string, Embedding<float>> embeddings, LocalModels models)
{
    /// <summary>Sentences whose vectors from a model other than the local MiniLM are kept (about 13 KB each with their word-pieces).</summary>
    private const int CachedSentences = 10_000;

    /// <summary>Articles an overview answer sums up, one lead sentence each.</summary>
    private const int OverviewSources = 3;

    /// <summary>How many characters "Tell me more" after an overview reads on for at least, in whole sentences.</summary>
    private const int ReadOnLength = 100;

    // With remote embeddings the word-pieces for the soft token alignment still come from the local MiniLM: loaded
    // on first use, kept for the life of the process.
    private static readonly Lazy<MiniLmEmbeddingGenerator> _ownMiniLm = new(() => new MiniLmEmbeddingGenerator());

    private readonly ConcurrentDictionary<string, Encoded> _vectors = new(StringComparer.Ordinal);

    public async Task<LocalAnswer> AnswerAsync(string question, IReadOnlyList<SourcesBlock.Source> sources, LocalTurn? turn, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(question);
        ArgumentNullException.ThrowIfNull(sources);
        // The engine says what kind of turn it is; a caller without one is matched on the question.
        var kind = turn?.Kind ?? TurnKinds.Of(question);
        if (kind == TurnKind.Overview)
        {
            return Overview(sources, turn?.Said);
        }

        if (kind == TurnKind.Byline)
        {
            return Byline(sources);
        }

        if (kind == TurnKind.Title)
        {
            return Titles(sources, turn?.ArticleCount ?? sources.Count);
        }

        if (kind == TurnKind.Published)
        {
            return Dates(sources);
        }

        if (string.IsNullOrWhiteSpace(question) || sources.Count == 0 || TextFeatures.ContentTerms(question).Count == 0)
        {
            return new LocalAnswer(Answer.NotCovered, 0);
        }

        var (questionVector, questionTokens) = await QuestionAsync(question, turn, cancellationToken).ConfigureAwait(false);
        var candidates = await CandidatesAsync(sources, turn, cancellationToken).ConfigureAwait(false);
        if (turn?.Said is { Length: > 0 } said)
        {
            // Asked for more than the last answer said: not the sentences it holds.
            var saidText = new SaidText(said);
            candidates = [.. candidates.Where(c => !saidText.Holds(c.Sentence))];
        }

        if (candidates.Count == 0)
        {
            return new LocalAnswer(Answer.NotCovered, 0);
        }

        var decision = Decide(models, question, questionVector, candidates, questionTokens);
        var saysAbout = turn?.Said is { Length: > 0 } && SaysAboutRequest.Of(question) is not null;
        if (saysAbout)
        {
            // What the speaker said about the topic, or nothing more: not a sentence on the question's other words.
            decision = MoreSaid(question, candidates, decision.Probabilities, new SaidText(turn!.Said!)) is { } more
                ? decision with { Best = more, Answer = true }
                : decision with { Answer = false };
        }

        if (!decision.Answer && !saysAbout && turn?.Said is { Length: > 0 } && AboutName(question) is { } topic)
        {
            // Asked for more, and nothing else answers the question itself: more about the name it asks about, as the
            // broad question about it ("Where is Witkoff going?", then "Tell me more": what else the articles say
            // about Witkoff), which the topic abstention model decides on.
            var (topicVector, topicTokens) = await QuestionAsync(topic, null, cancellationToken).ConfigureAwait(false);
            decision = Decide(models, topic, topicVector, candidates, topicTokens);
        }

        var chosen = candidates[decision.Answer ? Introduction(question, candidates, decision.Best) : decision.Best];
        return new LocalAnswer(
            decision.Answer ? CitationParser.WithMarkers(Quotations.Whole(chosen.Passage, chosen.Sentence), [chosen.SourceNumber]) : Answer.NotCovered,
            decision.Confidence);
    }

    /// <summary>
    /// "What did Putin say about Europe?", then "Tell me more": another sentence of the speaker's on the topic
    /// (<see cref="SaysAboutRequest.Answers"/>), else the one that goes on with what was said
    /// (<see cref="SaysAboutRequest.GoesOn"/>), rather than any other sentence the models would rate higher for the
    /// question's other words; null for other questions or when there is neither (the articles say no more).
    /// </summary>
    private static int? MoreSaid(string question, List<CandidateSentence> candidates, float[] probabilities, SaidText said)
    {
        if (SaysAboutRequest.Of(question) is not var (speaker, topicTerms))
        {
            return null;
        }

        // Of several, the one the scorer rates highest, as for the first answer.
        var others = Enumerable.Range(0, candidates.Count).Where(i => SaysAboutRequest.Answers(candidates[i], speaker, topicTerms)).ToList();
        if (others.Count > 0)
        {
            return others.MaxBy(i => probabilities[i]);
        }

        var next = candidates.FindIndex(c => SaysAboutRequest.GoesOn(c, speaker, said));
        return next >= 0 ? next : null;
    }

    /// <summary>
    /// For "Who is X?" (<see cref="TopicForm.WhoIs"/>), the sentence that introduces X: news writing gives a person's
    /// full name and role where it first names them ("Russian President Vladimir Putin on Thursday ...", "President
    /// Trump's special envoy, Steve Witkoff, ..."), and shortens it after ("Putin said that ..."). So of the
    /// candidates naming X, not counting a headline or caption, the one where X ends the longest run of capitalised words, when
    /// that run is longer than in the <paramref name="best"/> one; the first such in retrieval order. Any sentence
    /// naming X answers the broad question; this one says who X is. Other questions keep <paramref name="best"/>.
    /// </summary>
    internal static int Introduction(string question, IReadOnlyList<CandidateSentence> candidates, int best)
    {
        var (form, name) = TextFeatures.TopicOf(question);
        if (form != TopicForm.WhoIs || name is null)
        {
            return best;
        }

        var chosen = best;
        var longest = NameRun(candidates[best], name);
        for (var i = 0; i < candidates.Count; i++)
        {
            if (NameRun(candidates[i], name) is var run && run > longest)
            {
                (chosen, longest) = (i, run);
            }
        }

        return chosen;

        static int NameRun(CandidateSentence candidate, string name)
        {
            // A headline or a caption (no final stop) is in title case, a run of capitals whatever it says.
            var at = NamedEntities.IndexOfName(candidate.Sentence, name);
            if (at < 0 || candidate.Sentence.Trim().Equals(candidate.Title.Trim(), StringComparison.OrdinalIgnoreCase)
                || !EndsAsASentence().IsMatch(candidate.Sentence))
            {
                return 0;
            }

            var before = CapitalisedRunBefore().Match(candidate.Sentence[..at]);
            return name.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length + (before.Success ? before.Value.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length : 0);
        }
    }

    [GeneratedRegex("""[.!?]["”’')\]]*\s*$""")]
    private static partial Regex EndsAsASentence();

    /// <summary>The capitalised words right before a point in a sentence: "Russian President Vladimir " before "Putin".</summary>
    [GeneratedRegex(@"(?:\p{Lu}[\p{L}.-]* )+$", RegexOptions.CultureInvariant)]
    private static partial Regex CapitalisedRunBefore();

    /// <summary>
    /// The answer to an <see cref="OverviewRequest"/>, whose sources are the articles' opening passages: the lead
    /// sentence of each of the first <see cref="OverviewSources"/>, each with its marker; the learned models are for
    /// questions about something in the articles. Asked for more, the sources are the passages where each article
    /// goes on after what was <paramref name="said"/>, and each gives the sentence it goes on with
    /// (<see cref="OverviewRequest.NextSentence"/>).
    /// </summary>
    internal static LocalAnswer Overview(IReadOnlyList<SourcesBlock.Source> sources, string? said = null)
    {
        var saidText = string.IsNullOrEmpty(said) ? null : new SaidText(said);
        var leads = sources.Take(OverviewSources)
            .Select(s => (s.Number, Text: saidText is null ? Lead(s) : ReadOn(s, saidText)))
            .Where(s => s.Text is not null)
            .Select(s => CitationParser.WithMarkers(s.Text!, [s.Number]))
            .ToList();
        return leads.Count == 0 ? new LocalAnswer(Answer.NotCovered, 0) : new LocalAnswer(string.Join(" ", leads), 1);

        static string? Lead(SourcesBlock.Source source) =>
            OverviewRequest.LeadSentence(source.Title, SentencesOf(source.Text)) is { } lead ? Quotations.Whole(source.Text, lead) : null;
    }

    /// <summary>
    /// What <paramref name="source"/> goes on with after what was <paramref name="said"/>: its next sentence
    /// (<see cref="OverviewRequest.NextSentence"/>, with the rest of a quotation it begins), and the ones after it
    /// while they come to fewer than <see cref="ReadOnLength"/> characters, so that "Tell me more" is not answered
    /// with "“I have emphasized this on many occasions.”" alone; null when it has nothing left.
    /// </summary>
    private static string? ReadOn(SourcesBlock.Source source, SaidText said)
    {
        var sentences = SentencesOf(source.Text).ToList();
        var parts = new List<string>();
        while (parts.Sum(p => p.Length + 1) < ReadOnLength && OverviewRequest.NextSentence(source.Title, sentences, said) is { } next)
        {
            var part = Quotations.Whole(source.Text, next, earlier: false);
            parts.Add(part);
            said = said.And(part);
        }

        return parts.Count == 0 ? null : string.Join(" ", parts);
    }

    /// <summary>
    /// The answer to a <see cref="BylineRequest"/>, whose sources are the articles' byline passages: each one's
    /// sentence that names the author (<see cref="BylineRequest.Sentence"/>) with its marker, or, when only the
    /// header names them (the article's metadata), that they wrote it.
    /// </summary>
    internal static LocalAnswer Byline(IReadOnlyList<SourcesBlock.Source> sources)
    {
        var bylines = sources
            .Select(s => (s.Number, Text: BylineRequest.Sentence(1, _ => SentencesOf(s.Text), s.Author)?.Sentence
                ?? (s.Author is null ? null : $"{s.Author} wrote “{s.Title}”.")))
            .Where(s => s.Text is not null)
            .Select(s => CitationParser.WithMarkers(s.Text!, [s.Number]))
            .ToList();

        // Only an article asked about by name (or by the last answer) comes here without an author: it names none.
        var unnamed = sources.Where(s => s.Title.Length > 0).Select(s => $"“{s.Title}” names no author [{s.Number}].").ToList();
        return bylines.Count > 0 ? new LocalAnswer(string.Join(" ", bylines), 1)
            : unnamed.Count > 0 ? new LocalAnswer(string.Join(" ", unnamed), 1)
            : new LocalAnswer(Answer.NotCovered, 0);
    }

    /// <summary>
    /// The answer to an <see cref="ArticleDetailRequest"/> for the title, whose sources are the articles' opening
    /// passages: each one's title from its header, with its marker, a sentence each (so that each is checked against
    /// its own source), and how many of the <paramref name="articles"/> asked about they are when not all.
    /// </summary>
    internal static LocalAnswer Titles(IReadOnlyList<SourcesBlock.Source> sources, int articles)
    {
        var titles = sources.Where(s => s.Title.Length > 0).Select(s => $"“{s.Title}” [{s.Number}].").ToList();
        return titles.Count switch
        {
            0 => new LocalAnswer(Answer.NotCovered, 0),
            _ when articles > titles.Count => new LocalAnswer($"{titles.Count} of the {articles} articles: {string.Join(" ", titles)}", 1),
            1 => new LocalAnswer($"The article is {titles[0]}", 1),
            _ => new LocalAnswer($"The {titles.Count} articles: {string.Join(" ", titles)}", 1),
        };
    }

    /// <summary>
    /// The answer to an <see cref="ArticleDetailRequest"/> for the date, whose sources are the articles' opening
    /// passages: each dated one's date as its header gives it (the article's metadata), with its marker. An article's
    /// text is not searched for a date: one there more likely says when something it reports happened. (The engine
    /// searches for a date question instead when no article asked about is dated; a caller without a turn gets
    /// <see cref="Answer.NotCovered"/> then.)
    /// </summary>
    internal static LocalAnswer Dates(IReadOnlyList<SourcesBlock.Source> sources)
    {
        var dated = sources
            .Where(s => s.Title.Length > 0 && s.Published is not null)
            .Select(s => $"“{s.Title}” was published on {s.Published!.Value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)} [{s.Number}].")
            .ToList();
        // Only an article named by its topic comes here undated (the engine searches for other date questions then).
        var undated = sources.Where(s => s.Title.Length > 0).Select(s => $"“{s.Title}” has no date [{s.Number}].").ToList();
        return dated.Count > 0 ? new LocalAnswer(string.Join(" ", dated), 1)
            : undated.Count > 0 ? new LocalAnswer(string.Join(" ", undated), 1)
            : new LocalAnswer(Answer.NotCovered, 0);
    }

    /// <summary>The candidate chosen, the abstention model's confidence, whether to answer, and every candidate's probability.</summary>
    internal sealed record Decision(int Best, double Confidence, bool Answer, float[] Probabilities);

    /// <summary>The best candidate, the abstention model's confidence in it, and whether that reaches the operating point.</summary>
    internal static Decision Decide(LocalModels models, string question, float[] questionVector, IReadOnlyList<CandidateSentence> candidates, TokenVectors questionTokens)
    {
        var (best, confidence, answer, probabilities) = Decided(models, question, questionVector, candidates, questionTokens);
        if (SaysAboutRequest.Of(question) is var (speaker, topicTerms) && (!answer || SaysAboutRequest.NotSaidBy(candidates[best], speaker, SaysAboutRequest.AsksForSpeech(question), topicTerms)))
        {
            // "What did Putin say about elections?": when the model would not answer, or would answer with what is
            // surely not the speaker's ("What did Ukraine say about the plan?" with "Putin Says US Plan ..."), the
            // best-scored sentence of the speaker's that holds the topic, else nothing.
            var said = Enumerable.Range(0, candidates.Count).Where(i => SaysAboutRequest.Answers(candidates[i], speaker, topicTerms)).ToList();
            return said.Count > 0
                ? new Decision(said.MaxBy(i => probabilities[i]), confidence, true, probabilities)
                : new Decision(best, confidence, false, probabilities);
        }

        if (!answer && HowManyRequest.CountedOf(question) is { } counted)
        {
            // "How many points does the plan have?": the best-scored sentence that gives a number of points, in a
            // passage with every name and number the question names ("How many points were changed in 2024?" is
            // not answered from a passage without 2024).
            var counts = Enumerable.Range(0, candidates.Count).Where(i => HowManyRequest.Answers(candidates[i].Sentence, counted)
                && TextFeatures.MissingNames(question, candidates[i].Passage) == 0 && TextFeatures.MissingNumbers(question, candidates[i].Passage) == 0).ToList();
            if (counts.Count > 0)
            {
                return new Decision(counts.MaxBy(i => probabilities[i]), confidence, true, probabilities);
            }
        }

        return new Decision(best, confidence, answer, probabilities);
    }

    /// <summary>What the learned models decide: the best candidate, the abstention model's confidence, whether it answers, and every candidate's probability.</summary>
    private static (int Best, double Confidence, bool Answer, float[] Probabilities) Decided(LocalModels models, string question, float[] questionVector, IReadOnlyList<CandidateSentence> candidates, TokenVectors questionTokens)
    {
        var features = SentenceFeatures.Extract(question, questionVector, candidates, questionTokens);
        var probabilities = models.Scorer.Predict(features);
        var best = 0;
        for (var i = 1; i < probabilities.Length; i++)
        {
            // Ties go to the earlier candidate: higher-ranked source, earlier sentence.
            if (probabilities[i] > probabilities[best])
            {
                best = i;
            }
        }

        var (abstention, operatingPoint) = models.AbstentionFor(question);
        var confidence = abstention.Predict([QuestionFeatures.Extract(question, candidates, features, probabilities, questionTokens)])[0];
        return (best, confidence, confidence >= operatingPoint, probabilities);
    }

    /// <summary>
    /// "What do the articles say about X?" for the first name X <paramref name="question"/> names after its first word
    /// (<see cref="NamedEntities.AfterFirstWord"/>) that is a name and nothing else (<see cref="TextFeatures.TopicFormOf"/>);
    /// null when it names none.
    /// </summary>
    internal static string? AboutName(string question) =>
        NamedEntities.AfterFirstWord(question)
            .Select(QuestionWording.ArticlesSayAbout)
            .FirstOrDefault(topic => TextFeatures.TopicFormOf(topic) != TopicForm.None);

    /// <summary>
    /// The question's vector (the turn's, when retrieval embedded it) and its word-pieces (MiniLM keeps those of the
    /// text it just embedded, so the question is not run again).
    /// </summary>
    private async Task<(float[] Vector, TokenVectors Tokens)> QuestionAsync(string question, LocalTurn? turn, CancellationToken cancellationToken)
    {
        if (turn is { QueryVector.IsEmpty: false } && embeddings.GetService<MiniLmEmbeddingGenerator>() is null)
        {
            return (turn.QueryVector.ToArray(), (await _ownMiniLm.Value.EncodeAsync([question], cancellationToken).ConfigureAwait(false))[0].Tokens);
        }

        var encoded = (await EncodeAsync(embeddings, [question], cancellationToken).ConfigureAwait(false))[0];
        return (turn is { QueryVector.IsEmpty: false } ? turn.QueryVector.ToArray() : encoded.Vector, encoded.Tokens);
    }

    /// <summary>
    /// Every sentence of every source with its vector and word-pieces, embedded once: the local MiniLM keeps what it
    /// encoded (the passage ranker has usually just encoded these), other models' vectors are kept here.
    /// </summary>
    private async Task<List<CandidateSentence>> CandidatesAsync(IReadOnlyList<SourcesBlock.Source> sources, LocalTurn? turn, CancellationToken cancellationToken)
    {
        var keepHere = embeddings.GetService<MiniLmEmbeddingGenerator>() is null;
        var vectors = new Dictionary<string, Encoded>(StringComparer.Ordinal);
        var missing = new List<string>();
        foreach (var sentence in sources.SelectMany(s => SentencesOf(s.Text)))
        {
            if (keepHere && _vectors.TryGetValue(sentence, out var cached))
            {
                vectors[sentence] = cached;
            }
            else if (!vectors.ContainsKey(sentence) && !missing.Contains(sentence, StringComparer.Ordinal))
            {
                missing.Add(sentence);
            }
        }

        if (missing.Count > 0)
        {
            var generated = await EncodeAsync(embeddings, missing, cancellationToken).ConfigureAwait(false);
            if (_vectors.Count > CachedSentences)
            {
                _vectors.Clear();
            }

            for (var i = 0; i < missing.Count; i++)
            {
                vectors[missing[i]] = generated[i];
                if (keepHere)
                {
                    _vectors[missing[i]] = generated[i];
                }
            }
        }

        return Candidates(sources, turn?.SourceScores ?? [], vectors);
    }

    /// <summary>
    /// Each text's vector from <paramref name="embeddings"/> and its MiniLM word-pieces: from the same runs when the
    /// embeddings are the local MiniLM, else from a MiniLM of the answerer's own. The Local model and training both
    /// encode through here.
    /// </summary>
    internal static async Task<IReadOnlyList<Encoded>> EncodeAsync(IEmbeddingGenerator<string, Embedding<float>> embeddings, IReadOnlyList<string> texts, CancellationToken cancellationToken)
    {
        if (embeddings.GetService<MiniLmEmbeddingGenerator>() is { } miniLm)
        {
            return [.. (await miniLm.EncodeAsync(texts, cancellationToken).ConfigureAwait(false)).Select(e => new Encoded(e.Vector, e.Tokens))];
        }

        var generated = await embeddings.GenerateAsync(texts, cancellationToken: cancellationToken).ConfigureAwait(false);
        var tokens = await _ownMiniLm.Value.EncodeAsync(texts, cancellationToken).ConfigureAwait(false);
        return [.. generated.Zip(tokens, (e, t) => new Encoded(e.Vector.ToArray(), t.Tokens))];
    }

    /// <summary>
    /// Every sentence of every source, in source then sentence order, with its vector from <paramref name="vectors"/>
    /// and its source's retrieval score (NaN when not known). Training builds its candidates here too.
    /// </summary>
    internal static List<CandidateSentence> Candidates(IReadOnlyList<SourcesBlock.Source> sources, IReadOnlyList<double> scores, IReadOnlyDictionary<string, Encoded> vectors) =>
        sources.SelectMany((source, rank) => SentencesOf(source.Text).Select((sentence, order) => new CandidateSentence(
                source.Number,
                rank,
                order,
                sentence,
                source.Title,
                source.Text,
                vectors[sentence].Vector,
                source.Number - 1 < scores.Count ? scores[source.Number - 1] : double.NaN,
                vectors[sentence].Tokens)))
            .ToList();

    /// <summary>The sentences of a source's text (a line break always ends one).</summary>
    internal static IEnumerable<string> SentencesOf(string text) => SentenceSplitter.Sentences(text);


    /// <summary>A text's unit-length vector and its MiniLM word-pieces.</summary>
    internal sealed record Encoded(float[] Vector, TokenVectors Tokens);
}
