using System.Text;
using System.Text.Json;
using ArticleQa.Articles;
using ArticleQa.Text;

namespace ArticleQa.Evaluation;

/// <summary>
/// Reads a SQuAD v1.1 file (e.g. the whole dev set) into article files and questions the way tests/eval/squad was made:
/// one Markdown article per SQuAD article with its paragraphs, and per question the sentence that holds its first
/// answer as evidence (split with <see cref="SentenceSplitter"/>).
/// </summary>
public static class SquadDataset
{
    /// <summary>Writes the articles into <paramref name="folder"/> and returns every question.</summary>
    public static async Task<IReadOnlyList<EvalQuestion>> ConvertAsync(string squadJson, string folder, CancellationToken cancellationToken)
    {
        await using var stream = File.OpenRead(squadJson);
        using var document = await JsonDocument.ParseAsync(stream, cancellationToken: cancellationToken);
        Directory.CreateDirectory(folder);
        var questions = new List<EvalQuestion>();
        foreach (var article in document.RootElement.GetProperty("data").EnumerateArray())
        {
            var title = article.GetProperty("title").GetString()!;
            var paragraphs = article.GetProperty("paragraphs").EnumerateArray().ToList();
            var text = new StringBuilder().Append("---\ntitle: \"").Append(title.Replace('_', ' ').Replace("\"", "'", StringComparison.Ordinal)).Append("\"\n---\n\n");
            foreach (var paragraph in paragraphs)
            {
                // A few SQuAD paragraphs hold a stray line break; a paragraph stays one paragraph (offsets unchanged).
                var context = paragraph.GetProperty("context").GetString()!.Replace('\n', ' ');
                text.Append(context.Trim()).Append("\n\n");
                questions.AddRange(paragraph.GetProperty("qas").EnumerateArray().Select(qa => Question(qa, context)));
            }

            await File.WriteAllTextAsync(Path.Combine(folder, Slug(title) + ".md"), text.ToString(), cancellationToken);
        }

        return questions;
    }

    private static EvalQuestion Question(JsonElement qa, string context)
    {
        var answers = qa.GetProperty("answers").EnumerateArray().ToList();
        var first = answers[0].GetProperty("answer_start").GetInt32();
        var evidence = SentenceSplitter.Split(context).FirstOrDefault(s => s.Start <= first && first < s.End);
        return new EvalQuestion(
            qa.GetProperty("id").GetString()!,
            qa.GetProperty("question").GetString()!,
            answers.Select(a => a.GetProperty("text").GetString()!).Distinct(StringComparer.Ordinal).ToList(),
            evidence.Length == 0 ? "" : evidence.Of(context),
            Answerable: true);
    }

    internal static string Slug(string title) =>
        new string(title.ToLowerInvariant().Select(c => char.IsLetterOrDigit(c) ? c : '-').ToArray()).Trim('-');
}
