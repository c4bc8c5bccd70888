using ArticleQa.Retrieval;
using ArticleQa.Text;

namespace ArticleQa.Answering;

/// <summary>Where the sources of a turn about the articles themselves come from, and of a follow-up's carried passages.</summary>
public sealed partial class AnswerGenerator
{
    /// <summary>
    /// The opening passage of each article for an <see cref="OverviewRequest"/>: newest first (undated ones last, then
    /// by title), <c>Retrieval:TopK</c> of them, each with score 1 (chosen, not found); of the articles the last of
    /// <paramref name="recent"/> cited when it is given (<see cref="AskedAbout"/>).
    /// </summary>
    private async Task<List<RetrievedPassage>> OpeningPassagesAsync(IReadOnlyList<ConversationTurn> recent, string? topic, CancellationToken cancellationToken)
    {
        using var lease = await library.LeaseIndexAsync(cancellationToken).ConfigureAwait(false);
        return OpeningPassages(lease.Index, AskedAbout(recent, lease.Index, topic));
    }

    /// <summary>
    /// The sources of "Tell me more" after an overview, in the overview's order of articles: the passage of each where
    /// it goes on after what was <paramref name="said"/> (<see cref="Continuation"/>), <c>Retrieval:TopK</c> of them.
    /// An article with nothing left is left out; none left, none. Of the articles the last of <paramref name="recent"/>
    /// cited when it is given, as for the overview it goes on from ("Who wrote this?", "Summarize it", "Tell me more").
    /// </summary>
    private async Task<List<RetrievedPassage>> ContinuedPassagesAsync(string said, IReadOnlyList<ConversationTurn> recent, string? topic, CancellationToken cancellationToken)
    {
        using var lease = await library.LeaseIndexAsync(cancellationToken).ConfigureAwait(false);
        var saidText = new SaidText(said);
        return [.. AskedAbout(recent, lease.Index, topic).Select(a => Continuation(lease.Index, a, saidText)).OfType<RetrievedPassage>().Take(_retrieval.TopK)];
    }

    /// <summary>
    /// The passage, with score 1, where <paramref name="article"/> goes on after what was said: from the last one
    /// holding a sentence said (the opening one when none does), the first with a sentence left to say
    /// (<see cref="OverviewRequest.NextSentence"/>); null when the article has said all it has. Its text ends with an
    /// author's note in one of its last passages (<see cref="BylineRequest.IsAuthorNote"/>): the passages after that
    /// one are the page's boilerplate.
    /// </summary>
    private static RetrievedPassage? Continuation(PassageIndex index, ArticleInfo article, SaidText said)
    {
        var passages = Enumerable.Range(0, index.PassageCountOf(article.Id))
            .Select(p => index.FindPassage($"{article.Id}#{p}", 1))
            .OfType<RetrievedPassage>()
            .Select(p => (Retrieved: p, Sentences: SentenceSplitter.Sentences(p.Passage.Text).ToList()))
            .ToList();
        var endFrom = Math.Max(1, passages.Count - BylineRequest.EndPassages);
        if (endFrom < passages.Count && passages.FindIndex(endFrom, p => p.Sentences.Exists(BylineRequest.IsAuthorNote)) is var note and >= 0)
        {
            passages = passages[..(note + 1)];
        }

        var last = passages.FindLastIndex(p => p.Sentences.Exists(said.Holds));
        return passages.Skip(Math.Max(last, 0)).FirstOrDefault(p => OverviewRequest.NextSentence(article.Title, p.Sentences, said) is not null).Retrieved;
    }

    /// <summary>The opening passage of each of <paramref name="articles"/>, in their order, <c>Retrieval:TopK</c> of them, each with score 1.</summary>
    private List<RetrievedPassage> OpeningPassages(PassageIndex index, IEnumerable<ArticleInfo> articles) =>
        [.. articles.Select(a => index.FindPassage($"{a.Id}#0", 1)).OfType<RetrievedPassage>().Take(_retrieval.TopK)];

    /// <summary>
    /// The byline passage of each article a <see cref="BylineRequest"/> is about (<see cref="BylineRequest.Sentence"/>),
    /// each with score 1: of the articles asked about (<see cref="AskedAbout"/>), <c>Retrieval:TopK</c> of them. None
    /// when no article names its author. Only the first and last passages of an article without an author in its
    /// metadata are read.
    /// </summary>
    private async Task<List<RetrievedPassage>> BylinePassagesAsync(IReadOnlyList<ConversationTurn> recent, string? topic, CancellationToken cancellationToken)
    {
        using var lease = await library.LeaseIndexAsync(cancellationToken).ConfigureAwait(false);
        var index = lease.Index;
        var found = new List<RetrievedPassage>();
        foreach (var article in AskedAbout(recent, index, topic))
        {
            var count = index.PassageCountOf(article.Id);
            var read = new Dictionary<int, RetrievedPassage?>();
            RetrievedPassage? Read(int p) => read.TryGetValue(p, out var known) ? known : read[p] = index.FindPassage($"{article.Id}#{p}", 1);
            var byline = BylineRequest.Sentence(count, p => SentenceSplitter.Sentences(Read(p)?.Passage.Text ?? ""), article.Author);
            // An author the metadata names and no sentence does: the opening passage, with the author in its header.
            // So does an article asked about by name or by the last answer without one: the answer says it names none.
            int? chosen = byline?.Passage ?? ((string.IsNullOrWhiteSpace(article.Author) && !OneAskedAbout(recent, topic)) || count == 0 ? null : 0);
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
    /// The opening passage of each article an <see cref="ArticleDetailRequest"/> is about, each with score 1,
    /// <c>Retrieval:TopK</c> of them, and how many articles it is about: its header gives the title and the date. A
    /// question about which articles there are is about all of them (<see cref="ArticleDetailRequest.AsksForAll"/>),
    /// others about those asked about (<see cref="AskedAbout"/>). Null for a date question when none of them is dated:
    /// "When was the article published?" then more likely asks about an article the articles mention.
    /// </summary>
    private async Task<DetailSources?> DetailPassagesAsync(TurnKind kind, string question, IReadOnlyList<ConversationTurn> recent, string? topic, CancellationToken cancellationToken)
    {
        using var lease = await library.LeaseIndexAsync(cancellationToken).ConfigureAwait(false);
        var articles = (ArticleDetailRequest.AsksForAll(question) ? NewestFirst(lease.Index.Articles.Values) : AskedAbout(recent, lease.Index, topic)).ToList();
        var found = OpeningPassages(lease.Index, articles);
        // An article named by its topic, or the one the last answer cited, is the one asked about, dated or not
        // ("“...” has no date").
        return kind == TurnKind.Published && !OneAskedAbout(recent, topic) && found.TrueForAll(p => p.Article.Published is null) ? null : new DetailSources(found, articles.Count);
    }

    /// <summary>
    /// For "Which article mentions <paramref name="topic"/>?" (<see cref="ArticleReference.WhichOf"/>): of the passages
    /// retrieval finds for the topic, the best of each article that holds all its words (with the article's title),
    /// <c>Retrieval:TopK</c> of them; none when no passage does.
    /// </summary>
    private async Task<DetailSources> MentioningPassagesAsync(string topic, CancellationToken cancellationToken)
    {
        var vector = await retriever.EmbedAsync(topic, cancellationToken).ConfigureAwait(false);
        var found = await retriever.SearchAsync(topic, vector, cancellationToken: cancellationToken).ConfigureAwait(false);
        var terms = TermAnalyzer.Analyze(topic).Distinct(StringComparer.Ordinal).ToList();
        var mentioning = found
            .Where(p => TermAnalyzer.Analyze(p.Article.Title + "\n" + p.Passage.Text).ToHashSet(StringComparer.Ordinal) is var held && terms.TrueForAll(held.Contains))
            .DistinctBy(p => p.Article.Id)
            .Take(_retrieval.TopK)
            .ToList();
        return new DetailSources(mentioning, mentioning.Count);
    }

    /// <summary>
    /// The articles a question about the articles themselves (who wrote them, their title, their date) is about: those
    /// its <paramref name="topic"/> names when it names one ("the Geneva article", <see cref="ArticleReference"/>;
    /// none when no article is about it), else in a conversation those the last answer cited, else every article,
    /// newest first as for an overview.
    /// </summary>
    private static IEnumerable<ArticleInfo> AskedAbout(IReadOnlyList<ConversationTurn> recent, PassageIndex index, string? topic = null)
    {
        if (topic is not null)
        {
            return ArticleReference.Matching(index, topic);
        }

        var cited = recent.Count == 0 ? [] : recent[^1].CitedPassageIds
            .Select(id => index.FindPassage(id, 1)?.Article)
            .OfType<ArticleInfo>()
            .DistinctBy(a => a.Id)
            .ToList();
        return cited.Count > 0 ? cited : NewestFirst(index.Articles.Values);
    }

    /// <summary>Whether the articles asked about are named (by topic, or by what the last answer cited), not all of them.</summary>
    private static bool OneAskedAbout(IReadOnlyList<ConversationTurn> recent, string? topic) =>
        topic is not null || (recent.Count > 0 && recent[^1].CitedPassageIds.Count > 0);

    /// <summary>Articles newest first, undated ones last, then by title: the order of overviews, bylines, titles and dates.</summary>
    private static IEnumerable<ArticleInfo> NewestFirst(IEnumerable<ArticleInfo> articles) =>
        articles.OrderByDescending(a => a.Published ?? DateTimeOffset.MinValue).ThenBy(a => a.Title, StringComparer.Ordinal);

    /// <summary>The sources of a title or date question and how many articles it is about (more than the sources when over <c>Retrieval:TopK</c>).</summary>
    private sealed record DetailSources(List<RetrievedPassage> Passages, int Articles);

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
}
