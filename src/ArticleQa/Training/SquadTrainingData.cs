using System.Security.Cryptography;
using System.Text.Json;
using ArticleQa.Text;
using ArticleQa.Evaluation;

namespace ArticleQa.Training;

/// <summary>
/// The training data: the articles of a SQuAD v1.1 file (paragraphs and answerable questions, evidence = the answer's
/// sentence) plus the unanswerable questions (<c>is_impossible</c>) of a SQuAD 2.0 file on the same articles. The
/// reserved articles are left out as the files are read; the files' SHA-256s go into the model cards.
/// </summary>
public sealed record SquadTrainingData(IReadOnlyList<SquadArticle> Articles, IReadOnlySet<string> Squad2Titles, IReadOnlyDictionary<string, string> FileHashes)
{
    public static async Task<SquadTrainingData> ReadAsync(string squadPath, string squad2Path, CancellationToken cancellationToken)
    {
        var v1 = await ReadFileAsync(squadPath, cancellationToken).ConfigureAwait(false);
        var v2 = await ReadFileAsync(squad2Path, cancellationToken).ConfigureAwait(false);
        var unanswerable = v2.Articles.ToDictionary(
            a => a.Title,
            a => a.Paragraphs.SelectMany(p => p.Questions.Where(q => q.Impossible)).Select(q => new EvalQuestion(q.Id, q.Question, [], "", Answerable: false)).ToList(),
            StringComparer.Ordinal);
        var missing = unanswerable.Keys.Where(t => v1.Articles.All(a => a.Title != t)).ToList();
        if (missing.Count > 0)
        {
            throw new InvalidDataException($"{squad2Path}: articles {string.Join(", ", missing)} are not in {squadPath}; the SQuAD 2.0 file must hold articles of the v1.1 file.");
        }

        var articles = v1.Articles
            .Where(a => !SquadSplit.Reserved.Contains(a.Title, StringComparer.Ordinal))
            .Select(a => new SquadArticle(
                a.Title,
                a.Paragraphs.Select(p => p.Context).ToList(),
                a.Paragraphs.SelectMany(p => p.Questions.Where(q => !q.Impossible).Select(q => Answerable(q, p.Context)))
                    .Concat(unanswerable.GetValueOrDefault(a.Title) ?? [])
                    .ToList()))
            .ToList();
        var hashes = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            [Path.GetFileName(squadPath)] = await HashAsync(squadPath, cancellationToken).ConfigureAwait(false),
            [Path.GetFileName(squad2Path)] = await HashAsync(squad2Path, cancellationToken).ConfigureAwait(false),
        };
        return new SquadTrainingData(articles, unanswerable.Keys.Where(t => !SquadSplit.Reserved.Contains(t)).ToHashSet(StringComparer.Ordinal), hashes);
    }

    private static EvalQuestion Answerable(RawQuestion q, string context)
    {
        var evidence = SentenceSplitter.Split(context).FirstOrDefault(s => s.Start <= q.AnswerStart && q.AnswerStart < s.End);
        return new EvalQuestion(q.Id, q.Question, q.Answers, evidence.Length == 0 ? "" : evidence.Of(context), Answerable: true);
    }

    private static async Task<RawFile> ReadFileAsync(string path, CancellationToken cancellationToken)
    {
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"SQuAD file '{path}' does not exist.", path);
        }

        await using var stream = File.OpenRead(path);
        try
        {
            using var document = await JsonDocument.ParseAsync(stream, cancellationToken: cancellationToken).ConfigureAwait(false);
            return new RawFile(document.RootElement.GetProperty("data").EnumerateArray().Select(article => new RawArticle(
                article.GetProperty("title").GetString()!,
                article.GetProperty("paragraphs").EnumerateArray().Select(Paragraph).ToList())).ToList());
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException)
        {
            throw new InvalidDataException($"SQuAD file '{path}' is not in the SQuAD format (data[].title, paragraphs[].context, qas[]): {e.Message}", e);
        }
    }

    private static RawParagraph Paragraph(JsonElement paragraph)
    {
        // A few SQuAD paragraphs hold a stray line break; a paragraph stays one paragraph (offsets unchanged).
        var context = paragraph.GetProperty("context").GetString()!.Replace('\n', ' ');
        return new RawParagraph(context, paragraph.GetProperty("qas").EnumerateArray().Select(qa =>
        {
            var answers = qa.GetProperty("answers").EnumerateArray().ToList();
            var impossible = qa.TryGetProperty("is_impossible", out var flag) && flag.GetBoolean();
            return new RawQuestion(
                qa.GetProperty("id").GetString()!,
                qa.GetProperty("question").GetString()!,
                answers.Select(a => a.GetProperty("text").GetString()!).Distinct(StringComparer.Ordinal).ToList(),
                answers.Count > 0 ? answers[0].GetProperty("answer_start").GetInt32() : -1,
                impossible || answers.Count == 0);
        }).ToList());
    }

    private static async Task<string> HashAsync(string path, CancellationToken cancellationToken)
    {
        await using var stream = File.OpenRead(path);
        return Convert.ToHexStringLower(await SHA256.HashDataAsync(stream, cancellationToken).ConfigureAwait(false));
    }

    private sealed record RawFile(List<RawArticle> Articles);

    private sealed record RawArticle(string Title, List<RawParagraph> Paragraphs);

    private sealed record RawParagraph(string Context, List<RawQuestion> Questions);

    private sealed record RawQuestion(string Id, string Question, IReadOnlyList<string> Answers, int AnswerStart, bool Impossible);
}
