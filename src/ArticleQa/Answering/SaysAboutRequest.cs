using System.Text.RegularExpressions;
using ArticleQa.Answering.Learning;
using ArticleQa.Text;

namespace ArticleQa.Answering;

/// <summary>
/// A question about what someone the articles quote said about something: "What did Putin say about elections?",
/// "What does Putin think of the US plan?", "What has Putin said about Europe?", "How does Putin see the plan?", as
/// readers of news ask. SQuAD, which
/// the abstention model learned from, hardly words questions so (none of its 2,375 dev split questions), and the
/// model gives them 0.35 to 0.59 where the seed answers them, under its operating point. Their answer is a sentence
/// that holds every content term of the topic (stemmed) and reports the speaker's speech (<see cref="Answers"/>).
/// When the abstention model would not answer and such a sentence exists, the question is answered with the one the
/// scorer rates highest; when none does, the articles don't cover it.
/// </summary>
internal static partial class SaysAboutRequest
{
    /// <summary>
    /// The speaker and the topic of <paramref name="question"/>, or null when it is not such a question or its topic
    /// has no content term ("What did Putin say about it?"). "What did Putin say?", "What did Rubio tell reporters?" or
    /// "What else did Putin say?" asks what they said on anything: no topic terms.
    /// </summary>
    public static (string Speaker, IReadOnlyList<string> TopicTerms)? Of(string question)
    {
        ArgumentNullException.ThrowIfNull(question);
        var text = question.Trim().Replace('’', '\'');
        if (Anything().Match(text) is { Success: true } said)
        {
            return (said.Groups["speaker"].Value, []);
        }

        var match = Question().Match(text);
        if (!match.Success)
        {
            return null;
        }

        var terms = TextFeatures.ContentTerms(match.Groups["topic"].Value);
        return terms.Count == 0 ? null : (match.Groups["speaker"].Value, terms);
    }

    /// <summary>
    /// Whether <paramref name="candidate"/> says what <paramref name="speaker"/> said about the topic: all of
    /// <paramref name="topicTerms"/> are among its terms, and it reports the speaker's speech: the name it gives the
    /// speech to is theirs (<see cref="NamedSpeaker"/>), or it gives it to no name and follows a sentence that names
    /// them first, or is part of a quotation that ends with their name ("..., ” Putin said.").
    /// </summary>
    public static bool Answers(CandidateSentence candidate, string speaker, IReadOnlyList<string> topicTerms)
    {
        ArgumentNullException.ThrowIfNull(candidate);
        var terms = TermAnalyzer.Analyze(candidate.Sentence).ToHashSet(StringComparer.Ordinal);
        return topicTerms.All(terms.Contains) && SaidBy(candidate, speaker);
    }

    /// <summary>
    /// Whether <paramref name="candidate"/> is surely not <paramref name="speaker"/>'s words: it reports no speech when
    /// speech is asked for (<paramref name="speechAsked"/>: "Witkoff will travel to Moscow" is no answer to "What did
    /// Witkoff say about Moscow?"; "What did Tesla think of Edison?" may be answered without a verb of saying by a
    /// sentence holding the topic, <paramref name="topicTerms"/>), or gives it to another
    /// name (<see cref="NamedSpeaker"/>: "Putin Says US Plan Could Be ‘Basis’ for Ukraine Deal" is no answer to "What did
    /// Ukraine say about the plan?"), or is the title. Speech given to no name ("According to Biraben, the plague was ...", "he said")
    /// may be theirs: attribution has more forms than these rules know.
    /// </summary>
    public static bool NotSaidBy(CandidateSentence candidate, string speaker, bool speechAsked, IReadOnlyList<string> topicTerms)
    {
        ArgumentNullException.ThrowIfNull(candidate);
        ArgumentNullException.ThrowIfNull(topicTerms);
        if (IsTitle(candidate) || GivenToAnother(candidate.Sentence, speaker))
        {
            return true;
        }

        // No speech reported: not what they said; for what they think, not when it is not about the topic either
        // ("Dave DeCamp is the news editor of Antiwar.com" is not what he thinks about the peace deal).
        var terms = TermAnalyzer.Analyze(candidate.Sentence).ToHashSet(StringComparer.Ordinal);
        return !ReportsSpeech().IsMatch(candidate.Sentence) && (speechAsked || !topicTerms.All(terms.Contains));
    }

    /// <summary>
    /// Whether <paramref name="question"/> asks what someone said or told ("What did Witkoff say about Moscow?"), not
    /// what they thought, felt or how they saw something, which a sentence may report without a verb of saying
    /// ("Tesla considered Edison a talented inventor").
    /// </summary>
    public static bool AsksForSpeech(string question)
    {
        ArgumentNullException.ThrowIfNull(question);
        return SpeechAsked().IsMatch(question);
    }

    [GeneratedRegex(@"^\s*(?:what|how)\s+(?:else\s+)?(?:did|does|do|has|have|had)\s+(?:\S+\s+){1,3}?(?:say|said|tell)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex SpeechAsked();

    /// <summary>The article's title line: the publication's words about what was said ("Putin Says US Plan ..."), not the speaker's.</summary>
    private static bool IsTitle(CandidateSentence candidate) => candidate.Sentence.Trim().Equals(candidate.Title.Trim(), StringComparison.OrdinalIgnoreCase);

    /// <summary>Whether <paramref name="candidate"/> reports <paramref name="speaker"/>'s speech, on whatever topic (the second half of <see cref="Answers"/>).</summary>
    private static bool SaidBy(CandidateSentence candidate, string speaker)
    {
        ArgumentNullException.ThrowIfNull(candidate);
        if (IsTitle(candidate) || !ReportsSpeech().IsMatch(candidate.Sentence))
        {
            // "Witkoff will travel to Moscow to discuss the deal" is not what he said about it.
            return false;
        }

        if (NamedSpeaker(candidate.Sentence) is { } who)
        {
            // "Putin also confirmed that ... Steve Witkoff will be traveling": Putin's words, not Witkoff's; "He said
            // Putin ..." or "But Zelensky said Putin ..." are someone else's.
            return Names(who, speaker);
        }

        return SpeakerBefore(candidate, speaker) || SpeakerAfter(candidate, speaker);
    }

    /// <summary>
    /// Whether a quotation <paramref name="candidate"/> is part of is the speaker's by the words after its end: "“I believe
    /// that the Ukrainian authorities made a fundamental and strategic mistake ... As a result, the president lost his
    /// legitimate status,” Putin said." Read up to four sentences on, in its passage.
    /// </summary>
    private static bool SpeakerAfter(CandidateSentence candidate, string speaker)
    {
        var sentence = candidate.Sentence.Trim();
        var sentences = SentenceSplitter.Sentences(candidate.Passage).Select(s => s.Trim()).ToList();
        var at = sentences.IndexOf(sentence);
        if (at < 0)
        {
            return false;
        }

        // Inside a quotation at its end: one opened in it or before it (in its passage) and not closed.
        var upTo = string.Join(" ", sentences.Take(at + 1));
        if (upTo.LastIndexOf('“') is var opens && (opens < 0 || upTo.IndexOf('”', opens) >= 0))
        {
            return false;
        }

        for (var i = at + 1; i < sentences.Count && i <= at + 4; i++)
        {
            if (sentences[i].Contains('“', StringComparison.Ordinal))
            {
                return false;
            }

            var closes = sentences[i].IndexOf('”', StringComparison.Ordinal);
            if (closes >= 0)
            {
                return Names(sentences[i][closes..], speaker);
            }
        }

        return false;
    }

    /// <summary>
    /// Whether <paramref name="candidate"/> goes on with what the speaker was said to say: it comes right after a
    /// sentence already <paramref name="said"/> in its passage and reports speech that is not someone else's ("“We
    /// never had any such intentions. ...,” he said." after "The Russian leader also said it was “ridiculous” ...").
    /// "Tell me more" after such a question gets it, though it does not name the topic again.
    /// </summary>
    public static bool GoesOn(CandidateSentence candidate, string speaker, SaidText said)
    {
        ArgumentNullException.ThrowIfNull(candidate);
        ArgumentNullException.ThrowIfNull(said);
        if (!ReportsSpeech().IsMatch(candidate.Sentence) || GivenToAnother(candidate.Sentence, speaker))
        {
            return false;
        }

        var sentences = SentenceSplitter.Sentences(candidate.Passage).Select(s => s.Trim()).ToList();
        var at = sentences.IndexOf(candidate.Sentence.Trim());
        return at > 0 && said.Holds(sentences[at - 1]);
    }

    /// <summary>
    /// Whether speech a sentence reports without naming its speaker ("The Russian leader also said ...", "“We never
    /// had any such intentions,” he said.") is the speaker's: the sentence before it in its passage names them first,
    /// (a sentence that opens with a name of its own, "Russian President Vladimir Putin on Thursday said ...", is
    /// that one's, whatever the subtitle before it names).
    /// </summary>
    private static bool SpeakerBefore(CandidateSentence candidate, string speaker)
    {
        var sentence = candidate.Sentence.Trim();
        var sentences = SentenceSplitter.Sentences(candidate.Passage).Select(s => s.Trim()).ToList();
        var at = sentences.IndexOf(sentence);
        return at > 0 && NamedEntities.Find(sentences[at - 1]).FirstOrDefault() is { } first && Names(first, speaker);
    }

    /// <summary>
    /// Whoever a sentence names as speaking: the first capitalised name followed within three words by a verb of
    /// saying ("Putin also confirmed", "Russian President Vladimir Putin on Thursday spoke", "He said", "Zelensky
    /// replied"), or one after "said" or "according to" ("said Putin", "According to Biraben"); null when speech is given to no name ("he said", "The Russian
    /// leader also said").
    /// </summary>
    private static string? NamedSpeaker(string sentence)
    {
        foreach (Match m in SpeakerNamed().Matches(sentence))
        {
            // "He said", "The Russian leader said": a pronoun or a description, no name ("The" and "He" dropped, a
            // proper adjective alone is none).
            if (NamedEntities.Find(m.Groups["name"].Value).FirstOrDefault() is { } name
                && !(name.IndexOf(' ', StringComparison.Ordinal) < 0 && ProperAdjectives.NamesOf(name).Count > 0))
            {
                return name;
            }
        }

        return null;
    }

    [GeneratedRegex(@"(?<name>\p{Lu}[\p{L}'’.-]*(?:\s+\p{Lu}[\p{L}'’.-]*)*)(?:\s+[\p{L}'’]+){0,3}?\s+(?i:" + SpeechVerbs + @")\b|\b(?:said|says|told|(?i:according\s+to))\s+(?<name>\p{Lu}[\p{L}'’.-]*(?:\s+\p{Lu}[\p{L}'’.-]*)*)", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex SpeakerNamed();

    /// <summary>The verbs of saying a speaker is named with ("Putin said", "Zelensky replied").</summary>
    private const string SpeechVerbs = @"said|says|told|tells|added|confirmed|stated|argued|insisted|warned|noted|explained|described|emphasi[sz]ed|made\s+clear|claimed|declared|announced|denied|acknowledged|admitted|spoke|replied|responded|wrote|called";

    /// <summary>Whether <paramref name="sentence"/> gives its speech to a name that is not the speaker's (<see cref="NamedSpeaker"/>).</summary>
    private static bool GivenToAnother(string sentence, string speaker) => NamedSpeaker(sentence) is { } who && !Names(who, speaker);

    /// <summary>Whether <paramref name="text"/> names the speaker, in full or by the last word of a full name ("Rubio" for "Marco Rubio").</summary>
    private static bool Names(string text, string speaker) =>
        NamedEntities.IndexOfName(text, speaker) >= 0
        || (speaker.LastIndexOf(' ') is var space and > 0 && NamedEntities.IndexOfName(text, speaker[(space + 1)..]) >= 0);

    /// <summary>A capitalised name of up to three words as the speaker; a pronoun is none ("What did I say about it?", "How do you see the plan?").</summary>
    private const string Speaker = @"(?!(?i:i|you|we|they|he|she|it|this|that|these|those|them|everyone|someone)\b)(?<speaker>\p{Lu}[\p{L}'.-]*(?:\s+\p{Lu}[\p{L}'.-]*){0,2})";

    // Case-insensitive but for the speaker, whose name is capitalised.
    [GeneratedRegex(@"^(?:(?i:what|how)\s+(?i:did|does|do|has|have|had)\s+" + Speaker + @"\s+(?i:say|said|think|thought|feel|felt|tell\s+(?:reporters|journalists))\s+(?i:about|of|on|regarding|concerning)\s+|(?i:how)\s+(?i:did|does|do|has|have|had)\s+" + Speaker + @"\s+(?i:describe|described|characteri[sz]e|characteri[sz]ed|see|seen|view|viewed)\s+)(?<topic>[^?]+?)\s*\??$", RegexOptions.CultureInvariant)]
    private static partial Regex Question();

    /// <summary>"What did Putin say?", "What else has Putin said?", "What did Rubio tell reporters?": what they said, on any topic.</summary>
    [GeneratedRegex(@"^(?i:what)\s+(?:(?i:else)\s+)?(?i:did|does|has|have|had)\s+" + Speaker + @"\s+(?i:say|said|tell\s+(?:reporters|journalists|the\s+press))\s*[?.!]*$", RegexOptions.CultureInvariant)]
    private static partial Regex Anything();

    /// <summary>A verb of saying, "according to" or a quotation mark: "he said", "Putin told reporters", "According to Biraben", "“We never had ...”".</summary>
    [GeneratedRegex(@"\b(?:according\s+to|wrote|writes|written|suggested|urged|considered|regarded|criticized|criticised|said|says|say|saying|told|tells|added|confirmed|stated|argued|insisted|warned|noted|explained|described|emphasi[sz]ed|made\s+clear|claimed|declared|announced|denied|acknowledged|admitted|spoke|called\s+(?:it|them|the)|believe[sd]?|thinks?|thought)\b|[“”""]", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ReportsSpeech();
}
