using System.Text.RegularExpressions;
using ArticleQa.Retrieval;
using ArticleQa.Text;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.SemanticKernel;

namespace ArticleQa.Answering;

/// <summary>
/// Up to three follow-up questions after an answer, drawn from the passages it cited and the rest of their articles.
/// The Local model asks about the names those articles mention most that the question and answer have not covered
/// (deterministic), and offers only those it then answers itself; real LLMs run the <c>FollowUps</c> prompt, and only
/// questions whose search finds a passage above <c>Retrieval:MinScore</c> are offered (asking the model again for each
/// would triple the cost of a turn). Either way a suggestion does not lead to "the articles don't cover that".
/// </summary>
public sealed partial class FollowUpGenerator(
    AnswerGenerator answers,
    ArticleLibrary library,
    PassageRetriever retriever,
    PromptLibrary prompts,
    Kernel kernel,
    IOptions<LlmOptions> llm,
    IOptions<RetrievalOptions> retrieval,
    ILogger<FollowUpGenerator> logger)
{
    public const int MaxFollowUps = 3;

    /// <summary>Longest label the Local model gives a suggestion (Teams shows at most 20 characters).</summary>
    public const int MaxTitleLength = 20;

    private const int MaxSourcePassages = 6;

    /// <summary>How many candidate questions are tried before settling for fewer suggestions.</summary>
    private const int MaxCandidates = 10;

    /// <summary>Example questions the welcome offers.</summary>
    public const int MaxStarters = 2;

    // Per index snapshot, held weakly: a snapshot the library has replaced is not kept alive by its questions.
    private readonly System.Runtime.CompilerServices.ConditionalWeakTable<PassageIndex, Task<IReadOnlyList<string>>> _starters = new();

    public Task<IReadOnlyList<FollowUp>> SuggestAsync(string question, Answer answer, CancellationToken cancellationToken) =>
        SuggestAsync(question, answer, [], cancellationToken);

    /// <summary>
    /// The follow-ups after <paramref name="answer"/>, none of which the Local model answers with what it
    /// <paramref name="given"/> in this conversation already (the texts of its earlier answers) or with this answer:
    /// after "Who will travel to Moscow next week?" and two more turns, "What happened in Moscow?" would bring the
    /// envoy's trip again.
    /// </summary>
    public async Task<IReadOnlyList<FollowUp>> SuggestAsync(string question, Answer answer, IEnumerable<string> given, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(question);
        ArgumentNullException.ThrowIfNull(answer);
        ArgumentNullException.ThrowIfNull(given);
        if (answer.Abstained || answer.Failed || answer.Citations.Count == 0)
        {
            return [];
        }

        var passages = await ArticlePassagesAsync(answer, cancellationToken).ConfigureAwait(false);
        var candidates = llm.Value.Provider == LlmProvider.Local
            ? FromNames(question, answer, passages)
            : await FromModelAsync(question, answer, passages, cancellationToken).ConfigureAwait(false);
        return await KeepAnsweredAsync(candidates, MaxFollowUps, [answer.Text, .. given], cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Up to <see cref="MaxStarters"/> questions to start a conversation with (the welcome's "Try:"): about names in
    /// the articles' opening passages, each in the first wording that is answered, checked as the follow-ups are, so
    /// that they too never lead to "the articles don't cover that". Checked once per index snapshot, however many
    /// welcomes wait for it; after a provider failure the welcome has none and the next one checks again.
    /// </summary>
    public async Task<IReadOnlyList<string>> StarterQuestionsAsync(CancellationToken cancellationToken)
    {
        Task<IReadOnlyList<string>> pending;
        using (var lease = await library.LeaseIndexAsync(cancellationToken).ConfigureAwait(false))
        {
            var index = lease.Index;
            if (!_starters.TryGetValue(index, out pending!))
            {
                var candidates = StarterCandidates(index);
                pending = _starters.GetValue(index, i => CheckStartersAsync(i, candidates));
            }
        }

        return await pending.WaitAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Questions about the names of the opening passages, each in its wordings (the texts copied out of the snapshot).</summary>
    private static List<IReadOnlyList<FollowUp>> StarterCandidates(PassageIndex index)
    {
        var opening = Enumerable.Range(0, Math.Min(index.PassageCount, 20)).Select(index.GetPassage).ToList();
        var text = string.Join('\n', opening.Select(p => p.Text));
        return [.. opening
            .Where(p => p.Ordinal == 0)
            // Line by line: a name does not run on from a subtitle's last word into the next paragraph's first
            // ("... with Putin" and "Russian President Vladimir Putin ..." are not "Putin Russian President ...").
            .SelectMany(p => p.Text.Split('\n').Skip(1).SelectMany(NamedEntities.Find))
            .Where(name => name.Length > 3)
            .Distinct(StringComparer.Ordinal)
            .Select(name => (IReadOnlyList<FollowUp>)[.. QuestionsAbout(name, text).Select(q => new FollowUp(Label(name), q))])];
    }

    private async Task<IReadOnlyList<string>> CheckStartersAsync(PassageIndex index, List<IReadOnlyList<FollowUp>> candidates)
    {
        // Off the caller's thread, so that a failure removes the entry only after the table holds it.
        await Task.Yield();
        try
        {
            return [.. (await KeepAnsweredAsync(candidates, MaxStarters, [], CancellationToken.None).ConfigureAwait(false)).Select(f => f.Question)];
        }
        catch (Exception e) when (ModelFailure.IsProviderFailure(e, CancellationToken.None))
        {
            // A welcome without examples beats no welcome; the next one checks again.
            logger.LogWarning(e, "Checking the welcome's example questions failed; this welcome has none");
            _starters.Remove(index);
            return [];
        }
    }

    /// <summary>
    /// The first answered wording of each candidate subject, in order, until <paramref name="count"/> are kept or
    /// <see cref="MaxCandidates"/> questions have been tried; a subject whose answer is one already
    /// <paramref name="given"/> or kept is left out.
    /// </summary>
    private async Task<List<FollowUp>> KeepAnsweredAsync(IEnumerable<IReadOnlyList<FollowUp>> candidates, int count, IEnumerable<string> given, CancellationToken cancellationToken)
    {
        var kept = new List<FollowUp>();
        var answersKept = given.Select(CitationParser.WithoutMarkers).ToHashSet(StringComparer.Ordinal);
        var tries = 0;
        foreach (var alternatives in candidates)
        {
            // Each candidate is one subject in one or more wordings; the first wording answered stands for it.
            foreach (var candidate in alternatives.Where(c => !kept.Exists(k => k.Question.Equals(c.Question, StringComparison.OrdinalIgnoreCase))))
            {
                if (kept.Count == count || tries++ == MaxCandidates)
                {
                    return kept;
                }

                var (answered, reply) = await AnsweredAsync(candidate.Question, cancellationToken).ConfigureAwait(false);
                if (answered)
                {
                    // Two that lead to the same answer are one: on the seed "Who is Witkoff?" and "What happened in
                    // Moscow?" both get the envoy's trip.
                    if (reply is null || answersKept.Add(reply))
                    {
                        kept.Add(candidate);
                    }

                    break;
                }
            }
        }

        return kept;
    }

    /// <summary>
    /// Whether <paramref name="question"/> is answered, and the Local model's answer without its markers (null for a
    /// real LLM, which is not asked: its search is).
    /// </summary>
    private async Task<(bool Answered, string? Reply)> AnsweredAsync(string question, CancellationToken cancellationToken)
    {
        if (llm.Value.Provider == LlmProvider.Local)
        {
            var answer = await answers.AnswerAsync(question, cancellationToken).ConfigureAwait(false);
            return (!answer.Abstained && answer.Citations.Count > 0, CitationParser.WithoutMarkers(answer.Text));
        }

        var found = await retriever.SearchAsync(question, topK: 1, cancellationToken: cancellationToken).ConfigureAwait(false);
        return (found.Count > 0 && found[0].Score >= retrieval.Value.MinScore, null);
    }

    /// <summary>The cited passages first, then the other passages of the cited articles in order.</summary>
    private async Task<List<RetrievedPassage>> ArticlePassagesAsync(Answer answer, CancellationToken cancellationToken)
    {
        // Passage texts are read from the snapshot's file: hold it so a sync meanwhile cannot close it.
        using var lease = await library.LeaseIndexAsync(cancellationToken).ConfigureAwait(false);
        var index = lease.Index;
        var cited = answer.Citations.Select(c => index.FindPassage(c.PassageId, 1)).OfType<RetrievedPassage>().ToList();
        var rest = answer.Citations.Select(c => c.ArticleId).Distinct(StringComparer.Ordinal)
            .SelectMany(id => Enumerable.Range(0, int.MaxValue).Select(n => index.FindPassage($"{id}#{n}", 0)).TakeWhile(p => p is not null))
            .OfType<RetrievedPassage>()
            .Where(p => cited.TrueForAll(c => c.Passage.Id != p.Passage.Id));
        return [.. cited, .. rest];
    }

    /// <summary>
    /// The Local model's suggestions: names the cited articles mention at least twice (at least once mid-sentence, so
    /// a capitalised sentence opening is no name), most mentioned first, that the question and answer do not contain.
    /// </summary>
    internal static IEnumerable<IReadOnlyList<FollowUp>> FromNames(string question, Answer answer, IReadOnlyList<RetrievedPassage> passages)
    {
        var covered = TermAnalyzer.Analyze(question + " " + CitationParser.WithoutMarkers(answer.Text)).ToHashSet(StringComparer.Ordinal);
        var text = string.Join("\n\n", passages.Select(p => p.Passage.Text));
        var chosen = new List<HashSet<string>>();
        var chosenNames = new List<string>();
        foreach (var name in NamesWorthAsking(text))
        {
            var terms = TermAnalyzer.Analyze(name).ToHashSet(StringComparer.Ordinal);
            if (terms.Count == 0 || terms.All(covered.Contains) || chosen.Exists(c => c.Overlaps(terms))
                || name.Contains('\n') || InAddressOnly(text, name) || chosenNames.Exists(place => OnlyAfter(text, place, name)))
            {
                continue;
            }

            chosen.Add(terms);
            var questions = QuestionsAbout(name, text);
            if (questions[0].StartsWith("What happened in ", StringComparison.Ordinal))
            {
                // A place: its country, named only after it, is not asked about as well.
                chosenNames.Add(name);
            }

            yield return [.. questions.Select(q => new FollowUp(Label(name), q))];
        }
    }

    /// <summary>
    /// Names <paramref name="text"/> mentions at least twice, at least once mid-sentence (so a capitalised sentence
    /// opening is no name), not dates or demonyms; most mentioned first, then by first mention. Training asks its
    /// entity questions about the same names (<c>EntityQuestions</c>).
    /// </summary>
    internal static IEnumerable<string> NamesWorthAsking(string text) =>
        NamedEntities.Find(text)
            .Where(name => name.Length > 3 && !TimeWord().IsMatch(name) && !Demonym().IsMatch(name))
            .GroupBy(name => name, StringComparer.Ordinal)
            .Where(g => g.Count() >= 2 && MidSentence(text, g.Key))
            .OrderByDescending(g => g.Count())
            .ThenBy(g => text.IndexOf(g.Key, StringComparison.Ordinal))
            .Select(g => g.Key);

    /// <summary>
    /// Questions about a name found in <paramref name="text"/>, the most specific wording first: a place (it follows
    /// "in", "at", "to" or "from" somewhere, or a place after them and a comma: "to Bishkek, Kyrgyzstan") "What
    /// happened in X?", an acronym "What is X?", anything else "Who is X?"; then the open "What do the articles say
    /// about X?".
    /// </summary>
    public static IReadOnlyList<string> QuestionsAbout(string name, string text)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(text);
        var specific = Regex.IsMatch(text, $@"\b(in|at|to|from)\s+(\p{{Lu}}[\p{{L}}\-]+,\s+)?{Regex.Escape(name)}\b")
            ? $"What happened in {name}?"
            : name.All(c => !char.IsLetter(c) || char.IsUpper(c)) ? $"What is {name}?" : $"Who is {name}?";
        return [specific, QuestionWording.ArticlesSayAbout(name)];
    }

    private async Task<IEnumerable<IReadOnlyList<FollowUp>>> FromModelAsync(string question, Answer answer, List<RetrievedPassage> passages, CancellationToken cancellationToken)
    {
        var arguments = new KernelArguments
        {
            ["sources"] = SourcesBlock.Format(passages.Take(MaxSourcePassages).ToList()),
            ["question"] = question,
            ["answer"] = CitationParser.WithoutMarkers(answer.Text),
        };
        try
        {
            var result = await prompts.Current[PromptLibrary.FollowUpsFunction].InvokeAsync(kernel, arguments, cancellationToken).ConfigureAwait(false);
            return ParseQuestions(result.GetValue<string>() ?? "", question).Select(f => (IReadOnlyList<FollowUp>)[f]);
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            logger.LogWarning(e, "The FollowUps prompt failed; no suggestions for this answer");
            return [];
        }
    }

    /// <summary>One question per line of the model's reply (bullets and numbering removed), other than the one asked.</summary>
    internal static IEnumerable<FollowUp> ParseQuestions(string reply, string question) =>
        reply.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Select(line => ListMarker().Replace(line, "").Trim().Trim('"', '“', '”').Trim())
            .Where(line => line.EndsWith('?') && line.Length is > 5 and <= 200 && !line.Equals(question.Trim(), StringComparison.OrdinalIgnoreCase))
            .Select(line => new FollowUp(Label(line), line));

    private static string Label(string text)
    {
        if (text.Length <= MaxTitleLength)
        {
            return text;
        }

        var cut = text.LastIndexOf(' ', MaxTitleLength - 1);
        return string.Concat(text.AsSpan(0, cut > MaxTitleLength / 2 ? cut : MaxTitleLength - 1), "…");
    }

    /// <summary>
    /// Whether every mention of <paramref name="name"/> in <paramref name="text"/> follows <paramref name="place"/> and a
    /// comma ("Bishkek, Kyrgyzstan"): the country of a place already suggested, about which the articles say the same.
    /// </summary>
    internal static bool OnlyAfter(string text, string place, string name)
    {
        var mentions = Mentions(text, Regex.Escape(name));
        return mentions > 0 && Mentions(text, $@"{Regex.Escape(place)},\s+{Regex.Escape(name)}") == mentions;
    }

    /// <summary>Whether every mention of <paramref name="name"/> is part of a web address ("Antiwar.com"): a site, no one to ask about.</summary>
    internal static bool InAddressOnly(string text, string name)
    {
        var mentions = Mentions(text, Regex.Escape(name));
        return mentions > 0 && Mentions(text, $@"{Regex.Escape(name)}\.\p{{Ll}}{{2,}}") == mentions;
    }

    /// <summary>How often <paramref name="pattern"/> stands in <paramref name="text"/> as whole words.</summary>
    private static int Mentions(string text, string pattern) => Regex.Count(text, $@"(?<![\p{{L}}\d]){pattern}(?![\p{{L}}\d])");

    private static bool MidSentence(string text, string name) =>
        Regex.Count(text, $@"[\p{{Ll}}\d,;:]\s+{Regex.Escape(name)}\b") > 0;

    [GeneratedRegex(@"^(January|February|March|April|May|June|July|August|September|October|November|December|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b")]
    private static partial Regex TimeWord();

    /// <summary>One capitalised adjective of a people or place (Russian, Ukrainian, European, Chinese, British): no name to ask about.</summary>
    [GeneratedRegex(@"^\p{Lu}\p{Ll}+(ian|ean|can|ese|ish)$")]
    private static partial Regex Demonym();

    [GeneratedRegex(@"^(\d+[.)]|[-*•])\s*")]
    private static partial Regex ListMarker();
}
