using ArticleQa.Text;
using Microsoft.Extensions.Options;

namespace ArticleQa.Articles;

/// <summary>
/// Cuts an article into passages of whole sentences: a passage closes at the end of a paragraph once it has the minimum
/// word count (so a passage rarely mixes two topics), otherwise once it reaches the target word count; it never grows
/// past the maximum (unless one sentence alone is longer), and the next passage repeats the last sentences of the
/// previous one as overlap. Offsets point into <see cref="Article.Text"/>.
/// </summary>
public sealed class PassageSplitter(IOptions<ArticlesOptions> options)
{
    private readonly ArticlesOptions _options = options.Value;

    public IReadOnlyList<Passage> Split(Article article)
    {
        ArgumentNullException.ThrowIfNull(article);
        var sentences = SentenceSplitter.Split(article.Text);
        var passages = new List<Passage>();
        var first = 0;
        while (first < sentences.Count)
        {
            var last = first;
            var words = WordCount(article.Text, sentences[first]);
            while (last + 1 < sentences.Count && words < _options.TargetWords && !(words >= _options.MinWords && EndsParagraph(article.Text, sentences, last)))
            {
                var nextWords = WordCount(article.Text, sentences[last + 1]);
                if (words + nextWords > _options.MaxWords)
                {
                    break;
                }

                last++;
                words += nextWords;
            }

            var start = sentences[first].Start;
            var end = sentences[last].End;
            passages.Add(new Passage(article.Id, passages.Count, start, end, article.Text[start..end]));
            if (last + 1 >= sentences.Count)
            {
                break;
            }

            // Overlap never re-starts at or before the current first sentence, so the loop always advances.
            // No overlap across a paragraph break: the next paragraph starts afresh.
            first = EndsParagraph(article.Text, sentences, last) ? last + 1 : Math.Max(first + 1, last + 1 - _options.OverlapSentences);
        }

        return passages;
    }

    private static bool EndsParagraph(string text, IReadOnlyList<TextSpan> sentences, int index) =>
        index + 1 < sentences.Count && text.AsSpan(sentences[index].End, sentences[index + 1].Start - sentences[index].End).Contains("\n\n", StringComparison.Ordinal);

    internal static int WordCount(string text, TextSpan span)
    {
        var count = 0;
        var inWord = false;
        for (var i = span.Start; i < span.End; i++)
        {
            var isSpace = char.IsWhiteSpace(text[i]);
            if (!isSpace && !inWord)
            {
                count++;
            }

            inWord = !isSpace;
        }

        return count;
    }
}
